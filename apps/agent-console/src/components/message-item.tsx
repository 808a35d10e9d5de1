import type { CorrectionCreateInput } from '@hitl/shared/agent-events';
import type { Message } from '@hitl/shared/models';
import { useState } from 'react';
import { mayMarkAsAnswer } from '../lib/answer-marking';
import { formatTime } from '../lib/format';
import { AnswerMarkButton } from './answer-mark-button';
import { BotMetaLine, ConfidenceBadge } from './bot-meta';
import { CorrectionForm } from './correction-form';
import { type DraftHandlers, DraftReview } from './draft-review';
import { EmailDeliveryLine } from './email-delivery-line';

type Props = {
  message: Message;
  onCorrect: (input: CorrectionCreateInput) => Promise<void>;
  draftHandlers: DraftHandlers;
  /** Sends a failed e-mail reply again. */
  onRetryEmail: (message: Message) => Promise<void>;
  /** The signed-in agent's id and how to mark their reply as the answer; absent where marking is not offered. */
  answerMarking?:
    | { agentId: string; onMark: (message: Message, marked: boolean) => Promise<void> }
    | undefined;
};

export function MessageItem({ message, onCorrect, draftHandlers, onRetryEmail, answerMarking }: Props) {
  const [correcting, setCorrecting] = useState(false);
  const { id, role, visibility, bot, draft } = message;
  const dataAttributes = {
    'data-testid': 'message',
    'data-role': role,
    'data-message-id': id,
    'data-visibility': visibility,
    'data-draft-status': draft?.status,
    'data-email-status': message.email?.status,
  };

  if (role === 'system') {
    return (
      <li className={`msg msg-system msg-${visibility}`} {...dataAttributes}>
        <span className="notice">{message.text}</span>
        <time className="msg-time">{formatTime(message.createdAt)}</time>
      </li>
    );
  }

  const pendingDraft = draft?.status === 'pending';
  return (
    <li
      className={`msg msg-${role} msg-${visibility}${pendingDraft ? ' msg-draft-pending' : ''}`}
      {...dataAttributes}
    >
      <div className="msg-meta">
        <span className="msg-author">{authorLabel(message)}</span>
        {draft && (
          <span className="tag tag-draft">{pendingDraft ? 'draft · waiting for review' : 'draft'}</span>
        )}
        {role === 'note' ? (
          <span className="tag tag-note">internal note · the customer does not see it</span>
        ) : (
          visibility === 'internal' && <span className="tag tag-internal">internal</span>
        )}
        {message.email && <span className="tag tag-email">e-mail</span>}
        {bot && <ConfidenceBadge confidence={bot.confidence} />}
        <time className="msg-time">{formatTime(message.createdAt)}</time>
      </div>
      <div className="msg-bubble">{message.text}</div>
      {bot && <BotMetaLine bot={bot} />}
      {message.email && <EmailDeliveryLine message={message} onRetry={onRetryEmail} />}
      {draft && <DraftReview message={message} handlers={draftHandlers} />}
      {answerMarking && mayMarkAsAnswer(message, answerMarking.agentId) && (
        <AnswerMarkButton message={message} onMark={answerMarking.onMark} />
      )}
      {role === 'bot' && bot && !draft && (
        <div className="msg-actions">
          {message.correctionId ? (
            <span className="tag tag-corrected" data-testid="corrected-tag">
              Corrected
            </span>
          ) : (
            !correcting && (
              <button
                data-testid="mark-wrong"
                type="button"
                className="link-button"
                onClick={() => setCorrecting(true)}
              >
                Mark wrong
              </button>
            )
          )}
        </div>
      )}
      {correcting && !message.correctionId && (
        <CorrectionForm
          message={message}
          onSubmit={async (input) => {
            await onCorrect(input);
            setCorrecting(false);
          }}
          onCancel={() => setCorrecting(false)}
        />
      )}
    </li>
  );
}

function authorLabel(message: Message): string {
  switch (message.role) {
    case 'customer':
      return 'Customer';
    case 'bot':
      return message.bot ? `Bot · ${message.bot.responder}` : 'Bot';
    case 'agent':
      return message.author?.name ?? 'Agent';
    case 'system':
      return 'System';
    case 'note':
      return `Note · ${message.author?.name ?? 'Agent'}`;
  }
}
