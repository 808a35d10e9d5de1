import type { Message } from '@hitl/shared/models';

/**
 * What the bot would have answered to the customer's last question, for the agent to start from: its
 * reply withheld when the conversation escalated, or a draft still waiting for review. Nothing once an
 * agent has answered that question, or when the bot's suggestion was for an earlier one.
 */
export function suggestedReply(messages: readonly Message[]): Message | null {
  const lastQuestion = messages.findLastIndex((m) => m.role === 'customer' && m.visibility === 'public');
  if (lastQuestion < 0) return null;
  const since = messages.slice(lastQuestion + 1);
  if (since.some((m) => m.visibility === 'public' && (m.role === 'agent' || m.role === 'bot'))) return null;
  return (
    since.findLast(
      (m) =>
        m.role === 'bot' &&
        m.visibility === 'internal' &&
        (m.draft === null || m.draft.status === 'pending') &&
        m.text.trim() !== '',
    ) ?? null
  );
}
