import type { CorrectionReason } from '@hitl/shared/models';
import { type FormEvent, useState } from 'react';
import { errorMessage } from '../api/api-error';
import { correctionReasonLabels, keysOf } from '../lib/labels';

/** What an agent wrote instead of a bot reply, and why. */
export type ReasonedText = {
  text: string;
  reasons: CorrectionReason[];
  note: string | null;
  /** From opening the form to submitting it. */
  timeSpentMs: number;
};

type Props = {
  /** Prefix of the test ids: `<prefix>-text`, `<prefix>-reason-<reason>`, `<prefix>-note`. */
  testIdPrefix: string;
  submitTestId: string;
  errorTestId?: string;
  initialText: string;
  textLabel: string;
  placeholder?: string;
  submitLabel: string;
  busyLabel: string;
  onSubmit: (value: ReasonedText) => Promise<void>;
  onCancel: () => void;
};

const reasons = keysOf(correctionReasonLabels);

/** A reply text, at least one reason tag and an optional note; shared by corrections and draft reviews. */
export function ReasonForm({
  testIdPrefix,
  submitTestId,
  errorTestId,
  initialText,
  textLabel,
  placeholder,
  submitLabel,
  busyLabel,
  onSubmit,
  onCancel,
}: Props) {
  const [openedAt] = useState(() => Date.now());
  const [text, setText] = useState(initialText);
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
        text: text.trim(),
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
        <span>{textLabel}</span>
        <textarea
          data-testid={`${testIdPrefix}-text`}
          rows={4}
          placeholder={placeholder}
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
              data-testid={`${testIdPrefix}-reason-${reason}`}
              checked={chosen.has(reason)}
              onChange={(event) => toggle(reason, event.target.checked)}
            />
            {correctionReasonLabels[reason]}
          </label>
        ))}
      </fieldset>
      <label className="field">
        <span>Note (optional)</span>
        <input
          data-testid={`${testIdPrefix}-note`}
          value={note}
          onChange={(event) => setNote(event.target.value)}
        />
      </label>
      {error && (
        <p className="banner banner-error" role="alert" data-testid={errorTestId}>
          {error}
        </p>
      )}
      <div className="form-actions">
        {chosen.size === 0 && <span className="muted">Choose at least one reason.</span>}
        <button type="button" className="btn btn-ghost" onClick={onCancel} disabled={submitting}>
          Cancel
        </button>
        <button
          data-testid={submitTestId}
          type="submit"
          className="btn btn-primary"
          disabled={!ready || submitting}
        >
          {submitting ? busyLabel : submitLabel}
        </button>
      </div>
    </form>
  );
}
