import {
  type AssignmentMode,
  type AssignmentSettingsView,
  assignmentModes,
} from '@hitl/shared/team-presence';
import { useEffect, useState } from 'react';
import { errorMessage } from '../api/api-error';
import { fetchTeam, saveAssignmentMode } from '../api/team-presence';
import './conversation-actions.css';

const modeLabels: Record<AssignmentMode, string> = {
  manual: 'Manual: agents claim from the queue',
  auto: 'Automatic: each new escalation goes to the least busy online agent',
};

/** How new escalations reach agents (admins change it; in force on every node at once) and the limits. */
export function AssignmentSettings({ editable, onChanged }: { editable: boolean; onChanged: () => void }) {
  const [settings, setSettings] = useState<AssignmentSettingsView | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);

  useEffect(() => {
    fetchTeam().then(
      (team) => setSettings(team.assignment),
      (failure: unknown) => setError(errorMessage(failure)),
    );
  }, []);

  const choose = async (mode: AssignmentMode) => {
    setSaving(true);
    setError(null);
    try {
      setSettings(await saveAssignmentMode(mode));
      onChanged();
    } catch (failure) {
      setError(errorMessage(failure));
    } finally {
      setSaving(false);
    }
  };

  return (
    <section
      className="settings-section"
      aria-labelledby="assignment-heading"
      data-testid="assignment-settings"
    >
      <h3 id="assignment-heading">Assignment</h3>
      {error && (
        <p className="action-error" role="alert">
          {error}
        </p>
      )}
      {settings && (
        <>
          <fieldset className="assignment-modes" disabled={!editable || saving}>
            <legend className="sr-only">Assignment mode</legend>
            {assignmentModes.map((mode) => (
              <label key={mode} className="radio-row">
                <input
                  type="radio"
                  name="assignment-mode"
                  checked={settings.mode === mode}
                  onChange={() => choose(mode)}
                  data-testid={`assignment-${mode}`}
                />
                {modeLabels[mode]}
              </label>
            ))}
          </fieldset>
          <p className="muted">
            At most {settings.maxOpen ?? 'any number of'} open conversations per agent
            (AGENT_MAX_OPEN_CONVERSATIONS); a console idle for {Math.round(settings.awayAfterMs / 60_000)} min
            shows its agent away.
            {!editable && ' Only admins can change the mode.'}
          </p>
        </>
      )}
    </section>
  );
}
