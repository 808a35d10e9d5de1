import { type Agent, type AgentRole, agentRoles } from '@hitl/shared/models';
import { type FormEvent, useCallback, useEffect, useState } from 'react';
import { errorMessage } from '../api/api-error';
import { changeMember, inviteMember, listTeam } from '../api/team';

const roleLabels: Record<AgentRole, string> = { agent: 'Agent', reviewer: 'Reviewer', admin: 'Admin' };

/**
 * The team (admins only): add a member (their first password is shown once, to hand over), change a role,
 * deactivate or reactivate. A role change or deactivation logs the member out everywhere at once.
 */
export function TeamSettings({ me, onChanged }: { me: Agent; onChanged: () => void }) {
  const [members, setMembers] = useState<Agent[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [invited, setInvited] = useState<{ agent: Agent; password: string } | null>(null);

  const reload = useCallback(() => {
    listTeam().then(setMembers, (e: unknown) => setError(errorMessage(e)));
  }, []);
  useEffect(reload, [reload]);

  const change = async (member: Agent, patch: { role?: AgentRole; active?: boolean }) => {
    setError(null);
    try {
      const updated = await changeMember(member.id, patch);
      setMembers((list) => list?.map((m) => (m.id === updated.id ? updated : m)) ?? null);
      onChanged();
    } catch (e) {
      setError(errorMessage(e));
    }
  };

  return (
    <section className="team-settings" data-testid="team-settings" aria-labelledby="team-heading">
      <div className="page-header">
        <h2 id="team-heading">Team</h2>
      </div>
      {error && (
        <p className="banner banner-error" role="alert">
          {error}
        </p>
      )}
      <InviteForm
        onInvited={(result) => {
          setInvited(result);
          setMembers((list) => [...(list ?? []), result.agent]);
          onChanged();
        }}
      />
      {invited && (
        <p className="banner banner-info" data-testid="invite-password" role="status">
          {invited.agent.name} can log in as <strong>{invited.agent.email}</strong> with the password{' '}
          <code>{invited.password}</code>. It is shown only now: hand it over safely.
        </p>
      )}
      <div className="table-wrap">
        <table className="corrections-table">
          <thead>
            <tr>
              <th>Name</th>
              <th>E-mail</th>
              <th>Role</th>
              <th>Status</th>
              <th>
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {members?.map((member) => (
              <tr key={member.id} data-testid="team-row" data-email={member.email}>
                <td>
                  {member.name}
                  {member.id === me.id && <span className="muted"> (you)</span>}
                </td>
                <td className="mono">{member.email}</td>
                <td>
                  <select
                    aria-label={`Role of ${member.name}`}
                    value={member.role}
                    onChange={(e) => void change(member, { role: e.target.value as AgentRole })}
                  >
                    {agentRoles.map((role) => (
                      <option key={role} value={role}>
                        {roleLabels[role]}
                      </option>
                    ))}
                  </select>
                </td>
                <td>{member.active ? 'Active' : 'Deactivated'}</td>
                <td>
                  <button
                    type="button"
                    className="btn btn-ghost"
                    onClick={() => void change(member, { active: !member.active })}
                  >
                    {member.active ? 'Deactivate' : 'Reactivate'}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        {members === null && !error && <p className="table-empty">Loading the team…</p>}
      </div>
    </section>
  );
}

function InviteForm({ onInvited }: { onInvited: (result: { agent: Agent; password: string }) => void }) {
  const [name, setName] = useState('');
  const [email, setEmail] = useState('');
  const [role, setRole] = useState<AgentRole>('agent');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      onInvited(await inviteMember({ name, email, role }));
      setName('');
      setEmail('');
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="invite-form" onSubmit={(e) => void submit(e)} aria-label="Add a team member">
      <label>
        Name
        <input value={name} onChange={(e) => setName(e.target.value)} required maxLength={80} />
      </label>
      <label>
        E-mail
        <input type="email" value={email} onChange={(e) => setEmail(e.target.value)} required />
      </label>
      <label>
        Role
        <select value={role} onChange={(e) => setRole(e.target.value as AgentRole)}>
          {agentRoles.map((r) => (
            <option key={r} value={r}>
              {roleLabels[r]}
            </option>
          ))}
        </select>
      </label>
      <button type="submit" className="btn btn-primary" disabled={busy}>
        Add member
      </button>
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
    </form>
  );
}
