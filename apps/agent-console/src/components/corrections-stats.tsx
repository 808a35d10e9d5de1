import type { CorrectionStatsResponse } from '@hitl/shared/rest';

type Props = { stats: CorrectionStatsResponse | null };

/** How reviewers judged the corrections matching the filters, whatever their review status. */
export function CorrectionsStats({ stats }: Props) {
  const agreement = stats?.agreement;
  const items = [
    { id: 'agreed', label: 'Agreed', value: agreement?.agreed, hint: 'Approved as the author wrote it' },
    { id: 'edited', label: 'Edited', value: agreement?.edited, hint: 'Approved with the reviewer’s edits' },
    { id: 'disagreed', label: 'Disagreed', value: agreement?.disagreed, hint: 'Rejected by the reviewer' },
  ] as const;

  return (
    <section className="corrections-stats" data-testid="corrections-stats" aria-label="Review agreement">
      {items.map(({ id, label, value, hint }) => (
        <div key={id} className={`stat stat-${id}`} title={hint}>
          <span className="stat-label">{label}</span>
          <span className="stat-value" data-testid={`stat-${id}`} data-value={value ?? ''}>
            {value ?? '—'}
          </span>
        </div>
      ))}
      <div className="stat" title="Agreed ÷ reviewed (approved or rejected)">
        <span className="stat-label">Agreement rate</span>
        <span className="stat-value" data-testid="stat-rate" data-value={agreement?.rate ?? ''}>
          {agreement?.rate == null ? '—' : `${Math.round(agreement.rate * 100)}%`}
        </span>
      </div>
      {stats && (
        <div className="stat stat-muted">
          <span className="stat-label">Matching</span>
          <span className="stat-value small" data-testid="stat-total">
            {stats.total} · {stats.byStatus.pending} pending
          </span>
        </div>
      )}
    </section>
  );
}
