import type { ReviewOrder, ReviewPriority } from '@hitl/shared/review-items';

/** The parts of a review's worth, so an agent sees why a row is where it is. */
export function ReviewPriorityParts({ priority }: { priority: ReviewPriority | undefined }) {
  if (!priority) return <span className="muted small">not scored yet</span>;
  return (
    <span
      className="priority"
      data-testid="review-priority"
      title="How unsure the bot was (1 − confidence) × recent customer questions like this one (30 days)"
    >
      <strong>{priority.value.toFixed(2)}</strong>
      <span className="muted small">
        {' '}
        = uncertain {priority.uncertainty.toFixed(2)} × {priority.similar} similar
      </span>
    </span>
  );
}

const orderLabels: Record<ReviewOrder, string> = {
  value: 'Most valuable first',
  newest: 'Newest first',
  oldest: 'Oldest first',
};

export function ReviewOrderSelect({
  value,
  onChange,
  testId,
}: {
  value: ReviewOrder;
  onChange: (order: ReviewOrder) => void;
  testId: string;
}) {
  return (
    <label className="inline-field">
      <span>Order</span>
      <select
        data-testid={testId}
        value={value}
        onChange={(event) => onChange(event.target.value as ReviewOrder)}
      >
        {(Object.keys(orderLabels) as ReviewOrder[]).map((order) => (
          <option key={order} value={order}>
            {orderLabels[order]}
          </option>
        ))}
      </select>
    </label>
  );
}
