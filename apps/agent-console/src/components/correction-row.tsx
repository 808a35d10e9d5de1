import type { Correction } from '@hitl/shared/models';
import { useState } from 'react';
import { errorMessage } from '../api/api-error';
import { type ReviewDecision, reviewCorrection } from '../api/corrections';
import { formatConfidence, formatDateTime, formatDuration } from '../lib/format';
import { correctionReasonLabels } from '../lib/labels';

type Props = {
  correction: Correction;
  onReviewed: (correction: Correction) => void;
};

export function CorrectionRow({ correction, onReviewed }: Props) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const { original, review } = correction;

  const decide = async (decision: ReviewDecision) => {
    setBusy(true);
    setError(null);
    try {
      onReviewed(await reviewCorrection(correction.id, decision));
    } catch (failure) {
      setError(errorMessage(failure));
    } finally {
      setBusy(false);
    }
  };

  return (
    <tr data-testid="correction-row" data-correction-id={correction.id} data-status={review.status}>
      <td className="nowrap">{formatDateTime(correction.createdAt)}</td>
      <td className="nowrap">{correction.agent.name}</td>
      <td className="text-cell">
        <div className="text-original">{original.text}</div>
        {original.confidence !== null && (
          <div className="muted small">confidence {formatConfidence(original.confidence)}</div>
        )}
      </td>
      <td className="text-cell">
        <div className="text-corrected">{correction.correctedText}</div>
        {correction.note && <div className="muted small">Note: {correction.note}</div>}
      </td>
      <td>
        <span className="chips">
          {correction.reasons.map((reason) => (
            <span key={reason} className="chip chip-neutral">
              {correctionReasonLabels[reason]}
            </span>
          ))}
        </span>
      </td>
      <td className="num">{correction.editDistance}</td>
      <td className="num nowrap">
        {correction.timeSpentMs === null ? '—' : formatDuration(correction.timeSpentMs)}
      </td>
      <td className="review-cell">
        <span className={`status status-${review.status}`}>{review.status}</span>
        {review.reviewer && <span className="muted small"> by {review.reviewer.name}</span>}
        {review.status === 'pending' && (
          <span className="review-actions">
            <button
              type="button"
              className="btn btn-small btn-approve"
              data-testid="correction-approve"
              disabled={busy}
              onClick={() => decide('approved')}
            >
              Approve
            </button>
            <button
              type="button"
              className="btn btn-small btn-danger"
              data-testid="correction-reject"
              disabled={busy}
              onClick={() => decide('rejected')}
            >
              Reject
            </button>
          </span>
        )}
        {error && (
          <div className="row-error" role="alert" data-testid="review-error">
            {error}
          </div>
        )}
      </td>
    </tr>
  );
}
