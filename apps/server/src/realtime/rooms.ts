/** Room names, in one place. */
export const rooms = {
  /** Every socket of one visitor (all their tabs), in /widget. */
  visitor: (siteKey: string, visitorId: string) => `visitor:${siteKey}:${visitorId}`,
  /** Every agent, in /agent. */
  agents: 'agents',
  /** Every socket opened with one agent session, in /agent (ended together at logout). */
  session: (sessionKey: string) => `session:${sessionKey}`,
  /** Every socket of one agent, in /agent (ended together at deactivation or role change). */
  agent: (agentId: string) => `agent:${agentId}`,
  /** Agents watching one conversation, in /agent. */
  watch: (conversationId: string) => `watch:${conversationId}`,
} as const;
