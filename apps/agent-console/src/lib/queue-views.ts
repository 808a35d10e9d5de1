import type { Agent, Conversation } from '@hitl/shared/models';
import { orderQueue } from '@hitl/shared/queue-priority';
import { type ReviewIndex, timeOf } from './pending-drafts';

export type QueueView = 'queued' | 'review' | 'mine' | 'bot' | 'open';

export const queueViews: readonly { id: QueueView; label: string }[] = [
  { id: 'queued', label: 'Queued' },
  { id: 'review', label: 'Review' },
  { id: 'mine', label: 'Mine' },
  { id: 'bot', label: 'Bot' },
  { id: 'open', label: 'All open' },
];

/** Who is looking and which conversations hold drafts waiting for review. */
export type ViewContext = { me: Pick<Agent, 'id'>; review: ReviewIndex };

export function belongsTo(view: QueueView, conversation: Conversation, context: ViewContext): boolean {
  switch (view) {
    case 'queued':
      return conversation.state === 'queued';
    case 'review':
      return context.review.has(conversation.id);
    case 'mine':
      return conversation.state === 'agent' && conversation.assignee?.id === context.me.id;
    case 'bot':
      return conversation.state === 'bot';
    case 'open':
      return conversation.state !== 'closed';
  }
}

/**
 * The queue is served by priority (the most severe reason first, then the longest waiting), the review list
 * longest waiting first; other views show the latest activity first.
 */
export function selectView(
  view: QueueView,
  conversations: Iterable<Conversation>,
  context: ViewContext,
): Conversation[] {
  const selected = [...conversations].filter((conversation) => belongsTo(view, conversation, context));
  if (view === 'queued') return orderQueue(selected);
  if (view === 'review') {
    const since = (conversation: Conversation) => timeOf(context.review.get(conversation.id)?.since ?? '');
    return selected.sort((a, b) => since(a) - since(b));
  }
  return selected.sort((a, b) => timeOf(b.updatedAt) - timeOf(a.updatedAt));
}

export function countViews(
  conversations: Iterable<Conversation>,
  context: ViewContext,
): Record<QueueView, number> {
  const counts: Record<QueueView, number> = { queued: 0, review: 0, mine: 0, bot: 0, open: 0 };
  for (const conversation of conversations) {
    for (const { id } of queueViews) if (belongsTo(id, conversation, context)) counts[id] += 1;
  }
  return counts;
}
