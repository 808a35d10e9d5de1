import type { OversightMode } from '@hitl/shared/models';
import { oversightModes, type TopicRow } from '../lib/policy-form';
import { type FieldErrors, type RuleRow, ruleActionLabels, ruleActions } from '../lib/rule-form';
import { describedBy, errorIdOf, FieldError, fieldIdOf } from './field-error';
import { modeOrInherit } from './policy-fields';

type Props = {
  index: number;
  row: RuleRow;
  errors: FieldErrors;
  /** The override row of the rule's topic, if any: its mode is set here too. */
  topicRow: TopicRow | undefined;
  onChange: (row: RuleRow) => void;
  onTopicMode: (topic: string, mode: OversightMode | '') => void;
  onRemove: () => void;
};

type TextKey = 'id' | 'description' | 'topic' | 'keywords' | 'patterns' | 'responderTopics' | 'minAmount';

/** One topic rule: what it matches (any of keywords, patterns, responder topics; and an amount) and what it does. */
export function RuleCard({ index, row, errors, topicRow, onChange, onTopicMode, onRemove }: Props) {
  const path = (field: string) => `rules.${index}.${field}`;
  const ruleError = errors[`rules.${index}`];
  const text = (
    field: TextKey,
    label: string,
    options: { rows?: number; hint?: string; mono?: boolean } = {},
  ) => {
    const id = fieldIdOf(path(field));
    const error = errors[path(field)];
    const hintId = options.hint ? `${id}-hint` : undefined;
    const common = {
      id,
      'data-testid': `rule-${index}-${field}`,
      value: row[field],
      'aria-invalid': error ? true : undefined,
      'aria-describedby': describedBy(id, error, hintId),
      className: options.mono ? 'mono' : undefined,
      spellCheck: options.mono ? false : undefined,
    } as const;
    return (
      <div className={`field rule-field rule-field-${field}`}>
        <label htmlFor={id}>{label}</label>
        {options.rows ? (
          <textarea
            {...common}
            rows={options.rows}
            onChange={(e) => onChange({ ...row, [field]: e.target.value })}
          />
        ) : (
          <input {...common} type="text" onChange={(e) => onChange({ ...row, [field]: e.target.value })} />
        )}
        {options.hint && (
          <small className="muted" id={hintId}>
            {options.hint}
          </small>
        )}
        <FieldError fieldId={id} message={error} />
      </div>
    );
  };
  const actionId = fieldIdOf(path('action'));
  const modeId = fieldIdOf(path('topic-mode'));
  const topic = row.topic.trim();

  return (
    <fieldset
      className="rule-card"
      data-testid="rule-card"
      data-rule-id={row.id}
      aria-describedby={ruleError ? errorIdOf(fieldIdOf(`rules.${index}`)) : undefined}
    >
      <legend>Rule {index + 1}</legend>
      <div className="rule-grid">
        {text('id', 'Id', { mono: true })}
        {text('topic', 'Topic', { mono: true })}
        <div className="field rule-field">
          <label htmlFor={actionId}>When it matches</label>
          <select
            id={actionId}
            data-testid={`rule-${index}-action`}
            value={row.action}
            onChange={(e) =>
              onChange({ ...row, action: ruleActions.find((a) => a === e.target.value) ?? row.action })
            }
          >
            {ruleActions.map((action) => (
              <option key={action} value={action}>
                {ruleActionLabels[action]}
              </option>
            ))}
          </select>
        </div>
        <div className="field rule-field">
          <label htmlFor={modeId}>Mode of topic {topic || '…'}</label>
          <select
            id={modeId}
            data-testid={`rule-${index}-topic-mode`}
            value={topicRow?.mode ?? ''}
            disabled={topic === ''}
            onChange={(e) => onTopicMode(topic, modeOrInherit(e.target.value))}
          >
            <option value="">inherit</option>
            {oversightModes.map((mode) => (
              <option key={mode} value={mode}>
                {mode}
              </option>
            ))}
          </select>
        </div>
      </div>
      {text('description', 'Description (shown to agents as the reason)')}
      <div className="rule-grid rule-grid-lists">
        {text('keywords', 'Keywords', { rows: 4, hint: 'One per line; whole words, any case or accent.' })}
        {text('patterns', 'Patterns', {
          rows: 4,
          mono: true,
          hint: 'One regular expression per line (RE2: no lookaround or backreferences).',
        })}
      </div>
      <div className="rule-grid">
        {text('responderTopics', 'Responder topics', {
          hint: 'Comma-separated, e.g. refunds, payments.',
          mono: true,
        })}
        {text('minAmount', 'Minimum amount', { hint: 'Also needs a money amount of at least this much.' })}
      </div>
      <FieldError fieldId={fieldIdOf(`rules.${index}`)} message={ruleError} />
      <button
        type="button"
        className="btn btn-ghost rule-remove"
        data-testid={`rule-${index}-remove`}
        onClick={onRemove}
      >
        Remove rule {row.id || index + 1}
      </button>
    </fieldset>
  );
}
