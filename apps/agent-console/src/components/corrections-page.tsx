import type { Agent, Correction } from '@hitl/shared/models';
import { can } from '@hitl/shared/permissions';
import type { ReviewOrder } from '@hitl/shared/review-items';
import { useCallback, useState } from 'react';
import type { AgentSocket } from '../api/agent-socket';
import { useCorrectionStats } from '../hooks/use-correction-stats';
import { useCorrections } from '../hooks/use-corrections';
import { emptyFilters, type CorrectionFilters as Filters } from '../lib/correction-query';
import { CorrectionFilters } from './correction-filters';
import { CorrectionRow } from './correction-row';
import { CorrectionsStats } from './corrections-stats';
import { ExportLinks } from './export-links';
import { ReviewOrderSelect } from './review-priority-parts';
import './corrections-page.css';

export function CorrectionsPage({ socket, agent }: { socket: AgentSocket; agent: Agent }) {
  const [filters, setFilters] = useState<Filters>(emptyFilters);
  // Reviewers' time goes furthest on the unsure answers many customers ask about.
  const [order, setOrder] = useState<ReviewOrder>('value');
  const { corrections, priorities, loading, error, replace, reload } = useCorrections(socket, filters, order);
  const stats = useCorrectionStats(socket, filters);
  const reloadStats = stats.reload;

  const onReviewed = useCallback(
    (correction: Correction) => {
      replace(correction);
      reloadStats();
    },
    [replace, reloadStats],
  );

  return (
    <main className="corrections-page">
      <div className="page-header">
        <h2>Corrections</h2>
        <button
          type="button"
          className="btn btn-ghost"
          onClick={() => {
            reload();
            reloadStats();
          }}
          disabled={loading}
        >
          Refresh
        </button>
        <ReviewOrderSelect value={order} onChange={setOrder} testId="corrections-order" />
        <div className="topbar-spacer" />
        <ExportLinks filters={filters} />
      </div>
      <CorrectionFilters filters={filters} options={stats.options} onChange={setFilters} />
      <CorrectionsStats stats={stats.stats} />
      {(error ?? stats.error) && <p className="banner banner-error">{error ?? stats.error}</p>}
      <div className="table-wrap">
        <table className="corrections-table" data-testid="corrections-table">
          <thead>
            <tr>
              <th>Author</th>
              <th>Question</th>
              <th>Bot → corrected</th>
              <th>Reasons</th>
              <th className="num">Effort</th>
              <th>Worth</th>
              <th>Review</th>
            </tr>
          </thead>
          <tbody>
            {corrections.map((correction) => (
              <CorrectionRow
                key={correction.id}
                correction={correction}
                priority={priorities[correction.id]}
                meId={agent.id}
                mayReview={can(agent.role, 'correction.review')}
                onReviewed={onReviewed}
              />
            ))}
          </tbody>
        </table>
        {corrections.length === 0 && (
          <p className="table-empty">
            {loading ? 'Loading corrections…' : 'No corrections match these filters.'}
          </p>
        )}
      </div>
    </main>
  );
}
