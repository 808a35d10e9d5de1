import type { Conversation } from '@hitl/shared/models';
import type { VisitorProfile } from '@hitl/shared/visitor-context';
import { useEffect, useState } from 'react';
import { type AgentSocket, request } from '../api/agent-socket';

/**
 * The visitor profile of the conversation's customer: read when the conversation opens (and after each
 * reconnect), then replaced by every live update about the same visitor.
 */
export function useVisitorProfile(socket: AgentSocket, conversation: Conversation | null) {
  const [state, setState] = useState<{ key: string | null; profile: VisitorProfile | null }>({
    key: null,
    profile: null,
  });
  const conversationId = conversation?.id ?? null;
  const siteKey = conversation?.siteKey ?? null;
  const visitorId = conversation?.visitorId ?? null;
  const key = conversationId && `${conversationId}\n${siteKey}\n${visitorId}`;

  useEffect(() => {
    if (!conversationId || !key) return;
    let active = true;
    const load = () => {
      request(socket, 'visitor:profile', { conversationId })
        .then(({ profile }) => active && setState({ key, profile }))
        .catch(() => undefined); // the pane shows "nothing yet"; the next reconnect reads again
    };
    const onUpdate = (profile: VisitorProfile) => {
      if (profile.siteKey === siteKey && profile.visitorId === visitorId) setState({ key, profile });
    };
    socket.on('connect', load);
    socket.on('visitor:profile-updated', onUpdate);
    if (socket.connected) load();
    return () => {
      active = false;
      socket.off('connect', load);
      socket.off('visitor:profile-updated', onUpdate);
    };
  }, [socket, conversationId, siteKey, visitorId, key]);

  return state.key === key ? state.profile : null;
}
