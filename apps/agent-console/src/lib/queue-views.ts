import type { Agent, Conversation } from '@hitl/shared/models';

export type QueueView = 'queued' | 'mine' | 'bot' | 'open';

export const queueViews: readonly { id: QueueView; label: string }[] = [
  { id: 'queued', label: 'Queued' },
  { id: 'mine', label: 'Mine' },
  { id: 'bot', label: 'Bot' },
  { id: 'open', label: 'All open' },
];

export function belongsTo(view: QueueView, conversation: Conversation, me: Pick<Agent, 'id'>): boolean {
  switch (view) {
    case 'queued':
      return conversation.state === 'queued';
    case 'mine':
      return conversation.state === 'agent' && conversation.assignee?.id === me.id;
    case 'bot':
      return conversation.state === 'bot';
    case 'open':
      return conversation.state !== 'closed';
  }
}

/** The queue is served oldest escalation first; every other view shows the latest activity first. */
export function selectView(
  view: QueueView,
  conversations: Iterable<Conversation>,
  me: Pick<Agent, 'id'>,
): Conversation[] {
  const selected = [...conversations].filter((conversation) => belongsTo(view, conversation, me));
  return view === 'queued'
    ? selected.sort((a, b) => timeOf(a.escalatedAt ?? a.updatedAt) - timeOf(b.escalatedAt ?? b.updatedAt))
    : selected.sort((a, b) => timeOf(b.updatedAt) - timeOf(a.updatedAt));
}

export function countViews(
  conversations: Iterable<Conversation>,
  me: Pick<Agent, 'id'>,
): Record<QueueView, number> {
  const counts: Record<QueueView, number> = { queued: 0, mine: 0, bot: 0, open: 0 };
  for (const conversation of conversations) {
    for (const { id } of queueViews) if (belongsTo(id, conversation, me)) counts[id] += 1;
  }
  return counts;
}

function timeOf(iso: string): number {
  const time = Date.parse(iso);
  return Number.isNaN(time) ? 0 : time;
}
