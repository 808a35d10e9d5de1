import type { OversightMode } from '@hitl/shared/models';
import { useState } from 'react';
import { type PolicyForm, toggleRulesJson } from '../lib/policy-form';
import { emptyRuleRow, type FieldErrors, type RuleRow } from '../lib/rule-form';
import { describedBy, FieldError, fieldIdOf } from './field-error';
import { RuleCard } from './rule-card';

type Props = {
  form: PolicyForm;
  errors: FieldErrors;
  update: (patch: Partial<PolicyForm>) => void;
};

/** The policy's topic rules as cards, with the whole list as JSON as an advanced view. */
export function RulesSection({ form, errors, update }: Props) {
  const [toggleError, setToggleError] = useState<string | null>(null);
  const setRow = (index: number, row: RuleRow) =>
    update({ rules: form.rules.map((r, i) => (i === index ? row : r)) });
  const setTopicMode = (topic: string, mode: OversightMode | '') => {
    const current = form.topics[topic] ?? { mode: '', threshold: '', reviewThreshold: '' };
    update({ topics: { ...form.topics, [topic]: { ...current, mode } } });
  };
  const toggle = () => {
    const result = toggleRulesJson(form);
    setToggleError(result.error);
    if (!result.error) update({ rules: result.form.rules, rulesJson: result.form.rulesJson });
  };
  const jsonId = fieldIdOf('rules');
  const jsonError = toggleError ?? errors.rules;

  return (
    <section className="settings-section" aria-labelledby="rules-heading">
      <div className="rules-header">
        <h3 id="rules-heading">Rules</h3>
        <button type="button" className="btn btn-ghost" data-testid="rules-json-toggle" onClick={toggle}>
          {form.rulesJson === null ? 'Edit as JSON (advanced)' : 'Back to the form'}
        </button>
      </div>
      <p className="muted small">
        A rule fires when a customer message matches any of its keywords, patterns or responder topics (and,
        with a minimum amount, mentions at least that much money). Rules are checked in order.
      </p>
      {form.rulesJson === null ? (
        <>
          {form.rules.length === 0 && <p className="muted">No rules yet.</p>}
          {form.rules.map((row, index) => (
            <RuleCard
              key={row.rowKey}
              index={index}
              row={row}
              errors={errors}
              topicRow={form.topics[row.topic.trim()]}
              onChange={(next) => setRow(index, next)}
              onTopicMode={setTopicMode}
              onRemove={() => update({ rules: form.rules.filter((_, i) => i !== index) })}
            />
          ))}
          <FieldError fieldId={jsonId} message={toggleError ?? undefined} />
          <button
            type="button"
            className="btn rule-add"
            data-testid="rule-add"
            onClick={() => update({ rules: [...form.rules, emptyRuleRow(form.rules)] })}
          >
            Add rule
          </button>
        </>
      ) : (
        <div className="field">
          <label htmlFor={jsonId}>Rules as JSON</label>
          <textarea
            id={jsonId}
            className="settings-rules"
            data-testid="settings-rules"
            rows={16}
            spellCheck={false}
            aria-invalid={jsonError ? true : undefined}
            aria-describedby={describedBy(jsonId, jsonError)}
            value={form.rulesJson}
            onChange={(event) => {
              setToggleError(null);
              update({ rulesJson: event.target.value });
            }}
          />
          <FieldError fieldId={jsonId} message={jsonError} />
        </div>
      )}
    </section>
  );
}
