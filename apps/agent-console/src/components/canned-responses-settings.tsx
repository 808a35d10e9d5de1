import type { CannedResponse, CannedResponseContent } from '@hitl/shared/canned-responses';
import type { Agent } from '@hitl/shared/models';
import { can } from '@hitl/shared/permissions';
import { type FormEvent, useState } from 'react';
import { errorMessage } from '../api/api-error';
import { createCannedResponse, deleteCannedResponse, updateCannedResponse } from '../api/canned-responses';
import { useCannedResponses } from '../hooks/use-canned-responses';
import './conversation-tools.css';

const blank: CannedResponseContent = { title: '', shortcut: '', text: '' };

/**
 * The team's canned responses: every agent reads them (and inserts them with `/shortcut` in the composer);
 * reviewers and admins add, edit and delete them. Every change is written to the audit trail.
 */
export function CannedResponsesSettings({ agent, onChanged }: { agent: Agent; onChanged: () => void }) {
  const editable = can(agent.role, 'canned.edit');
  const remote = useCannedResponses();
  const [editing, setEditing] = useState<CannedResponse | null>(null);
  const [error, setError] = useState<string | null>(null);

  const changed = () => {
    remote.reload();
    onChanged();
  };

  const remove = async (canned: CannedResponse) => {
    if (!window.confirm(`Delete the canned response /${canned.shortcut}?`)) return;
    setError(null);
    try {
      await deleteCannedResponse(canned.id);
      if (editing?.id === canned.id) setEditing(null);
      changed();
    } catch (failure) {
      setError(errorMessage(failure));
    }
  };

  const list = remote.data.cannedResponses;
  return (
    <section className="canned-settings" data-testid="canned-settings" aria-labelledby="canned-heading">
      <div className="page-header">
        <h2 id="canned-heading">Canned responses</h2>
        <span className="muted">
          Type <kbd>/</kbd> and the shortcut in the composer. {'{name}'}, {'{email}'}, {'{agent}'} and{' '}
          {'{site}'} are filled in from the conversation.
        </span>
      </div>
      {(error ?? remote.error) && (
        <p className="banner banner-error" role="alert">
          {error ?? remote.error}
        </p>
      )}
      {editable && (
        <CannedForm
          key={editing?.id ?? 'new'}
          editing={editing}
          onSaved={() => {
            setEditing(null);
            changed();
          }}
          onCancel={() => setEditing(null)}
        />
      )}
      <div className="table-wrap">
        <table className="corrections-table">
          <thead>
            <tr>
              <th>Shortcut</th>
              <th>Title</th>
              <th>Text</th>
              {editable && (
                <th>
                  <span className="visually-hidden">Actions</span>
                </th>
              )}
            </tr>
          </thead>
          <tbody>
            {list.map((canned) => (
              <tr key={canned.id} data-testid="canned-row" data-shortcut={canned.shortcut}>
                <td className="mono">/{canned.shortcut}</td>
                <td>{canned.title}</td>
                <td className="canned-text-cell">{canned.text}</td>
                {editable && (
                  <td>
                    <button type="button" className="btn btn-ghost" onClick={() => setEditing(canned)}>
                      Edit<span className="visually-hidden"> /{canned.shortcut}</span>
                    </button>
                    <button type="button" className="btn btn-ghost" onClick={() => void remove(canned)}>
                      Delete<span className="visually-hidden"> /{canned.shortcut}</span>
                    </button>
                  </td>
                )}
              </tr>
            ))}
          </tbody>
        </table>
        {remote.loading && list.length === 0 && <p className="table-empty">Loading the canned responses…</p>}
        {!remote.loading && !remote.error && list.length === 0 && (
          <p className="table-empty">No canned responses yet.</p>
        )}
      </div>
    </section>
  );
}

function CannedForm({
  editing,
  onSaved,
  onCancel,
}: {
  editing: CannedResponse | null;
  onSaved: () => void;
  onCancel: () => void;
}) {
  const [content, setContent] = useState<CannedResponseContent>(
    editing ? { title: editing.title, shortcut: editing.shortcut, text: editing.text } : blank,
  );
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const set = (field: keyof CannedResponseContent) => (value: string) =>
    setContent((current) => ({ ...current, [field]: value }));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      if (editing) await updateCannedResponse(editing.id, content);
      else await createCannedResponse(content);
      setContent(blank);
      onSaved();
    } catch (failure) {
      setError(errorMessage(failure));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form
      className="canned-settings-form"
      data-testid="canned-form"
      aria-label={editing ? `Edit /${editing.shortcut}` : 'Add a canned response'}
      onSubmit={(event) => void submit(event)}
    >
      <label>
        Title
        <input
          value={content.title}
          onChange={(e) => set('title')(e.target.value)}
          required
          maxLength={120}
        />
      </label>
      <label>
        Shortcut
        <input
          value={content.shortcut}
          onChange={(e) => set('shortcut')(e.target.value)}
          required
          maxLength={32}
          pattern="[A-Za-z0-9]+(-[A-Za-z0-9]+)*"
          title="Letters, digits and dashes, like refund or late-parcel"
          placeholder="refund"
        />
      </label>
      <label className="canned-text-field">
        Text
        <textarea
          rows={3}
          value={content.text}
          onChange={(e) => set('text')(e.target.value)}
          required
          maxLength={4000}
          placeholder="Hi {name}, … — {agent}, {site}"
        />
      </label>
      <div className="form-actions">
        <button type="submit" className="btn btn-primary" disabled={busy}>
          {editing ? 'Save changes' : 'Add canned response'}
        </button>
        {editing && (
          <button type="button" className="btn btn-ghost" onClick={onCancel}>
            Cancel
          </button>
        )}
        {error && (
          <p className="field-error" role="alert">
            {error}
          </p>
        )}
      </div>
    </form>
  );
}
