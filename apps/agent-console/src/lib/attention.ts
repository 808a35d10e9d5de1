import type { Conversation } from '@hitl/shared/models';

/** Something an agent should notice: a conversation entered the queue, or a customer wrote in theirs. */
export type AttentionItem = {
  /** One per event, so the same broadcast received twice counts once. */
  key: string;
  kind: 'escalation' | 'customer_message';
  conversationId: string;
  text: string | null;
};

/** Where the agent is looking: the tab must be visible to see anything. */
export type ViewState = {
  visible: boolean;
  page: string;
  conversationId: string | null;
};

/**
 * What a conversation broadcast means for the agent `me`. `previous` is the copy known before it (null if
 * none). An escalation always counts; a new message counts only in a conversation the agent owns and only
 * when the latest message is the customer's (the bot is silent there, and the agent's own replies and
 * notices are not news).
 */
export function attentionFor(
  change: 'escalated' | 'updated',
  next: Conversation,
  previous: Conversation | null,
  me: string,
): AttentionItem | null {
  if (change === 'escalated')
    return {
      key: `escalation:${next.id}:${next.escalatedAt ?? next.lastSeq}`,
      kind: 'escalation',
      conversationId: next.id,
      text: next.lastCustomerText,
    };
  if (!previous || next.state !== 'agent' || next.assignee?.id !== me) return null;
  const newer = next.lastSeq > previous.lastSeq;
  const fromCustomer = next.lastCustomerText !== null && next.lastMessage === next.lastCustomerText;
  if (!newer || !fromCustomer) return null;
  return {
    key: `message:${next.id}:${next.lastSeq}`,
    kind: 'customer_message',
    conversationId: next.id,
    text: next.lastCustomerText,
  };
}

/**
 * Whether the agent sees the item where they are: an escalation on the inbox, a message in its open
 * conversation — and only while the tab is visible.
 */
export function isSeen(item: AttentionItem, view: ViewState): boolean {
  if (!view.visible || view.page !== 'inbox') return false;
  return item.kind === 'escalation' || view.conversationId === item.conversationId;
}

/** Adds an item unless it is already there or seen at once; returns the same array when nothing changed. */
export function addUnseen(
  unseen: readonly AttentionItem[],
  item: AttentionItem,
  view: ViewState,
): AttentionItem[] {
  if (isSeen(item, view) || unseen.some((known) => known.key === item.key)) return unseen as AttentionItem[];
  return [...unseen, item];
}

/** Drops what the agent now sees; the same array when nothing changed (no re-render). */
export function dropSeen(unseen: readonly AttentionItem[], view: ViewState): AttentionItem[] {
  const left = unseen.filter((item) => !isSeen(item, view));
  return left.length === unseen.length ? (unseen as AttentionItem[]) : left;
}

const BASE_TITLE = 'Agent console';

/** "(2 new) · 3 queued — Agent console": unseen items first, since those are what the tab must say. */
export function consoleTitle(unseen: number, queued: number): string {
  const parts = [unseen > 0 ? `(${unseen} new)` : null, queued > 0 ? `${queued} queued` : null].filter(
    Boolean,
  );
  return parts.length > 0 ? `${parts.join(' · ')} — ${BASE_TITLE}` : BASE_TITLE;
}

/** The desktop notification's words. */
export function notificationText(item: AttentionItem): { title: string; body: string } {
  const title = item.kind === 'escalation' ? 'New conversation in the queue' : 'New customer message';
  return { title, body: item.text ?? '' };
}
