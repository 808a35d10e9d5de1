import type { Message } from '@hitl/shared/models';

const escalationNotices = new Set(['escalated', 'no_agent_online']);

/**
 * Whether the next reply directly follows the question that escalated: there was an escalation, a
 * customer question came before it, and no agent has replied to the customer since. Only that reply is
 * marked as the answer by default; a later one (or a greeting sent first) the agent marks by hand.
 */
export function nextReplyAnswersEscalation(messages: readonly Message[]): boolean {
  const escalation = messages.findLastIndex((m) => m.notice !== null && escalationNotices.has(m.notice));
  if (escalation < 0) return false;
  const asked = messages.slice(0, escalation).some((m) => m.role === 'customer');
  const answered = messages
    .slice(escalation + 1)
    .some((m) => m.role === 'agent' && m.visibility === 'public');
  return asked && !answered;
}

/** An agent marks only their own replies to the customer as answers (the server checks the same). */
export function mayMarkAsAnswer(message: Message, agentId: string): boolean {
  return message.role === 'agent' && message.visibility === 'public' && message.author?.id === agentId;
}
