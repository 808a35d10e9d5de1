import type { ChatSnapshot } from './chat-client';
import { h, setText } from './render';
import { waitingStrings as t } from './strings-waiting';

/** The notices that start a stretch of waiting for a person. */
const WAIT_STARTS = new Set(['escalated', 'no_agent_online', 'agent_left']);

/**
 * The customer message under which the widget says, once per waiting stretch, that a person will reply:
 * the first one the customer sent after the conversation entered the queue, while it is still there.
 * Null: say nothing (not waiting, or nothing written since). Derived from the transcript, so a reload
 * shows it in the same place.
 */
export function acknowledgementAnchor(
  snapshot: Pick<ChatSnapshot, 'conversation' | 'messages'>,
): string | null {
  const { conversation, messages } = snapshot;
  if (conversation?.state !== 'queued') return null;
  let anchor: string | null = null;
  for (let i = messages.length - 1; i >= 0; i--) {
    const message = messages[i]!;
    if (message.conversationId !== conversation.id) continue;
    if (message.role === 'customer') anchor = message.id;
    else if (message.role === 'system' && message.notice && WAIT_STARTS.has(message.notice)) return anchor;
  }
  return null;
}

/** "Thanks — a person will reply here. You are number 2 in the queue." */
export function acknowledgementText(snapshot: Pick<ChatSnapshot, 'queue'>): string {
  return snapshot.queue ? `${t.acknowledged} ${t.queuePosition(snapshot.queue.position)}.` : t.acknowledged;
}

/** The acknowledgement line, moved under its anchor by the message list. */
export class QueueAcknowledgement {
  readonly element = h('div', {
    class: 'row system acknowledgement',
    'data-testid': 'queue-acknowledgement',
    'data-role': 'system',
  });
  private readonly text = h('div', { class: 'notice' });

  constructor() {
    this.element.append(this.text);
  }

  /** Updates the text; returns the message id to show it under, or null to remove it. */
  render(snapshot: Pick<ChatSnapshot, 'conversation' | 'messages' | 'queue'>): string | null {
    const anchor = acknowledgementAnchor(snapshot);
    if (anchor) setText(this.text, acknowledgementText(snapshot));
    else this.element.remove();
    return anchor;
  }
}
