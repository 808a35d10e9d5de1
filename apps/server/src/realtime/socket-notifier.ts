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
  /**
   * A broadcast to a room: on one node the adapter knows every room's members, and a room nobody is in
   * (no agent online, no watcher) is skipped before Socket.IO encodes the packet for nobody. Across
   * nodes the other nodes' members are unknown here, so everything goes through the adapter.
   */
  const widgetRoom = (room: string) => (reaches(widget, room) ? widget.to(room) : null);
  const agentRoom = (room: string) => (reaches(agent, room) ? agent.to(room) : null);
  const reaches = (nsp: { adapter: { rooms: Map<string, Set<string>> } }, room: string) =>
    options.multiNode || (nsp.adapter.rooms.get(room)?.size ?? 0) > 0;
  return {
    messageCreated(conversation: Conversation, message: Message, origin?: string) {
      if (message.visibility === 'public') {
        const visitorRoom = widgetRoom(rooms.visitor(conversation.siteKey, conversation.visitorId));
        (origin === undefined ? visitorRoom : visitorRoom?.except(origin))?.emit(
          'message:created',
          toPublicMessage(message),
        );
      }
      agentRoom(rooms.watch(conversation.id))?.emit('message:created', message);
      agentRoom(rooms.agents)?.emit('conversation:updated', conversation);
    },
    conversationChanged(conversation: Conversation, change: 'escalated' | 'updated') {
      agentRoom(rooms.agents)?.emit(
        change === 'escalated' ? 'conversation:escalated' : 'conversation:updated',
        conversation,
      );
      widgetRoom(rooms.visitor(conversation.siteKey, conversation.visitorId))?.emit(
        'conversation:updated',
        toPublicConversation(conversation),
      );
    },
    correctionCreated(correction: Correction) {
      agentRoom(rooms.agents)?.emit('correction:created', correction);
    },
    correctionWithdrawn(correctionId: string) {
      agentRoom(rooms.agents)?.emit('correction:withdrawn', { id: correctionId });
    },
    draftCreated(_conversation: Conversation, draft: Message) {
      agentRoom(rooms.agents)?.emit('draft:created', draft);
    },
    messageUpdated(conversation: Conversation, message: Message) {
      agentRoom(rooms.watch(conversation.id))?.emit('message:updated', message);
      if (message.draft)
        agentRoom(rooms.agents)?.except(rooms.watch(conversation.id)).emit('message:updated', message);
    },
    reviewItemChanged(item: ReviewItem, change: 'created' | 'updated') {
      agentRoom(rooms.agents)?.emit(change === 'created' ? 'review:created' : 'review:updated', item);
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
      widgetRoom(rooms.visitor(conversation.siteKey, conversation.visitorId))?.emit('bot:typing', {
        conversationId: conversation.id,
        typing,
      });
    },
    botStream(conversation: Conversation, streamId: string, delta: string) {
      widgetRoom(rooms.visitor(conversation.siteKey, conversation.visitorId))?.emit('bot:stream', {
        conversationId: conversation.id,
        streamId,
        delta,
      });
    },
    botStreamEnd(conversation: Conversation, streamId: string, kept: boolean) {
      widgetRoom(rooms.visitor(conversation.siteKey, conversation.visitorId))?.emit('bot:stream-end', {
        conversationId: conversation.id,
        streamId,
        kept,
      });
    },
    visitorProfileChanged(conversation: Conversation, profile: VisitorProfile) {
      agentRoom(rooms.watch(conversation.id))?.emit('visitor:profile-updated', profile);
    },
    customerTyping(conversation: Conversation, typing: boolean) {
      agentRoom(rooms.watch(conversation.id))?.emit('customer:typing', {
        conversationId: conversation.id,
        typing,
      });
    },
    agentTyping(conversation: Conversation, author: Author, typing: boolean) {
      widgetRoom(rooms.visitor(conversation.siteKey, conversation.visitorId))?.emit('agent:typing', {
        conversationId: conversation.id,
        agent: author,
        typing,
      });
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
      widgetRoom(rooms.visitor(siteKey, visitorId))?.emit('queue:position', status);
    },
  };
}
