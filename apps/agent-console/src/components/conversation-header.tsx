import type { CloseOutcome } from '@hitl/shared/close-outcomes';
import type { Agent, Conversation } from '@hitl/shared/models';
import { can } from '@hitl/shared/permissions';
import { useState } from 'react';
import { type AgentSocket, request } from '../api/agent-socket';
import { errorMessage } from '../api/api-error';
import { canClaim, canClose, isAssignedTo } from '../lib/conversation-rules';
import { CloseForm } from './close-form';
import { StatePill } from './state-pill';

type Action = 'conversation:claim' | 'conversation:handback' | 'conversation:close';
type Popover = 'close' | null;

type Props = {
  socket: AgentSocket;
  agent: Agent;
  conversation: Conversation;
  onConversation: (conversation: Conversation) => void;
};

export function ConversationHeader({ socket, agent, conversation, onConversation }: Props) {
  const [busy, setBusy] = useState<Action | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [popover, setPopover] = useState<Popover>(null);
  const mine = isAssignedTo(conversation, agent);
  // Anyone may close a conversation nobody owns (the bot's included: no take-over first); an owned one, its owner or an admin.
  const closable =
    canClose(conversation) &&
    (conversation.state !== 'agent' || mine || can(agent.role, 'conversation.release-others'));

  const run = async (action: Action, ending?: { outcome: CloseOutcome; tags: string[] }) => {
    setBusy(action);
    setError(null);
    try {
      const { conversation: updated } = await request(socket, action, {
        conversationId: conversation.id,
        ...ending,
      });
      setPopover(null);
      onConversation(updated);
    } catch (failure) {
      setError(errorMessage(failure));
    } finally {
      setBusy(null);
    }
  };

  return (
    <div className="conversation-header">
      <div className="conversation-title">
        <h2 title={conversation.visitorId}>Visitor {conversation.visitorId}</h2>
        <StatePill state={conversation.state} testId="conversation-state" />
        <span className="muted">{ownerLabel(conversation, mine)}</span>
      </div>
      <div className="conversation-actions">
        {error && (
          <span className="action-error" role="alert" data-testid="action-error">
            {error}
          </span>
        )}
        {canClaim(conversation) && (
          <button
            data-testid="claim"
            type="button"
            className="btn btn-primary"
            disabled={busy !== null}
            onClick={() => run('conversation:claim')}
          >
            {conversation.state === 'bot' ? 'Take over' : 'Claim'}
          </button>
        )}
        {mine && (
          <>
            <button
              data-testid="handback"
              type="button"
              className="btn"
              disabled={busy !== null}
              onClick={() => run('conversation:handback')}
            >
              Hand back to bot
            </button>
          </>
        )}
        {closable && (
          <button
            data-testid="close"
            type="button"
            className="btn btn-danger"
            aria-expanded={popover === 'close'}
            disabled={busy !== null}
            onClick={() => setPopover(popover === 'close' ? null : 'close')}
          >
            Close…
          </button>
        )}
        {popover === 'close' && (
          <CloseForm
            busy={busy !== null}
            onCancel={() => setPopover(null)}
            onClose={(ending) => run('conversation:close', ending)}
          />
        )}
      </div>
    </div>
  );
}

function ownerLabel(conversation: Conversation, mine: boolean): string {
  switch (conversation.state) {
    case 'bot':
      return 'The bot is answering';
    case 'queued':
      return 'Waiting for an agent';
    case 'agent':
      return mine ? 'Assigned to you' : `Assigned to ${conversation.assignee?.name ?? 'another agent'}`;
    case 'closed':
      return 'Closed';
  }
}
