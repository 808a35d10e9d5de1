import type { Author, Conversation, Correction, Message } from '@hitl/shared/models';
import type { ReviewItem } from '@hitl/shared/review-items';
import type { VisitorProfile } from '@hitl/shared/visitor-context';
import type { Notifier } from '../services/notifier';
import { toPublicConversation, toPublicMessage } from '../services/visitor';
import type { AgentNamespace, WidgetNamespace } from './namespaces';
import { rooms } from './rooms';

/** Delivers service events to the rooms that may see them (through the adapter, so across nodes too). */
export function createSocketNotifier(
  widget: WidgetNamespace,
  agent: AgentNamespace,
  options: { multiNode: boolean },
): Notifier {
  /** Tells the other nodes; a single node (the in-memory adapter) has nobody to tell. */
  const tellOtherNodes = (event: 'policy:changed' | 'knowledge:changed') => {
    if (options.multiNode) agent.serverSideEmit(event);
  };
  return {
    messageCreated(conversation: Conversation, message: Message) {
      if (message.visibility === 'public') {
        widget
          .to(rooms.visitor(conversation.siteKey, conversation.visitorId))
          .emit('message:created', toPublicMessage(message));
      }
      agent.to(rooms.watch(conversation.id)).emit('message:created', message);
      agent.to(rooms.agents).emit('conversation:updated', conversation);
    },
    conversationChanged(conversation: Conversation, change: 'escalated' | 'updated') {
      agent
        .to(rooms.agents)
        .emit(change === 'escalated' ? 'conversation:escalated' : 'conversation:updated', conversation);
      widget
        .to(rooms.visitor(conversation.siteKey, conversation.visitorId))
        .emit('conversation:updated', toPublicConversation(conversation));
    },
    correctionCreated(correction: Correction) {
      agent.to(rooms.agents).emit('correction:created', correction);
    },
    correctionWithdrawn(correctionId: string) {
      agent.to(rooms.agents).emit('correction:withdrawn', { id: correctionId });
    },
    draftCreated(_conversation: Conversation, draft: Message) {
      agent.to(rooms.agents).emit('draft:created', draft);
    },
    messageUpdated(conversation: Conversation, message: Message) {
      agent.to(rooms.watch(conversation.id)).emit('message:updated', message);
      if (message.draft)
        agent.to(rooms.agents).except(rooms.watch(conversation.id)).emit('message:updated', message);
    },
    reviewItemChanged(item: ReviewItem, change: 'created' | 'updated') {
      agent.to(rooms.agents).emit(change === 'created' ? 'review:created' : 'review:updated', item);
    },
    policyChanged() {
      // Other nodes reload from the store.
      tellOtherNodes('policy:changed');
    },
    knowledgeChanged() {
      tellOtherNodes('knowledge:changed');
    },
    sessionEnded(sessionKey) {
      // Through the adapter, so sockets of this session on other nodes are disconnected too.
      agent.in(rooms.session(sessionKey)).disconnectSockets(true);
    },
    agentSessionsEnded(agentId) {
      agent.in(rooms.agent(agentId)).disconnectSockets(true);
    },
    botTyping(conversation: Conversation, typing: boolean) {
      widget
        .to(rooms.visitor(conversation.siteKey, conversation.visitorId))
        .emit('bot:typing', { conversationId: conversation.id, typing });
    },
    botStream(conversation: Conversation, streamId: string, delta: string) {
      widget
        .to(rooms.visitor(conversation.siteKey, conversation.visitorId))
        .emit('bot:stream', { conversationId: conversation.id, streamId, delta });
    },
    botStreamEnd(conversation: Conversation, streamId: string, kept: boolean) {
      widget
        .to(rooms.visitor(conversation.siteKey, conversation.visitorId))
        .emit('bot:stream-end', { conversationId: conversation.id, streamId, kept });
    },
    visitorProfileChanged(conversation: Conversation, profile: VisitorProfile) {
      agent.to(rooms.watch(conversation.id)).emit('visitor:profile-updated', profile);
    },
    customerTyping(conversation: Conversation, typing: boolean) {
      agent
        .to(rooms.watch(conversation.id))
        .emit('customer:typing', { conversationId: conversation.id, typing });
    },
    agentTyping(conversation: Conversation, author: Author, typing: boolean) {
      widget
        .to(rooms.visitor(conversation.siteKey, conversation.visitorId))
        .emit('agent:typing', { conversationId: conversation.id, agent: author, typing });
    },
    async agentsOnline() {
      const sockets = await agent.in(rooms.agents).fetchSockets();
      return new Set(sockets.map((s) => s.data.agent.id)).size;
    },
    async agentPresence() {
      // fetchSockets asks every node through the adapter, and brings each socket's data with it.
      const sockets = await agent.in(rooms.agents).fetchSockets();
      const presence = new Map<string, 'online' | 'away'>();
      for (const socket of sockets) {
        const id = socket.data.agent.id;
        const inUse = presence.get(id) === 'online' || socket.data.presence !== 'away';
        presence.set(id, inUse ? 'online' : 'away');
      }
      return presence;
    },
    queuePosition(siteKey, visitorId, status) {
      widget.to(rooms.visitor(siteKey, visitorId)).emit('queue:position', status);
    },
  };
}
