import type { ContextTurn, Message } from '@hitl/shared/models';

/**
 * The conversation as the model and a correction's provenance see it: what the customer, the bot and the
 * agents said, in order; system notices and internal notes left out.
 */
export function toContextTurns(messages: readonly Pick<Message, 'role' | 'text'>[]): ContextTurn[] {
  const turns: ContextTurn[] = [];
  for (const m of messages) {
    if (m.role === 'customer' || m.role === 'bot' || m.role === 'agent')
      turns.push({ role: m.role, text: m.text });
  }
  return turns;
}
