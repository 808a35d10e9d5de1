import type { CloseOutcome } from '@hitl/shared/close-outcomes';
import type { Agent, Conversation } from '@hitl/shared/models';
import { can } from '@hitl/shared/permissions';
import { useState } from 'react';
import { type AgentSocket, request } from '../api/agent-socket';
import { errorMessage } from '../api/api-error';
import { canClaim, canClose, canTransfer, isAssignedTo } from '../lib/conversation-rules';
import { CloseForm } from './close-form';
import { StatePill } from './state-pill';
import { TransferForm } from './transfer-form';

type Action = 'conversation:claim' | 'conversation:handback' | 'conversation:close' | 'conversation:transfer';
type Popover = 'close' | 'transfer' | null;

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
  const mayReleaseOthers = can(agent.role, 'conversation.release-others');
  const closable = canClose(conversation) && (conversation.state !== 'agent' || mine || mayReleaseOthers);
  const transferable = canTransfer(conversation) && (mine || mayReleaseOthers);
  const toggle = (which: Exclude<Popover, null>) => setPopover(popover === which ? null : which);

  const ref = { conversationId: conversation.id };
  const run = async (action: Action, call: () => Promise<{ conversation: Conversation }>) => {
    setBusy(action);
    setError(null);
    try {
      const { conversation: updated } = await call();
      setPopover(null);
      onConversation(updated);
    } catch (failure) {
      setError(errorMessage(failure));
    } finally {
      setBusy(null);
    }
  };
  const claim = () => run('conversation:claim', () => request(socket, 'conversation:claim', ref));
  const handBack = () => run('conversation:handback', () => request(socket, 'conversation:handback', ref));
  const close = (ending: { outcome: CloseOutcome; tags: string[] }) =>
    run('conversation:close', () => request(socket, 'conversation:close', { ...ref, ...ending }));
  const transfer = (toAgentId: string) =>
    run('conversation:transfer', () => request(socket, 'conversation:transfer', { ...ref, toAgentId }));

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
            onClick={claim}
          >
            {conversation.state === 'bot' ? 'Take over' : 'Claim'}
          </button>
        )}
        {mine && (
          <button
            data-testid="handback"
            type="button"
            className="btn"
            disabled={busy !== null}
            onClick={handBack}
          >
            Hand back to bot
          </button>
        )}
        {transferable && (
          <button
            data-testid="transfer"
            type="button"
            className="btn"
            aria-expanded={popover === 'transfer'}
            disabled={busy !== null}
            onClick={() => toggle('transfer')}
          >
            Transfer…
          </button>
        )}
        {closable && (
          <button
            data-testid="close"
            type="button"
            className="btn btn-danger"
            aria-expanded={popover === 'close'}
            disabled={busy !== null}
            onClick={() => toggle('close')}
          >
            Close…
          </button>
        )}
        {popover === 'transfer' && transferable && (
          <TransferForm
            conversation={conversation}
            busy={busy !== null}
            onCancel={() => setPopover(null)}
            onTransfer={(member) => transfer(member.id)}
          />
        )}
        {popover === 'close' && closable && (
          <CloseForm busy={busy !== null} onCancel={() => setPopover(null)} onClose={close} />
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
