import type { Message, Reason } from '@hitl/shared/models';

/** Pending drafts by message id. */
export type DraftMap = ReadonlyMap<string, Message>;

/** What the queue shows about a conversation's drafts: how many wait, since when, and why the first one was held. */
export type DraftSummary = { count: number; since: string; reasons: Reason[] };
export type ReviewIndex = ReadonlyMap<string, DraftSummary>;

export function isPendingDraft(message: Message): boolean {
  return message.draft?.status === 'pending';
}

/** Adds a pending draft, or drops one that has been reviewed; returns the same map when nothing changed. */
export function applyDraft(current: DraftMap, message: Message): DraftMap {
  if (isPendingDraft(message)) return new Map(current).set(message.id, message);
  if (!current.has(message.id)) return current;
  const next = new Map(current);
  next.delete(message.id);
  return next;
}

export function draftMapOf(messages: readonly Message[]): DraftMap {
  return messages.reduce(applyDraft, new Map() as DraftMap);
}

/** Groups pending drafts by conversation; the oldest draft of each is the one waiting longest. */
export function indexDrafts(drafts: DraftMap): ReviewIndex {
  const index = new Map<string, DraftSummary>();
  for (const draft of drafts.values()) {
    const known = index.get(draft.conversationId);
    if (!known) {
      index.set(draft.conversationId, { count: 1, since: draft.createdAt, reasons: reasonsOf(draft) });
    } else if (timeOf(draft.createdAt) < timeOf(known.since)) {
      index.set(draft.conversationId, {
        count: known.count + 1,
        since: draft.createdAt,
        reasons: reasonsOf(draft),
      });
    } else {
      index.set(draft.conversationId, { ...known, count: known.count + 1 });
    }
  }
  return index;
}

function reasonsOf(message: Message): Reason[] {
  return message.draft?.reasons ?? [];
}

export function timeOf(iso: string): number {
  const time = Date.parse(iso);
  return Number.isNaN(time) ? 0 : time;
}
