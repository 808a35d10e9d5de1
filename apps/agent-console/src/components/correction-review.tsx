import type { Correction } from '@hitl/shared/models';
import { useState } from 'react';
import { errorMessage } from '../api/api-error';
import { type ReviewInput, reviewCorrection } from '../api/corrections';
import { timeOnTask } from '../lib/time-on-task';

type Props = {
  correction: Correction;
  /** The signed-in agent wrote this correction: a second person has to review it. */
  own: boolean;
  /** The signed-in agent's role may review corrections (see the permissions table). */
  mayReview: boolean;
  /** The reviewer's version while "Edit & approve" is open, else null. */
  editText: string | null;
  onEditText: (text: string | null) => void;
  onReviewed: (correction: Correction) => void;
};

const OWN_HINT = 'You can’t review your own correction: a second person has to.';

/** The review cell: status and reviewer, and for a pending correction approve, edit & approve, or reject. */
export function CorrectionReview({ correction, own, mayReview, editText, onEditText, onReviewed }: Props) {
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [shownAt] = useState(() => Date.now());
  const { review } = correction;
  const editing = editText !== null;

  const decide = async (input: ReviewInput) => {
    setBusy(true);
    setError(null);
    try {
      onReviewed(
        await reviewCorrection(correction.id, {
          ...input,
          note,
          expectedStatus: review.status,
          timeSpentMs: timeOnTask(shownAt),
        }),
      );
      onEditText(null);
    } catch (failure) {
      setError(errorMessage(failure));
    } finally {
      setBusy(false);
    }
  };

  const submitEdit = () => {
    const text = editText?.trim() ?? '';
    if (!text) return;
    void decide(
      text === correction.correctedText
        ? { status: 'approved' }
        : { status: 'approved', correctedText: text },
    );
  };

  return (
    <td className="review-cell">
      <span className={`status status-${review.status}`}>{review.status}</span>
      {review.edited && (
        <span className="tag tag-edited" data-testid="review-edited" title="The reviewer changed the text">
          edited
        </span>
      )}
      {review.reviewer && <span className="muted small"> by {review.reviewer.name}</span>}
      {review.note && <div className="muted small">Review note: {review.note}</div>}
      {review.status === 'pending' && !mayReview && (
        <div className="muted small" data-testid="review-by-others">
          Reviewed by a reviewer or an admin.
        </div>
      )}
      {review.status === 'pending' && mayReview && (
        <div className="review-form" title={own ? OWN_HINT : undefined}>
          {!own && (
            <input
              type="text"
              className="review-note"
              data-testid="review-note"
              aria-label="Review note (optional)"
              placeholder="Note (optional)"
              maxLength={1000}
              value={note}
              disabled={busy}
              onChange={(event) => setNote(event.target.value)}
            />
          )}
          <span className="review-actions">
            {editing ? (
              <>
                <button
                  type="button"
                  className="btn btn-small btn-approve"
                  data-testid="review-submit-edit"
                  disabled={busy || !editText.trim()}
                  onClick={submitEdit}
                >
                  {busy ? 'Saving…' : 'Approve edited'}
                </button>
                <button
                  type="button"
                  className="btn btn-small btn-ghost"
                  disabled={busy}
                  onClick={() => onEditText(null)}
                >
                  Cancel
                </button>
              </>
            ) : (
              <>
                <button
                  type="button"
                  className="btn btn-small btn-approve"
                  data-testid="correction-approve"
                  disabled={busy || own}
                  title={own ? OWN_HINT : 'Approve as written'}
                  onClick={() => decide({ status: 'approved' })}
                >
                  Approve
                </button>
                <button
                  type="button"
                  className="btn btn-small"
                  data-testid="correction-edit"
                  disabled={busy || own}
                  title={own ? OWN_HINT : 'Fix the text, then approve'}
                  onClick={() => onEditText(correction.correctedText)}
                >
                  Edit & approve
                </button>
                <button
                  type="button"
                  className="btn btn-small btn-danger"
                  data-testid="correction-reject"
                  disabled={busy || own}
                  title={own ? OWN_HINT : 'Reject: it will not be used for training'}
                  onClick={() => decide({ status: 'rejected' })}
                >
                  Reject
                </button>
              </>
            )}
          </span>
        </div>
      )}
      {error && (
        <div className="row-error" role="alert" data-testid="review-error">
          {error}
        </div>
      )}
    </td>
  );
}
