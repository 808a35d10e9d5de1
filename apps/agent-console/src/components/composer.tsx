import { type FormEvent, type KeyboardEvent, useState } from 'react';
import { errorMessage } from '../api/api-error';

type Props = {
  enabled: boolean;
  disabledReason: string;
  onSend: (text: string) => Promise<void>;
  /** Told of every change of the text, and when the reply is sent or the composer left. */
  typing?: { typed(text: string): void; stop(): void };
};

export function Composer({ enabled, disabledReason, onSend, typing }: Props) {
  const [text, setText] = useState('');
  const [error, setError] = useState<string | null>(null);
  const canSend = enabled && text.trim().length > 0;

  const send = async () => {
    const draft = text.trim();
    if (!enabled || !draft) return;
    // Clear at once so the agent can keep typing; the draft comes back if the send fails.
    setText('');
    setError(null);
    typing?.stop();
    try {
      await onSend(draft);
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
    if (event.key !== 'Enter' || event.shiftKey || event.nativeEvent.isComposing) return;
    event.preventDefault();
    void send();
  };

  return (
    <form className={enabled ? 'composer' : 'composer composer-disabled'} onSubmit={onSubmit}>
      {error && (
        <p className="banner banner-error" role="alert">
          {error}
        </p>
      )}
      <div className="composer-row">
        <textarea
          data-testid="reply-input"
          rows={2}
          disabled={!enabled}
          placeholder={
            enabled ? 'Reply to the customer — Enter to send, Shift+Enter for a new line' : disabledReason
          }
          value={text}
          onChange={(event) => {
            setText(event.target.value);
            typing?.typed(event.target.value);
          }}
          onBlur={() => typing?.stop()}
          onKeyDown={onKeyDown}
        />
        <button data-testid="reply-send" type="submit" className="btn btn-primary" disabled={!canSend}>
          Send
        </button>
      </div>
    </form>
  );
}
