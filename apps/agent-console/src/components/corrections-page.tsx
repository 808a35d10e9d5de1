import { useState } from 'react';
import type { AgentSocket } from '../api/agent-socket';
import type { CorrectionStatusFilter } from '../api/corrections';
import { useCorrections } from '../hooks/use-corrections';
import { CorrectionRow } from './correction-row';
import { ExportLinks } from './export-links';

const filters: readonly { id: CorrectionStatusFilter; label: string }[] = [
  { id: 'pending', label: 'Pending' },
  { id: 'approved', label: 'Approved' },
  { id: 'rejected', label: 'Rejected' },
  { id: 'any', label: 'All' },
];

export function CorrectionsPage({ socket }: { socket: AgentSocket }) {
  const [status, setStatus] = useState<CorrectionStatusFilter>('pending');
  const { corrections, loading, error, replace, reload } = useCorrections(socket, status);

  return (
    <main className="corrections-page">
      <div className="page-header">
        <h2>Corrections</h2>
        <div className="segmented" role="tablist" aria-label="Review status">
          {filters.map(({ id, label }) => (
            <button
              key={id}
              type="button"
              role="tab"
              aria-selected={status === id}
              data-testid={`corrections-filter-${id}`}
              className={status === id ? 'active' : undefined}
              onClick={() => setStatus(id)}
            >
              {label}
            </button>
          ))}
        </div>
        <button type="button" className="btn btn-ghost" onClick={reload} disabled={loading}>
          Refresh
        </button>
        <div className="topbar-spacer" />
        <ExportLinks />
      </div>
      {error && <p className="banner banner-error">{error}</p>}
      <div className="table-wrap">
        <table className="corrections-table" data-testid="corrections-table">
          <thead>
            <tr>
              <th>Created</th>
              <th>Author</th>
              <th>Original</th>
              <th>Corrected</th>
              <th>Reasons</th>
              <th className="num">Edit dist.</th>
              <th className="num">Time</th>
              <th>Review</th>
            </tr>
          </thead>
          <tbody>
            {corrections.map((correction) => (
              <CorrectionRow key={correction.id} correction={correction} onReviewed={replace} />
            ))}
          </tbody>
        </table>
        {corrections.length === 0 && (
          <p className="table-empty">
            {loading ? 'Loading corrections…' : 'No corrections with this status.'}
          </p>
        )}
      </div>
    </main>
  );
}
