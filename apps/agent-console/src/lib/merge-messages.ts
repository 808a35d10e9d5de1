import type { Message } from '@hitl/shared/models';

/** Adds incoming messages, dropping duplicates by id (a later copy wins), ordered by seq. */
export function mergeMessages(current: readonly Message[], incoming: readonly Message[]): Message[] {
  if (incoming.length === 0) return current as Message[];
  const byId = new Map<string, Message>();
  for (const message of current) byId.set(message.id, message);
  for (const message of incoming) byId.set(message.id, message);
  return [...byId.values()].sort((a, b) => a.seq - b.seq);
}

export function lastSeqOf(messages: readonly Message[]): number {
  let last = 0;
  for (const message of messages) last = Math.max(last, message.seq);
  return last;
}
