import { type CloseOutcome, closeOutcomeLabels, closeOutcomes } from '@hitl/shared/close-outcomes';
import { type FormEvent, useId, useState } from 'react';
import './conversation-actions.css';

type Props = {
  busy: boolean;
  onClose: (ending: { outcome: CloseOutcome; tags: string[] }) => void;
  onCancel: () => void;
};

/** How the conversation ended (required, one of a few) and optional tags, asked before closing. */
export function CloseForm({ busy, onClose, onCancel }: Props) {
  const [outcome, setOutcome] = useState<CloseOutcome>('resolved');
  const [tags, setTags] = useState('');
  const tagsId = useId();

  const submit = (event: FormEvent) => {
    event.preventDefault();
    onClose({ outcome, tags: parseTags(tags) });
  };

  return (
    <form
      className="action-popover"
      aria-label="Close the conversation"
      onSubmit={submit}
      onKeyDown={(event) => {
        if (event.key === 'Escape') onCancel();
      }}
      data-testid="close-form"
    >
      <fieldset>
        <legend>Outcome</legend>
        {closeOutcomes.map((value) => (
          <label key={value} className="radio-row">
            <input
              type="radio"
              name="outcome"
              value={value}
              checked={outcome === value}
              onChange={() => setOutcome(value)}
              data-testid={`outcome-${value}`}
            />
            {closeOutcomeLabels[value]}
          </label>
        ))}
      </fieldset>
      <label htmlFor={tagsId}>Tags (optional, comma-separated)</label>
      <input
        id={tagsId}
        type="text"
        value={tags}
        onChange={(event) => setTags(event.target.value)}
        placeholder="refund, late-delivery"
        data-testid="close-tags"
      />
      <div className="popover-actions">
        <button type="button" className="btn btn-small" onClick={onCancel}>
          Cancel
        </button>
        <button
          type="submit"
          className="btn btn-small btn-danger"
          disabled={busy}
          data-testid="confirm-close"
        >
          Close conversation
        </button>
      </div>
    </form>
  );
}

/** "Late delivery, refund" → ["late-delivery", "refund"]; the server validates them again. */
function parseTags(text: string): string[] {
  return text
    .split(',')
    .map((tag) => tag.trim().toLowerCase().replace(/\s+/g, '-'))
    .filter((tag) => tag.length > 0);
}
