import type { CannedResponse } from '@hitl/shared/canned-responses';
import './conversation-tools.css';
import type { Message } from '@hitl/shared/models';
import { type FormEvent, type KeyboardEvent, useRef, useState } from 'react';
import { errorMessage } from '../api/api-error';
import { useCannedCompletion } from '../hooks/use-canned-completion';
import type { CannedValues } from '../lib/fill-canned-variables';
import { CannedMenu } from './canned-menu';
import { type ComposeKind, ComposeKindToggle } from './compose-kind-toggle';
import { SuggestedReplyBar } from './suggested-reply-bar';

type Props = {
  /** Whether this agent may reply (they own the conversation). */
  enabled: boolean;
  disabledReason: string;
  onSend: (text: string) => Promise<void>;
  /** Notes need no claim: any agent may leave one on a loaded conversation. */
  notesEnabled?: boolean;
  onNote?: (text: string) => Promise<void>;
  canned?: readonly CannedResponse[];
  cannedValues?: CannedValues;
  /** The bot's held-back answer to the customer's last question, if any. */
  suggestion?: Message | null;
  /** Told of every change of the reply's text, and when the reply is sent or the composer left. */
  typing?: { typed(text: string): void; stop(): void };
};

export function Composer({
  enabled,
  disabledReason,
  onSend,
  notesEnabled = false,
  onNote,
  canned = [],
  cannedValues = {},
  suggestion = null,
  typing,
}: Props) {
  const [text, setText] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [kind, setKind] = useState<ComposeKind>('reply');
  const [usedSuggestion, setUsedSuggestion] = useState<string | null>(null);
  const box = useRef<HTMLTextAreaElement>(null);
  const completion = useCannedCompletion(canned, cannedValues, text, setText, box);
  const noting = kind === 'note';
  const active = noting ? notesEnabled : enabled;
  const canSend = active && text.trim().length > 0;
  const deliver = noting ? onNote : onSend;

  const send = async () => {
    const draft = text.trim();
    if (!active || !draft || !deliver) return;
    // Clear at once so the agent can keep typing; the draft comes back if the send fails.
    setText('');
    setError(null);
    typing?.stop();
    try {
      await deliver(draft);
    } catch (failure) {
      setText((current) => (current ? `${draft}\n${current}` : draft));
      setError(errorMessage(failure));
    }
  };

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    void send();
  };

  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (completion.onKeyDown(event)) return;
    if (event.key !== 'Enter' || event.shiftKey || event.nativeEvent.isComposing) return;
    event.preventDefault();
    void send();
  };

  // Inserted to edit, never sent by itself; after what the agent already wrote, if anything.
  const insertSuggestion = (message: Message) => {
    setText((current) => (current.trim() ? `${current.trimEnd()}\n${message.text}` : message.text));
    setUsedSuggestion(message.id);
    box.current?.focus();
  };

  const offered = !noting && enabled && suggestion && suggestion.id !== usedSuggestion ? suggestion : null;
  const placeholder = noting
    ? 'Internal note for the team — the customer never sees it. Enter to add'
    : enabled
      ? 'Reply to the customer — Enter to send, Shift+Enter for a new line, / for canned responses'
      : disabledReason;

  return (
    <form
      className={`composer${active ? '' : ' composer-disabled'}${noting ? ' composer-note' : ''}`}
      onSubmit={onSubmit}
    >
      {error && (
        <p className="banner banner-error" role="alert">
          {error}
        </p>
      )}
      {offered && <SuggestedReplyBar suggestion={offered} onUse={() => insertSuggestion(offered)} />}
      {onNote && <ComposeKindToggle kind={kind} onKind={setKind} />}
      <CannedMenu completion={completion} />
      <div className="composer-row">
        <textarea
          ref={box}
          data-testid="reply-input"
          rows={2}
          disabled={!active}
          aria-label={noting ? 'Internal note' : 'Reply to the customer'}
          aria-autocomplete="list"
          aria-controls={completion.open ? completion.listId : undefined}
          aria-activedescendant={completion.open ? completion.optionId(completion.active) : undefined}
          placeholder={placeholder}
          value={text}
          onChange={(event) => {
            setText(event.target.value);
            completion.track(event.target.value, event.target.selectionStart);
            // Only a reply tells the customer someone is typing, never a note.
            if (!noting) typing?.typed(event.target.value);
          }}
          onSelect={(event) =>
            completion.track(event.currentTarget.value, event.currentTarget.selectionStart)
          }
          onBlur={() => typing?.stop()}
          onKeyDown={onKeyDown}
        />
        <button data-testid="reply-send" type="submit" className="btn btn-primary" disabled={!canSend}>
          {noting ? 'Add note' : 'Send'}
        </button>
      </div>
    </form>
  );
}
