import type { DraftReviseInput } from '@hitl/shared/agent-events';
import type { DraftStatus, Message } from '@hitl/shared/models';
import { useState } from 'react';
import { errorMessage } from '../api/api-error';
import type { DraftDecision } from '../api/drafts';
import { formatDateTime } from '../lib/format';
import { timeOnTask } from '../lib/time-on-task';
import { ReasonChip, reasonKey } from './reason-chip';
import { ReasonForm } from './reason-form';

export type DraftHandlers = {
  /** `timeSpentMs`: from the draft being shown (or the previous decision) to the approval. */
  approve: (messageId: string, timeSpentMs: number) => Promise<void>;
  revise: (decision: DraftDecision, input: DraftReviseInput) => Promise<void>;
};

type Props = { message: Message; handlers: DraftHandlers };

const statusLabels: Record<DraftStatus, string> = {
  pending: 'Waiting for review',
  approved: 'Sent as written',
  edited: 'Sent with the agent’s edits',
  rejected: 'Replaced by the agent’s own reply',
};

/** Why a bot reply was held, and the one-step review of it: approve, edit, or reject with an own reply. */
export function DraftReview({ message, handlers }: Props) {
  const [editing, setEditing] = useState<DraftDecision | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [shownAt] = useState(() => Date.now());
  const draft = message.draft;
  if (!draft) return null;
  const pending = draft.status === 'pending';

  const approve = async () => {
    setBusy(true);
    setError(null);
    try {
      await handlers.approve(message.id, timeOnTask(shownAt));
    } catch (failure) {
      setError(errorMessage(failure));
    } finally {
      setBusy(false);
    }
  };

  const open = (decision: DraftDecision) => {
    setError(null);
    setEditing(decision);
  };

  return (
    <div className="draft-review" data-testid="draft-review">
      {draft.reasons.length > 0 && (
        <span className="chips" title="Why this reply was held for review">
          {draft.reasons.map((reason) => (
            <ReasonChip key={reasonKey(reason)} reason={reason} />
          ))}
        </span>
      )}
      {!pending ? (
        <span className="draft-outcome">
          <span className={`tag draft-status draft-status-${draft.status}`} data-testid="draft-status">
            {draft.status}
          </span>
          <span className="muted small">
            {statusLabels[draft.status]}
            {draft.reviewer && ` · ${draft.reviewer.name}`}
            {draft.reviewedAt && ` · ${formatDateTime(draft.reviewedAt)}`}
          </span>
        </span>
      ) : (
        !editing && (
          <span className="draft-actions">
            <button
              data-testid="draft-approve"
              type="button"
              className="btn btn-small btn-approve"
              disabled={busy}
              onClick={approve}
            >
              Approve
            </button>
            <button
              data-testid="draft-edit"
              type="button"
              className="btn btn-small"
              disabled={busy}
              onClick={() => open('draft:edit')}
            >
              Edit
            </button>
            <button
              data-testid="draft-reject"
              type="button"
              className="btn btn-small btn-danger"
              disabled={busy}
              onClick={() => open('draft:reject')}
            >
              Reject
            </button>
          </span>
        )
      )}
      {error && (
        <span className="action-error" role="alert" data-testid="action-error">
          {error}
        </span>
      )}
      {pending && editing && (
        <ReasonForm
          key={editing}
          testIdPrefix="draft"
          submitTestId={editing === 'draft:edit' ? 'draft-submit-edit' : 'draft-submit-reject'}
          errorTestId="action-error"
          initialText={editing === 'draft:edit' ? message.text : ''}
          textLabel={editing === 'draft:edit' ? 'Edited reply (sent as the bot’s answer)' : 'Your reply'}
          placeholder={editing === 'draft:reject' ? 'Write the reply the customer should get' : undefined}
          submitLabel={editing === 'draft:edit' ? 'Send edited reply' : 'Reject and send my reply'}
          busyLabel="Sending…"
          onSubmit={async (value) => {
            await handlers.revise(editing, { messageId: message.id, ...value });
            setEditing(null);
          }}
          onCancel={() => setEditing(null)}
        />
      )}
    </div>
  );
}
