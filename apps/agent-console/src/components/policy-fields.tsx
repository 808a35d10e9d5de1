import { oversightModes, type TopicRow } from '../lib/policy-form';

type NumberFieldProps = {
  label: string;
  testId: string;
  value: string;
  min: number;
  max?: number;
  step: number;
  hint?: string;
  onChange: (value: string) => void;
};

/** A number typed as text, so a half-typed value ("0.") is kept while the agent types. */
export function NumberField({ label, testId, value, min, max, step, hint, onChange }: NumberFieldProps) {
  return (
    <label className="field">
      <span>{label}</span>
      <input
        type="number"
        data-testid={testId}
        value={value}
        min={min}
        max={max}
        step={step}
        onChange={(event) => onChange(event.target.value)}
      />
      {hint && <small className="muted">{hint}</small>}
    </label>
  );
}

type TopicProps = {
  topics: Record<string, TopicRow>;
  onChange: (topic: string, row: TopicRow) => void;
};

/** Per-topic mode and threshold; an empty cell inherits the global setting. */
export function TopicOverrides({ topics, onChange }: TopicProps) {
  return (
    <table className="settings-table" data-testid="settings-topics">
      <thead>
        <tr>
          <th>Topic</th>
          <th>Mode</th>
          <th>Confidence threshold</th>
          <th>Review threshold</th>
        </tr>
      </thead>
      <tbody>
        {Object.entries(topics).map(([topic, row]) => (
          <tr key={topic} data-topic={topic}>
            <td className="mono">{topic}</td>
            <td>
              <select
                aria-label={`Mode for ${topic}`}
                data-testid={`settings-topic-${topic}-mode`}
                value={row.mode}
                onChange={(event) => onChange(topic, { ...row, mode: modeOrInherit(event.target.value) })}
              >
                <option value="">inherit</option>
                {oversightModes.map((mode) => (
                  <option key={mode} value={mode}>
                    {mode}
                  </option>
                ))}
              </select>
            </td>
            <td>
              <input
                type="number"
                aria-label={`Confidence threshold for ${topic}`}
                data-testid={`settings-topic-${topic}-threshold`}
                placeholder="inherit"
                min={0}
                max={1}
                step={0.05}
                value={row.threshold}
                onChange={(event) => onChange(topic, { ...row, threshold: event.target.value })}
              />
            </td>
            <td>
              <input
                type="number"
                aria-label={`Review threshold for ${topic}`}
                data-testid={`settings-topic-${topic}-review-threshold`}
                placeholder="inherit"
                min={0}
                max={1}
                step={0.05}
                value={row.reviewThreshold}
                onChange={(event) => onChange(topic, { ...row, reviewThreshold: event.target.value })}
              />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function modeOrInherit(value: string): TopicRow['mode'] {
  return (oversightModes as readonly string[]).includes(value) ? (value as TopicRow['mode']) : '';
}
