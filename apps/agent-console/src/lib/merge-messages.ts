import type { Message } from '@hitl/shared/models';

/**
 * Adds incoming messages, dropping duplicates by id (a later copy wins, except that an e-mail reply's
 * delivery never goes backwards), ordered by seq.
 */
export function mergeMessages(current: readonly Message[], incoming: readonly Message[]): Message[] {
  if (incoming.length === 0) return current as Message[];
  const byId = new Map<string, Message>();
  for (const message of current) byId.set(message.id, message);
  for (const message of incoming) {
    const known = byId.get(message.id);
    if (!known || !isBehind(message, known)) byId.set(message.id, message);
  }
  return [...byId.values()].sort((a, b) => a.seq - b.seq);
}

/**
 * The REST answer of an e-mail reply and its socket events arrive on different channels, so a copy saying
 * `pending` can come after the one saying `sent`: sent is final, and a later attempt beats an earlier one.
 */
function isBehind(incoming: Message, known: Message): boolean {
  if (!incoming.email || !known.email) return false;
  if (known.email.status === 'sent') return incoming.email.status !== 'sent';
  if (incoming.email.attempts !== known.email.attempts) return incoming.email.attempts < known.email.attempts;
  return incoming.email.status === 'pending' && known.email.status !== 'pending';
}

export function lastSeqOf(messages: readonly Message[]): number {
  let last = 0;
  for (const message of messages) last = Math.max(last, message.seq);
  return last;
}
