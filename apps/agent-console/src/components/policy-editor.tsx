import type { EscalationPolicy } from '@hitl/shared/policy';
import { type FormEvent, useState } from 'react';
import { errorMessage } from '../api/api-error';
import { formatTime } from '../lib/format';
import {
  fromForm,
  modeExplanations,
  oversightModes,
  type PolicyForm,
  type SensitiveAction,
  toForm,
} from '../lib/policy-form';
import { NumberField, TopicOverrides } from './policy-fields';

type Props = {
  policy: EscalationPolicy;
  editable: boolean;
  /** Resolves with the policy as the server stored it. */
  onSave: (policy: EscalationPolicy) => Promise<EscalationPolicy>;
};

/** The escalation policy as a form; read-only for everyone but admins. Saving replaces the whole policy. */
export function PolicyEditor({ policy, editable, onSave }: Props) {
  const [form, setForm] = useState<PolicyForm>(() => toForm(policy));
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [savedAt, setSavedAt] = useState<string | null>(null);

  const update = (patch: Partial<PolicyForm>) => {
    setForm((current) => ({ ...current, ...patch }));
    setSavedAt(null);
  };

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const result = fromForm(form, policy);
    if (!result.ok) {
      setError(result.problems.join('\n'));
      setSavedAt(null);
      return;
    }
    setSaving(true);
    setError(null);
    try {
      setForm(toForm(await onSave(result.policy)));
      setSavedAt(new Date().toISOString());
    } catch (failure) {
      setError(errorMessage(failure));
    } finally {
      setSaving(false);
    }
  };

  return (
    <form className="settings-form" noValidate onSubmit={submit} data-testid="settings-form">
      <fieldset className="settings-fieldset" disabled={!editable || saving}>
        <section className="settings-section">
          <h3>Oversight</h3>
          <label className="field">
            <span>Mode</span>
            <select
              data-testid="settings-mode"
              value={form.mode}
              onChange={(event) =>
                update({ mode: oversightModes.find((m) => m === event.target.value) ?? form.mode })
              }
            >
              {oversightModes.map((mode) => (
                <option key={mode} value={mode}>
                  {mode}
                </option>
              ))}
            </select>
          </label>
          <ul className="mode-list">
            {oversightModes.map((mode) => (
              <li key={mode} className={mode === form.mode ? 'active' : undefined} data-mode={mode}>
                <strong>{mode}</strong> — {modeExplanations[mode]}
              </li>
            ))}
          </ul>
          <NumberField
            label="Confidence threshold"
            testId="settings-threshold"
            value={form.threshold}
            min={0}
            max={1}
            step={0.05}
            hint="At or above this confidence the bot answers (unless its topic sets its own)."
            onChange={(threshold) => update({ threshold })}
          />
          <NumberField
            label="Review threshold"
            testId="settings-review-threshold"
            value={form.reviewThreshold}
            min={0}
            max={1}
            step={0.05}
            hint="From here up to the confidence threshold the bot answers and the answer enters the review-later list (approval mode: a draft); below it the conversation escalates. Empty: no review band."
            onChange={(reviewThreshold) => update({ reviewThreshold })}
          />
        </section>
        <section className="settings-section">
          <h3>Topics</h3>
          <p className="muted small">Leave a cell empty to use the global setting.</p>
          <TopicOverrides
            topics={form.topics}
            onChange={(topic, row) => update({ topics: { ...form.topics, [topic]: row } })}
          />
        </section>
        <section className="settings-section settings-grid">
          <h3>Signals</h3>
          <NumberField
            label="Sentiment: escalate below"
            testId="settings-sentiment-below"
            value={form.escalateBelow}
            min={-1}
            max={1}
            step={0.05}
            hint="A message scoring below this (−1 … 1) escalates."
            onChange={(escalateBelow) => update({ escalateBelow })}
          />
          <NumberField
            label="Sentiment: worsening streak"
            testId="settings-worsening-streak"
            value={form.worseningStreak}
            min={1}
            step={1}
            hint="This many ever more negative messages in a row escalate."
            onChange={(worseningStreak) => update({ worseningStreak })}
          />
          <NumberField
            label="Repeated fallback count"
            testId="settings-fallback-count"
            value={form.fallbackCount}
            min={1}
            step={1}
            hint="This many low-confidence answers in a row escalate."
            onChange={(fallbackCount) => update({ fallbackCount })}
          />
          <label className="field">
            <span>Sensitive data</span>
            <select
              data-testid="settings-sensitive-action"
              value={form.sensitiveAction}
              onChange={(event) => update({ sensitiveAction: sensitiveAction(event.target.value) })}
            >
              <option value="escalate">escalate</option>
              <option value="require_approval">require approval</option>
            </select>
            <small className="muted">
              Triggered by: {policy.sensitiveData.kinds.join(', ') || 'nothing'}
            </small>
          </label>
        </section>
        <section className="settings-section">
          <h3>Rules</h3>
          <p className="muted small">
            A JSON array of topic rules (id, topic, action, keywords / patterns / responderTopics /
            minAmount).
          </p>
          <textarea
            className="settings-rules"
            data-testid="settings-rules"
            aria-label="Topic rules (JSON)"
            rows={12}
            spellCheck={false}
            value={form.rules}
            onChange={(event) => update({ rules: event.target.value })}
          />
        </section>
      </fieldset>
      {editable && (
        <div className="settings-actions">
          {error && (
            <p className="banner banner-error settings-error" role="alert" data-testid="settings-error">
              {error}
            </p>
          )}
          {savedAt && (
            <span className="settings-saved" role="status" data-testid="settings-saved">
              Saved at {formatTime(savedAt)}
            </span>
          )}
          <button data-testid="settings-save" type="submit" className="btn btn-primary" disabled={saving}>
            {saving ? 'Saving…' : 'Save policy'}
          </button>
        </div>
      )}
    </form>
  );
}

function sensitiveAction(value: string): SensitiveAction {
  return value === 'require_approval' ? 'require_approval' : 'escalate';
}
