import type { EmailDelivery, Message } from '@hitl/shared/models';
import { describe, expect, it } from 'vitest';
import { mergeMessages } from './merge-messages';

function message(seq: number, overrides: Partial<Message> = {}): Message {
  return {
    id: `msg_${seq}`,
    conversationId: 'cnv_1',
    seq,
    clientId: null,
    role: 'agent',
    visibility: 'public',
    text: `message ${seq}`,
    author: { id: 'a', name: 'Sam' },
    bot: null,
    notice: null,
    correctionId: null,
    draft: null,
    createdAt: '2026-01-01T00:00:00.000Z',
    ...overrides,
  };
}

function emailed(status: EmailDelivery['status'], attempts: number): Message {
  return message(2, {
    email: {
      to: 'jane@example.com',
      subject: 'Your conversation with Shop',
      messageId: '<msg_2@shop.example>',
      inReplyTo: null,
      references: [],
      status,
      attempts,
      sentAt: status === 'sent' ? '2026-01-01T00:01:00.000Z' : null,
      error: status === 'failed' ? 'refused' : null,
    },
  });
}

describe('mergeMessages', () => {
  it('orders by seq and lets a later copy replace an earlier one', () => {
    const merged = mergeMessages([message(2), message(1)], [message(2, { text: 'edited' }), message(3)]);
    expect(merged.map((m) => [m.seq, m.text])).toEqual([
      [1, 'message 1'],
      [2, 'edited'],
      [3, 'message 3'],
    ]);
  });

  it.each([
    ['pending', 0, 'sent', 1, 'sent'],
    ['sent', 1, 'pending', 0, 'sent'],
    ['sent', 2, 'failed', 1, 'sent'],
    ['failed', 1, 'pending', 0, 'failed'],
    ['failed', 1, 'sent', 2, 'sent'],
    ['pending', 1, 'failed', 1, 'failed'],
  ] as const)('an e-mail reply known as %s (%i) given %s (%i) shows %s', (known, a, incoming, b, shown) => {
    const [merged] = mergeMessages([emailed(known, a)], [emailed(incoming, b)]);
    expect(merged?.email?.status).toBe(shown);
  });
});
