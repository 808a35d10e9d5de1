import {
  type CorrectionStatusFilter,
  emptyFilters,
  type FilterOptions,
  type CorrectionFilters as Filters,
  hasNarrowingFilters,
} from '../lib/correction-query';
import { correctionKindLabels, correctionReasonLabels, keysOf } from '../lib/labels';

const statuses: readonly { id: CorrectionStatusFilter; label: string }[] = [
  { id: 'pending', label: 'Pending' },
  { id: 'approved', label: 'Approved' },
  { id: 'rejected', label: 'Rejected' },
  { id: 'any', label: 'All' },
];

type Props = {
  filters: Filters;
  options: FilterOptions;
  onChange: (filters: Filters) => void;
};

/** Review status, kind, reason, topic, author and date range; every change is a new server query. */
export function CorrectionFilters({ filters, options, onChange }: Props) {
  const set = <K extends keyof Filters>(key: K, value: Filters[K]) => onChange({ ...filters, [key]: value });

  return (
    <div className="correction-filters">
      <div className="segmented" role="tablist" aria-label="Review status">
        {statuses.map(({ id, label }) => (
          <button
            key={id}
            type="button"
            role="tab"
            aria-selected={filters.status === id}
            data-testid={`corrections-filter-${id}`}
            className={filters.status === id ? 'active' : undefined}
            onClick={() => set('status', id)}
          >
            {label}
          </button>
        ))}
      </div>
      <select
        aria-label="Kind"
        data-testid="filter-kind"
        value={filters.kind}
        onChange={(event) => set('kind', event.target.value as Filters['kind'])}
      >
        <option value="">Any kind</option>
        {keysOf(correctionKindLabels).map((kind) => (
          <option key={kind} value={kind}>
            {correctionKindLabels[kind]}
          </option>
        ))}
      </select>
      <select
        aria-label="Reason"
        data-testid="filter-reason"
        value={filters.reason}
        onChange={(event) => set('reason', event.target.value as Filters['reason'])}
      >
        <option value="">Any reason</option>
        {keysOf(correctionReasonLabels).map((reason) => (
          <option key={reason} value={reason}>
            {correctionReasonLabels[reason]}
          </option>
        ))}
      </select>
      <select
        aria-label="Topic"
        data-testid="filter-topic"
        value={filters.topic}
        onChange={(event) => set('topic', event.target.value)}
      >
        <option value="">Any topic</option>
        {options.topics.map((topic) => (
          <option key={topic} value={topic}>
            {topic}
          </option>
        ))}
      </select>
      <select
        aria-label="Author"
        data-testid="filter-agent"
        value={filters.agentId}
        onChange={(event) => set('agentId', event.target.value)}
      >
        <option value="">Any author</option>
        {options.agents.map((agent) => (
          <option key={agent.id} value={agent.id}>
            {agent.name}
          </option>
        ))}
      </select>
      <label className="date-filter">
        <span>From</span>
        <input
          type="date"
          data-testid="filter-since"
          value={filters.sinceDate}
          max={filters.untilDate || undefined}
          onChange={(event) => set('sinceDate', event.target.value)}
        />
      </label>
      <label className="date-filter">
        <span>To</span>
        <input
          type="date"
          data-testid="filter-until"
          value={filters.untilDate}
          min={filters.sinceDate || undefined}
          onChange={(event) => set('untilDate', event.target.value)}
        />
      </label>
      {hasNarrowingFilters(filters) && (
        <button
          type="button"
          className="btn btn-ghost btn-small"
          data-testid="filters-clear"
          onClick={() => onChange({ ...emptyFilters, status: filters.status })}
        >
          Clear filters
        </button>
      )}
    </div>
  );
}
