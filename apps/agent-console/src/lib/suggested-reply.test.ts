import type { DraftStatus, Message } from '@hitl/shared/models';
import { describe, expect, it } from 'vitest';
import { suggestedReply } from './suggested-reply';

let seq = 0;
function message(role: Message['role'], text: string, overrides: Partial<Message> = {}): Message {
  seq += 1;
  return {
    id: `m${seq}`,
    conversationId: 'c1',
    seq,
    clientId: null,
    role,
    visibility: 'public',
    text,
    author: null,
    bot: null,
    notice: null,
    correctionId: null,
    draft: null,
    createdAt: '2026-01-01T10:00:00.000Z',
    ...overrides,
  };
}

const withheld = (text: string) => message('bot', text, { visibility: 'internal' });
const draft = (text: string, status: DraftStatus) =>
  message('bot', text, {
    visibility: 'internal',
    draft: { status, reasons: [], reviewer: null, reviewedAt: null, publishedMessageId: null },
  });

describe('suggestedReply', () => {
  it('offers the reply the bot withheld for the last question', () => {
    const reply = withheld('Refunds take 5 days.');
    const messages = [message('customer', 'refund?'), reply, message('system', 'A person is coming')];
    expect(suggestedReply(messages)).toBe(reply);
  });

  it('offers a draft still waiting for review, not a reviewed one', () => {
    const pending = draft('We ship in 2 days.', 'pending');
    expect(suggestedReply([message('customer', 'shipping?'), pending])).toBe(pending);
    expect(suggestedReply([message('customer', 'shipping?'), draft('x', 'rejected')])).toBeNull();
  });

  it('offers nothing once someone answered, or when the suggestion was for an earlier question', () => {
    const reply = withheld('Refunds take 5 days.');
    expect(suggestedReply([message('customer', 'refund?'), reply, message('agent', 'Hi!')])).toBeNull();
    expect(suggestedReply([message('customer', 'refund?'), reply, message('customer', 'hello?')])).toBeNull();
    expect(suggestedReply([])).toBeNull();
  });

  it('is not put off by internal notes', () => {
    const reply = withheld('Refunds take 5 days.');
    const note = message('note', 'VIP', { visibility: 'internal' });
    expect(suggestedReply([message('customer', 'refund?'), reply, note])).toBe(reply);
  });
});
