import { analyticsAccuracyTargets, MAX_ANALYTICS_DAYS } from '@hitl/shared/analytics';
import { useState } from 'react';
import type { AnalyticsParams } from '../api/analytics';
import { type DayRange, presetRange, rangePresets, rangeProblem } from '../lib/analytics-range';

type Props = {
  params: AnalyticsParams;
  preset: number | 'custom';
  options: { siteKeys: string[]; topics: string[] };
  onChange: (params: AnalyticsParams, preset: number | 'custom') => void;
};

/** Range (last 7 / 30 / 90 days or two chosen days), site, topic and the accuracy the threshold must keep. */
export function AnalyticsFilters({ params, preset, options, onChange }: Props) {
  const [custom, setCustom] = useState<DayRange>({ from: params.from, to: params.to });
  const problem = preset === 'custom' ? rangeProblem(custom, MAX_ANALYTICS_DAYS) : null;
  const set = (patch: Partial<AnalyticsParams>) => onChange({ ...params, ...patch }, preset);

  return (
    <form
      className="analytics-filters"
      aria-label="Analytics filters"
      onSubmit={(event) => {
        event.preventDefault();
        if (problem === null) onChange({ ...params, ...custom }, 'custom');
      }}
    >
      <fieldset className="range-presets">
        <legend>Range</legend>
        {rangePresets.map((days) => (
          <button
            key={days}
            type="button"
            className={`btn btn-small ${preset === days ? 'btn-primary' : 'btn-ghost'}`}
            aria-pressed={preset === days}
            data-testid={`range-${days}`}
            onClick={() => onChange({ ...params, ...presetRange(days, new Date()) }, days)}
          >
            {days} days
          </button>
        ))}
        <button
          type="button"
          className={`btn btn-small ${preset === 'custom' ? 'btn-primary' : 'btn-ghost'}`}
          aria-pressed={preset === 'custom'}
          data-testid="range-custom"
          onClick={() => {
            setCustom({ from: params.from, to: params.to });
            onChange(params, 'custom');
          }}
        >
          Custom
        </button>
      </fieldset>
      {preset === 'custom' && (
        <div className="custom-range">
          <label>
            From
            <input
              type="date"
              value={custom.from}
              data-testid="range-from"
              onChange={(e) => setCustom({ ...custom, from: e.target.value })}
            />
          </label>
          <label>
            To
            <input
              type="date"
              value={custom.to}
              data-testid="range-to"
              onChange={(e) => setCustom({ ...custom, to: e.target.value })}
            />
          </label>
          <button
            type="submit"
            className="btn btn-small"
            disabled={problem !== null}
            data-testid="range-apply"
          >
            Apply
          </button>
          {problem && (
            <span className="field-error" role="alert">
              {problem}
            </span>
          )}
        </div>
      )}
      <label>
        Site
        <select
          value={params.siteKey}
          data-testid="filter-site"
          onChange={(e) => set({ siteKey: e.target.value })}
        >
          <option value="">All sites</option>
          {options.siteKeys.map((key) => (
            <option key={key} value={key}>
              {key}
            </option>
          ))}
        </select>
      </label>
      <label>
        Topic
        <select
          value={params.topic}
          data-testid="filter-topic"
          onChange={(e) => set({ topic: e.target.value })}
        >
          <option value="">All topics</option>
          {options.topics.map((topic) => (
            <option key={topic} value={topic}>
              {topic}
            </option>
          ))}
        </select>
      </label>
      <label>
        Target accuracy
        <select
          value={String(params.accuracy)}
          data-testid="filter-accuracy"
          onChange={(e) => set({ accuracy: Number(e.target.value) })}
        >
          {analyticsAccuracyTargets.map((target) => (
            <option key={target} value={String(target)}>
              {Math.round(target * 100)} %
            </option>
          ))}
        </select>
      </label>
    </form>
  );
}
