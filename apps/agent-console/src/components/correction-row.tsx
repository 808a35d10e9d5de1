import type { Correction } from '@hitl/shared/models';
import type { ReviewPriority } from '@hitl/shared/review-items';
import { useState } from 'react';
import { formatDateTime, formatDuration } from '../lib/format';
import { correctionKindLabels, correctionReasonLabels } from '../lib/labels';
import { CorrectionDiff } from './correction-diff';
import { CorrectionQuestion } from './correction-question';
import { CorrectionReview } from './correction-review';
import { ReviewPriorityParts } from './review-priority-parts';

type Props = {
  correction: Correction;
  /** What reviewing it is worth; absent for one that arrived live since the list was loaded. */
  priority: ReviewPriority | undefined;
  /** The signed-in agent's id: their own corrections cannot be reviewed by them. */
  meId: string;
  mayReview: boolean;
  onReviewed: (correction: Correction) => void;
};

export function CorrectionRow({ correction, priority, meId, mayReview, onReviewed }: Props) {
  const [editText, setEditText] = useState<string | null>(null);
  const { review } = correction;

  return (
    <tr data-testid="correction-row" data-correction-id={correction.id} data-status={review.status}>
      <td className="nowrap">
        {correction.agent.name}
        <div className="muted small">{correctionKindLabels[correction.kind]}</div>
        <div className="muted small">{formatDateTime(correction.createdAt)}</div>
      </td>
      <td className="question-cell">
        <CorrectionQuestion correction={correction} />
      </td>
      <td className="diff-cell">
        {editText === null ? (
          <CorrectionDiff correction={correction} />
        ) : (
          <textarea
            className="review-text"
            data-testid="review-text"
            aria-label="Corrected text to approve"
            rows={4}
            maxLength={4000}
            value={editText}
            onChange={(event) => setEditText(event.target.value)}
          />
        )}
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
        {correction.topic && <div className="muted small">topic: {correction.topic}</div>}
      </td>
      <td className="num nowrap">
        <div title="Edit distance from the bot's reply">{correction.editDistance} edits</div>
        <div className="muted small" title="Time spent">
          {correction.timeSpentMs === null ? '—' : formatDuration(correction.timeSpentMs)}
        </div>
      </td>
      <td>
        <ReviewPriorityParts priority={priority} />
      </td>
      <CorrectionReview
        correction={correction}
        own={correction.agent.id === meId}
        mayReview={mayReview}
        editText={editText}
        onEditText={setEditText}
        onReviewed={onReviewed}
      />
    </tr>
  );
}
