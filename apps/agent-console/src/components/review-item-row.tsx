import type { ReviewItem } from '@hitl/shared/review-items';
import { useState } from 'react';
import type { AgentSocket } from '../api/agent-socket';
import { errorMessage } from '../api/api-error';
import { markReviewItem } from '../api/review-items';
import { conversationHref } from '../hooks/use-hash-route';
import type { ReviewRow } from '../hooks/use-review-items';
import { formatConfidence, formatDateTime } from '../lib/format';
import { ReasonChip, reasonKey } from './reason-chip';
import { ReasonForm } from './reason-form';
import { ReviewPriorityParts } from './review-priority-parts';

type Props = {
  socket: AgentSocket;
  item: ReviewRow;
  onMarked: (item: ReviewItem) => void;
};

/** One answer sent in the review band: the question, the answer and why it is here; right or correct it. */
export function ReviewItemRow({ socket, item, onMarked }: Props) {
  const [correcting, setCorrecting] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const pending = item.status === 'pending';

  const markRight = async () => {
    setBusy(true);
    setError(null);
    try {
      onMarked((await markReviewItem(socket, { itemId: item.id, verdict: 'right' })).item);
    } catch (failure) {
      setError(errorMessage(failure));
    } finally {
      setBusy(false);
    }
  };

  return (
    <li className="review-item" data-testid="review-item" data-item-id={item.id} data-status={item.status}>
      <div className="review-item-head">
        <span className="muted small">{formatDateTime(item.createdAt)}</span>
        {item.topic && <span className="chip chip-neutral">{item.topic}</span>}
        <span className="muted small">confidence {formatConfidence(item.confidence)}</span>
        {item.reasons.map((reason) => (
          <ReasonChip key={reasonKey(reason)} reason={reason} />
        ))}
        <span className="topbar-spacer" />
        <ReviewPriorityParts priority={item.priority} />
      </div>
      <div className="review-item-body">
        <div>
          <div className="label small muted">Customer asked</div>
          <div className="review-question">{item.question}</div>
        </div>
        <div>
          <div className="label small muted">Bot answered</div>
          <div className="review-answer">{item.answer}</div>
        </div>
      </div>
      {pending && !correcting && (
        <div className="review-item-actions">
          <button
            type="button"
            className="btn"
            data-testid="review-right"
            disabled={busy}
            onClick={() => void markRight()}
          >
            Right
          </button>
          <button
            type="button"
            className="btn btn-primary"
            data-testid="review-correct"
            disabled={busy}
            onClick={() => setCorrecting(true)}
          >
            Correct…
          </button>
          <a className="btn btn-ghost" href={conversationHref(item.conversationId)}>
            Open conversation
          </a>
        </div>
      )}
      {pending && correcting && (
        <ReasonForm
          testIdPrefix="review-correction"
          submitTestId="review-correction-submit"
          errorTestId="review-correction-error"
          initialText={item.answer}
          textLabel="The right answer (sent to the customer while the conversation is open)"
          submitLabel="Save and send correction"
          busyLabel="Saving…"
          onSubmit={async ({ text, ...rest }) => {
            const result = await markReviewItem(socket, {
              itemId: item.id,
              verdict: 'corrected',
              correctedText: text,
              ...rest,
            });
            setCorrecting(false);
            onMarked(result.item);
          }}
          onCancel={() => setCorrecting(false)}
        />
      )}
      {!pending && (
        <p className="muted small" data-testid="review-verdict">
          {item.status === 'right' ? 'Marked right' : 'Corrected'}
          {item.reviewer && ` by ${item.reviewer.name}`}
          {item.reviewedAt && ` · ${formatDateTime(item.reviewedAt)}`}
        </p>
      )}
      {error && (
        <p className="banner banner-error" data-testid="review-error">
          {error}
        </p>
      )}
    </li>
  );
}
