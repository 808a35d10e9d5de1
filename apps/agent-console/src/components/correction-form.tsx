import type { CorrectionCreateInput } from '@hitl/shared/agent-events';
import type { CorrectionReason, Message } from '@hitl/shared/models';
import { type FormEvent, useState } from 'react';
import { errorMessage } from '../api/api-error';
import { correctionReasonLabels, keysOf } from '../lib/labels';

type Props = {
  message: Message;
  onSubmit: (input: CorrectionCreateInput) => Promise<void>;
  onCancel: () => void;
};

const reasons = keysOf(correctionReasonLabels);

export function CorrectionForm({ message, onSubmit, onCancel }: Props) {
  const [openedAt] = useState(() => Date.now());
  const [text, setText] = useState(message.text);
  const [chosen, setChosen] = useState<ReadonlySet<CorrectionReason>>(() => new Set());
  const [note, setNote] = useState('');
  const [submitting, setSubmitting] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const ready = chosen.size > 0 && text.trim().length > 0;

  const toggle = (reason: CorrectionReason, checked: boolean) => {
    setChosen((current) => {
      const next = new Set(current);
      if (checked) next.add(reason);
      else next.delete(reason);
      return next;
    });
  };

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (!ready) return;
    setSubmitting(true);
    setError(null);
    try {
      await onSubmit({
        messageId: message.id,
        correctedText: text.trim(),
        reasons: reasons.filter((reason) => chosen.has(reason)),
        note: note.trim() || null,
        timeSpentMs: Math.max(0, Math.round(Date.now() - openedAt)),
      });
    } catch (failure) {
      setError(errorMessage(failure));
      setSubmitting(false);
    }
  };

  return (
    <form className="correction-form" onSubmit={submit}>
      <label className="field">
        <span>Corrected reply</span>
        <textarea
          data-testid="correction-text"
          rows={4}
          value={text}
          onChange={(event) => setText(event.target.value)}
        />
      </label>
      <fieldset className="reason-options">
        <legend>What was wrong? (at least one)</legend>
        {reasons.map((reason) => (
          <label key={reason} className="checkbox">
            <input
              type="checkbox"
              data-testid={`correction-reason-${reason}`}
              checked={chosen.has(reason)}
              onChange={(event) => toggle(reason, event.target.checked)}
            />
            {correctionReasonLabels[reason]}
          </label>
        ))}
      </fieldset>
      <label className="field">
        <span>Note (optional)</span>
        <input data-testid="correction-note" value={note} onChange={(event) => setNote(event.target.value)} />
      </label>
      {error && (
        <p className="banner banner-error" role="alert">
          {error}
        </p>
      )}
      <div className="form-actions">
        {chosen.size === 0 && <span className="muted">Choose at least one reason.</span>}
        <button type="button" className="btn btn-ghost" onClick={onCancel} disabled={submitting}>
          Cancel
        </button>
        <button
          data-testid="correction-submit"
          type="submit"
          className="btn btn-primary"
          disabled={!ready || submitting}
        >
          {submitting ? 'Saving…' : 'Save correction'}
        </button>
      </div>
    </form>
  );
}
