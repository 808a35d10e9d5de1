import type { AuditEventView } from '@hitl/shared/rest';
import { formatDateTime } from '../lib/format';

type Props = {
  events: AuditEventView[];
  loading: boolean;
  error: string | null;
  onRefresh: () => void;
};

/** Who changed what and when: policy changes, reviews, corrections. */
export function AuditTrail({ events, loading, error, onRefresh }: Props) {
  return (
    <section className="audit-trail" data-testid="audit-trail">
      <div className="page-header">
        <h2>Audit trail</h2>
        <button type="button" className="btn btn-ghost" onClick={onRefresh} disabled={loading}>
          Refresh
        </button>
      </div>
      {error && <p className="banner banner-error">{error}</p>}
      <div className="table-wrap">
        <table className="corrections-table">
          <thead>
            <tr>
              <th>When</th>
              <th>Who</th>
              <th>Action</th>
              <th>Target</th>
              <th>Details</th>
            </tr>
          </thead>
          <tbody>
            {events.map((event) => (
              <tr key={event.id} data-testid="audit-row" data-action={event.action}>
                <td className="nowrap">{formatDateTime(event.at)}</td>
                <td className="nowrap">{event.actor?.name ?? 'System'}</td>
                <td className="mono nowrap">{event.action}</td>
                <td className="mono">{event.target ?? '—'}</td>
                <td className="audit-data" title={JSON.stringify(event.data, null, 2)}>
                  {summarize(event.data)}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        {events.length === 0 && (
          <p className="table-empty">{loading ? 'Loading the audit trail…' : 'Nothing recorded yet.'}</p>
        )}
      </div>
    </section>
  );
}

const SUMMARY_LENGTH = 120;

function summarize(data: Record<string, unknown>): string {
  const text = Object.entries(data)
    .map(([key, value]) => `${key}: ${typeof value === 'string' ? value : JSON.stringify(value)}`)
    .join(' · ');
  return text.length > SUMMARY_LENGTH ? `${text.slice(0, SUMMARY_LENGTH - 1)}…` : text;
}
