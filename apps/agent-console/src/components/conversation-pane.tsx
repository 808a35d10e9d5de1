import type { CorrectionCreateInput, DraftResult } from '@hitl/shared/agent-events';
import type { Agent, Conversation, Message } from '@hitl/shared/models';
import { useCallback, useMemo, useState } from 'react';
import { type AgentSocket, request, requestWithRetry } from '../api/agent-socket';
import { approveDraft, reviseDraft } from '../api/drafts';
import { sendEmailReply } from '../api/email-replies';
import { useAnswerMarking } from '../hooks/use-answer-marking';
import { useCannedResponses } from '../hooks/use-canned-responses';
import { useConversationWatch } from '../hooks/use-conversation-watch';
import { useFeatures } from '../hooks/use-features';
import { useAgentTypingSender, useCustomerTyping } from '../hooks/use-typing';
import { useVisitorProfile } from '../hooks/use-visitor-profile';
import { createClientId } from '../lib/client-id';
import { isAssignedTo } from '../lib/conversation-rules';
import { suggestedReply } from '../lib/suggested-reply';
import { AnswerToggle } from './answer-toggle';
import { Composer } from './composer';
import { ConversationHeader } from './conversation-header';
import { CustomerContext } from './customer-context';
import { DetailsPanel } from './details-panel';
import type { DraftHandlers } from './draft-review';
import { EarlierConversations } from './earlier-conversations';
import { EmailComposer } from './email-composer';
import { type ReplyMode, ReplyModes } from './reply-modes';
import { Transcript } from './transcript';

type Props = {
  socket: AgentSocket;
  agent: Agent;
  conversationId: string;
  conversation: Conversation | null;
  onConversation: (conversation: Conversation) => void;
  onDraftReviewed: (draft: Message) => void;
};

export function ConversationPane({
  socket,
  agent,
  conversationId,
  conversation,
  onConversation,
  onDraftReviewed,
}: Props) {
  const watch = useConversationWatch(socket, conversationId, onConversation);
  const { addMessage, addCorrection } = watch;
  const mine = conversation !== null && isAssignedTo(conversation, agent);
  const { features } = useFeatures();
  const [mode, setMode] = useState<ReplyMode>('chat');
  const [detailsOpen, setDetailsOpen] = useState(false);
  const contactEmail = conversation?.contactEmail ?? null;
  const canned = useCannedResponses().data;
  const suggestion = useMemo(() => suggestedReply(watch.messages), [watch.messages]);
  const answers = useAnswerMarking(socket, watch.messages, addMessage);
  const { afterSend } = answers;
  const customerTyping = useCustomerTyping(socket, conversationId);
  const profile = useVisitorProfile(socket, conversation);
  // Only the chat reply tells the customer someone is typing (not an e-mail reply).
  const chatMode = !(contactEmail && mode === 'email');
  const typingSender = useAgentTypingSender(socket, conversationId, mine && chatMode);

  const send = useCallback(
    async (text: string) => {
      // One clientId per reply: a retry after a timeout can never create a second message.
      const input = { conversationId, clientId: createClientId(), text };
      const { message } = await requestWithRetry(socket, 'message:send', input);
      addMessage(message);
      await afterSend(message);
    },
    [socket, conversationId, addMessage, afterSend],
  );

  // Internal: stored for agents only, shown in the transcript as a note; no claim needed.
  const note = useCallback(
    async (text: string) => {
      const input = { conversationId, clientId: createClientId(), text };
      const { message } = await requestWithRetry(socket, 'note:send', input);
      addMessage(message);
    },
    [socket, conversationId, addMessage],
  );

  const sendEmail = useCallback(
    async (text: string) => {
      addMessage(await sendEmailReply(conversationId, { clientId: createClientId(), text }));
    },
    [conversationId, addMessage],
  );

  // The same client id and text: the server sends the stored reply again, never a second one.
  const retryEmail = useCallback(
    async (message: Message) => {
      if (!message.clientId) return;
      addMessage(await sendEmailReply(conversationId, { clientId: message.clientId, text: message.text }));
    },
    [conversationId, addMessage],
  );

  const correct = useCallback(
    async (input: CorrectionCreateInput) => {
      const { correction } = await request(socket, 'correction:create', input);
      addCorrection(correction);
    },
    [socket, addCorrection],
  );

  // Any agent may review a draft; no claim is needed.
  const draftHandlers = useMemo<DraftHandlers>(() => {
    const applyResult = ({ draft, published, correction }: DraftResult) => {
      addMessage(draft);
      addMessage(published);
      if (correction) addCorrection(correction);
      onDraftReviewed(draft);
    };
    return {
      approve: async (messageId, timeSpentMs) =>
        applyResult(await approveDraft(socket, { messageId, timeSpentMs })),
      revise: async (decision, input) => applyResult(await reviseDraft(socket, decision, input)),
    };
  }, [socket, addMessage, addCorrection, onDraftReviewed]);

  return (
    <>
      <main className="conversation">
        {conversation && (
          // Only on narrow screens (CSS), where the details pane has no column and opens over the conversation.
          <button
            type="button"
            className="btn btn-ghost details-toggle"
            data-testid="details-toggle"
            aria-expanded={detailsOpen}
            aria-controls="conversation-details"
            onClick={() => setDetailsOpen((open) => !open)}
          >
            {detailsOpen ? 'Hide details' : 'Details'}
          </button>
        )}
        {conversation ? (
          <ConversationHeader
            socket={socket}
            agent={agent}
            conversation={conversation}
            onConversation={onConversation}
          />
        ) : (
          <div className="conversation-header">
            <span className="muted">Loading conversation…</span>
          </div>
        )}
        {watch.error && <p className="banner banner-error">{watch.error}</p>}
        {answers.error && (
          <p className="banner banner-error" role="alert">
            {answers.error}
          </p>
        )}
        <Transcript
          messages={watch.messages}
          loading={watch.status === 'loading'}
          onCorrect={correct}
          draftHandlers={draftHandlers}
          onRetryEmail={retryEmail}
          answerMarking={{ agentId: agent.id, onMark: answers.markAnswer }}
        />
        {customerTyping && (
          <p className="typing-line" data-testid="customer-typing" aria-live="polite">
            Customer is typing…
          </p>
        )}
        {contactEmail && <ReplyModes mode={mode} onMode={setMode} />}
        {contactEmail && mode === 'email' ? (
          <EmailComposer
            to={contactEmail}
            disabledReason={emailHint(conversation, agent, features.emailReplies.enabled)}
            onSend={sendEmail}
          />
        ) : (
          <>
            {mine && <AnswerToggle checked={answers.markNext} onChange={answers.setMarkNext} />}
            <Composer
              enabled={mine}
              disabledReason={composerHint(conversation, mine)}
              onSend={send}
              notesEnabled={conversation !== null}
              onNote={note}
              canned={canned.cannedResponses}
              // What the site told about the customer (identify), when it did: {name} stays to fill otherwise.
              cannedValues={{
                name: profile?.identity?.name ?? null,
                email: contactEmail ?? profile?.identity?.email ?? null,
                agent: agent.name,
                site: canned.siteName,
              }}
              suggestion={suggestion}
              typing={typingSender}
            />
          </>
        )}
      </main>
      <DetailsPanel conversation={conversation} open={detailsOpen}>
        {conversation && <CustomerContext socket={socket} conversation={conversation} />}
        <EarlierConversations socket={socket} conversationId={conversationId} />
      </DetailsPanel>
    </>
  );
}

function emailHint(conversation: Conversation | null, agent: Agent, configured: boolean): string | null {
  if (!configured) return 'E-mail replies are not configured on this server (SMTP_URL).';
  if (conversation?.state === 'agent' && !isAssignedTo(conversation, agent))
    return `${conversation.assignee?.name ?? 'Another agent'} is handling this conversation.`;
  return null;
}

function composerHint(conversation: Conversation | null, mine: boolean): string {
  if (mine || !conversation) return '';
  if (conversation.state === 'closed') return 'This conversation is closed.';
  if (conversation.state === 'agent')
    return `${conversation.assignee?.name ?? 'Another agent'} is handling this conversation.`;
  return 'Claim the conversation to reply.';
}
