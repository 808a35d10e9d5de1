import type { AnalyticsResponse } from '@hitl/shared/analytics';
import { useMemo, useState } from 'react';
import { type AnalyticsParams, fetchAnalytics } from '../api/analytics';
import { useRemote } from '../hooks/use-remote';
import { presetRange } from '../lib/analytics-range';
import { analyticsTables } from '../lib/analytics-tables';
import { AnalyticsFilters } from './analytics-filters';
import { FigureCard } from './figure-card';
import './analytics-page.css';

const DEFAULT_DAYS = 30;

/** Where the bot fails, where the experts' time goes, and whether the loop is learning (loaded on its own). */
export function AnalyticsPage() {
  const [preset, setPreset] = useState<number | 'custom'>(DEFAULT_DAYS);
  const [params, setParams] = useState<AnalyticsParams>(() => ({
    ...presetRange(DEFAULT_DAYS, new Date()),
    siteKey: '',
    topic: '',
    accuracy: 0.97,
  }));
  const key = JSON.stringify(params);
  const remote = useRemote<AnalyticsResponse | null>(() => fetchAnalytics(params), key, null);
  const data = remote.data;
  const tables = useMemo(() => (data ? analyticsTables(data) : []), [data]);
  const stem = data ? `analytics-${data.from}-${data.to}` : 'analytics';

  return (
    <main className="analytics-page" aria-busy={remote.loading}>
      <div className="page-header">
        <h2>Analytics</h2>
        <span className="analytics-range" data-testid="analytics-range">
          {params.from} – {params.to} (UTC)
        </span>
        <div className="topbar-spacer" />
        <button type="button" className="btn btn-ghost" onClick={remote.reload} disabled={remote.loading}>
          Refresh
        </button>
      </div>
      <AnalyticsFilters
        params={params}
        preset={preset}
        options={data?.options ?? { siteKeys: [], topics: [] }}
        onChange={(next, nextPreset) => {
          setParams(next);
          setPreset(nextPreset);
        }}
      />
      {remote.error && <p className="banner banner-error">{remote.error}</p>}
      {remote.loading && (
        <p className="analytics-loading" role="status" data-testid="analytics-loading">
          Loading figures…
        </p>
      )}
      {data && (
        <div className="figure-grid" data-testid="analytics-figures">
          {tables.map((table) => (
            <FigureCard key={table.id} table={table} fileStem={stem} />
          ))}
        </div>
      )}
    </main>
  );
}
