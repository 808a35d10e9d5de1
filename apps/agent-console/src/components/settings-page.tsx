import type { Agent } from '@hitl/shared/models';
import { can } from '@hitl/shared/permissions';
import type { EscalationPolicy } from '@hitl/shared/policy';
import type { PolicyResponse } from '@hitl/shared/rest';
import { useState } from 'react';
import { useAuditEvents } from '../hooks/use-audit-events';
import { usePolicy } from '../hooks/use-policy';
import { formatDateTime } from '../lib/format';
import { AssignmentSettings } from './assignment-settings';
import { AuditTrail } from './audit-trail';
import { CannedResponsesSettings } from './canned-responses-settings';
import { NotificationSettingsPanel } from './notification-settings-panel';
import { PolicyEditor } from './policy-editor';
import { SiteKeySettings } from './site-key-settings';
import { TeamSettings } from './team-settings';
import { ThresholdAdvice } from './threshold-advice';
import './settings-page.css';

const sourceLabels: Record<PolicyResponse['source'], string> = {
  default: 'built-in defaults',
  file: 'the policy file',
  console: 'this console',
};

/** The escalation policy (admins edit it, everyone else reads it) and, for admins, the team, the site keys and the audit trail. */
export function SettingsPage({ agent }: { agent: Agent }) {
  const admin = can(agent.role, 'policy.edit');
  const { current, error, save, replace } = usePolicy();
  // Bumped when advice is applied, so the form shows the new thresholds (its own saves keep its state).
  const [applied, setApplied] = useState(0);
  const audit = useAuditEvents(can(agent.role, 'audit.read'));

  const saveAndRecord = async (policy: EscalationPolicy) => {
    const saved = await save(policy);
    audit.reload();
    return saved.policy;
  };

  return (
    <main className="settings-page" data-testid="settings-page">
      <NotificationSettingsPanel />
      <div className="page-header">
        <h2>Escalation policy</h2>
        {current && (
          <span className="muted" data-testid="settings-source">
            From {sourceLabels[current.source]}
            {current.updatedAt && ` · updated ${formatDateTime(current.updatedAt)}`}
          </span>
        )}
      </div>
      {!admin && (
        <p className="banner banner-info" data-testid="settings-readonly">
          Only admins can change the policy; you can read it here.
        </p>
      )}
      {error && <p className="banner banner-error">{error}</p>}
      {current && (
        <ThresholdAdvice
          policyVersion={current.updatedAt ?? current.source}
          editable={admin}
          onApplied={(response) => {
            replace(response);
            setApplied((n) => n + 1);
            audit.reload();
          }}
        />
      )}
      {current ? (
        <PolicyEditor key={applied} policy={current.policy} editable={admin} onSave={saveAndRecord} />
      ) : (
        !error && <p className="muted">Loading the policy…</p>
      )}
      <CannedResponsesSettings agent={agent} onChanged={audit.reload} />
      <AssignmentSettings editable={can(agent.role, 'team.manage')} onChanged={audit.reload} />
      {can(agent.role, 'team.manage') && <TeamSettings me={agent} onChanged={audit.reload} />}
      {can(agent.role, 'site.manage') && <SiteKeySettings onChanged={audit.reload} />}
      {admin && (
        <AuditTrail
          events={audit.events}
          loading={audit.loading}
          error={audit.error}
          onRefresh={audit.reload}
        />
      )}
    </main>
  );
}
