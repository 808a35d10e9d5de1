import type { Agent, Conversation } from '@hitl/shared/models';
import { useState } from 'react';
import { type AgentSocket, request } from '../api/agent-socket';
import { errorMessage } from '../api/api-error';
import { canClaim, isAssignedTo } from '../lib/conversation-rules';
import { StatePill } from './state-pill';

type Action = 'conversation:claim' | 'conversation:handback' | 'conversation:close';

type Props = {
  socket: AgentSocket;
  agent: Agent;
  conversation: Conversation;
  onConversation: (conversation: Conversation) => void;
};

export function ConversationHeader({ socket, agent, conversation, onConversation }: Props) {
  const [busy, setBusy] = useState<Action | null>(null);
  const [error, setError] = useState<string | null>(null);
  const mine = isAssignedTo(conversation, agent);

  const run = async (action: Action) => {
    setBusy(action);
    setError(null);
    try {
      const { conversation: updated } = await request(socket, action, { conversationId: conversation.id });
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
            <button
              data-testid="close"
              type="button"
              className="btn btn-danger"
              disabled={busy !== null}
              onClick={() => run('conversation:close')}
            >
              Close
            </button>
          </>
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
