import { oversightModes, type TopicRow } from '../lib/policy-form';
import type { FieldErrors } from '../lib/rule-form';
import { describedBy, FieldError, fieldIdOf } from './field-error';

type NumberFieldProps = {
  label: string;
  testId: string;
  value: string;
  min: number;
  max?: number;
  step: number;
  hint?: string;
  /** The policy path the field edits (`sentiment.escalateBelow`): its id and the key of its error. */
  path: string;
  error?: string | undefined;
  onChange: (value: string) => void;
};

/** A number typed as text, so a half-typed value ("0.") is kept while the agent types. */
export function NumberField(props: NumberFieldProps) {
  const { label, testId, value, min, max, step, hint, path, error, onChange } = props;
  const id = fieldIdOf(path);
  const hintId = hint ? `${id}-hint` : undefined;
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        type="number"
        data-testid={testId}
        value={value}
        min={min}
        max={max}
        step={step}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, error, hintId)}
        onChange={(event) => onChange(event.target.value)}
      />
      {hint && (
        <small className="muted" id={hintId}>
          {hint}
        </small>
      )}
      <FieldError fieldId={id} message={error} />
    </div>
  );
}

type TopicProps = {
  topics: Record<string, TopicRow>;
  errors: FieldErrors;
  onChange: (topic: string, row: TopicRow) => void;
};

/** Per-topic mode and threshold; an empty cell inherits the global setting. */
export function TopicOverrides({ topics, errors, onChange }: TopicProps) {
  const cell = (topic: string, field: 'confidenceThreshold' | 'reviewThreshold') => {
    const id = fieldIdOf(`topics.${topic}.${field}`);
    const error = errors[`topics.${topic}.${field}`];
    return {
      id,
      error,
      'aria-invalid': error ? true : undefined,
      'aria-describedby': describedBy(id, error),
    };
  };
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
                {...cell(topic, 'confidenceThreshold')}
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
              <FieldError
                fieldId={cell(topic, 'confidenceThreshold').id}
                message={cell(topic, 'confidenceThreshold').error}
              />
            </td>
            <td>
              <input
                {...cell(topic, 'reviewThreshold')}
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
              <FieldError
                fieldId={cell(topic, 'reviewThreshold').id}
                message={cell(topic, 'reviewThreshold').error}
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
