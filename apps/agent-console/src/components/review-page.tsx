import type { ReviewOrder } from '@hitl/shared/review-items';
import { useState } from 'react';
import type { AgentSocket } from '../api/agent-socket';
import type { ReviewStatusFilter } from '../api/review-items';
import { useReviewItems } from '../hooks/use-review-items';
import { ReviewItemRow } from './review-item-row';
import { ReviewOrderSelect } from './review-priority-parts';

const statusLabels: Record<ReviewStatusFilter, string> = {
  pending: 'To review',
  right: 'Marked right',
  corrected: 'Corrected',
  any: 'All',
};

/**
 * Answers the bot sent in the review band (between the review and the answer threshold), for agents to
 * mark right or correct after the fact; the most valuable to review first.
 */
export function ReviewPage({ socket }: { socket: AgentSocket }) {
  const [status, setStatus] = useState<ReviewStatusFilter>('pending');
  const [order, setOrder] = useState<ReviewOrder>('value');
  const { items, loading, error, replace, reload } = useReviewItems(socket, status, order);

  return (
    <main className="review-page" data-testid="review-page">
      <div className="page-header">
        <h2>Review later</h2>
        <label className="inline-field">
          <span>Show</span>
          <select
            data-testid="review-status"
            value={status}
            onChange={(event) => setStatus(event.target.value as ReviewStatusFilter)}
          >
            {(Object.keys(statusLabels) as ReviewStatusFilter[]).map((s) => (
              <option key={s} value={s}>
                {statusLabels[s]}
              </option>
            ))}
          </select>
        </label>
        <ReviewOrderSelect value={order} onChange={setOrder} testId="review-order" />
        <button type="button" className="btn btn-ghost" onClick={reload} disabled={loading}>
          Refresh
        </button>
      </div>
      <p className="muted small">
        The bot answered these with a confidence between the review and the answer threshold. Mark an answer
        right, or correct it: the correction goes to second-person review, and the customer receives it as a
        follow-up while their conversation is open.
      </p>
      {error && <p className="banner banner-error">{error}</p>}
      <ul className="review-list" data-testid="review-list">
        {items.map((item) => (
          <ReviewItemRow key={item.id} socket={socket} item={item} onMarked={replace} />
        ))}
      </ul>
      {items.length === 0 && (
        <p className="table-empty">{loading ? 'Loading…' : 'Nothing to review here.'}</p>
      )}
    </main>
  );
}
