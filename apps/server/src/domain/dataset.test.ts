import type { Correction } from '@hitl/shared/models';
import { describe, expect, it } from 'vitest';
import { csvColumns, csvHeader, toCsvRow, toExportRecord } from './dataset';
import { editDistance } from './edit-distance';
import { redactPersonalData } from './redact';

const correction: Correction = {
  id: 'cor_1',
  conversationId: 'conv_1',
  messageId: 'msg_2',
  context: [
    { role: 'customer', text: 'hi, my email is jane@example.com' },
    { role: 'bot', text: 'Hello! How can I help?' },
    { role: 'customer', text: 'how long does shipping take, "roughly"?' },
  ],
  original: { text: 'Shipping takes 10 days.', confidence: 0.62, responder: 'offline', modelId: 'm1' },
  correctedText: 'Standard shipping takes 3–5 business days.',
  topic: 'shipping',
  kind: 'rewritten_reply',
  reasons: ['wrong_fact'],
  note: null,
  agent: { id: 'a1', name: 'Sam' },
  editDistance: 30,
  timeSpentMs: 5000,
  createdAt: '2026-01-01T00:00:00.000Z',
  review: {
    status: 'approved',
    reviewer: { id: 'a2', name: 'Rita' },
    at: '2026-01-02T00:00:00.000Z',
    note: null,
    edited: false,
  },
};
const options = { systemPrompt: 'You are support.', redact: redactPersonalData };

describe('dataset records', () => {
  it('openai-chat ends with the corrected reply and redacts personal data', () => {
    const record = toExportRecord('openai-chat', correction, options);
    expect(record).toEqual({
      messages: [
        { role: 'system', content: 'You are support.' },
        { role: 'user', content: 'hi, my email is [EMAIL]' },
        { role: 'assistant', content: 'Hello! How can I help?' },
        { role: 'user', content: 'how long does shipping take, "roughly"?' },
        { role: 'assistant', content: 'Standard shipping takes 3–5 business days.' },
      ],
    });
  });

  it('openai-preference pairs the corrected and the original reply', () => {
    const record = toExportRecord('openai-preference', correction, options) as Record<string, unknown>;
    expect(record.preferred_output).toEqual([{ role: 'assistant', content: correction.correctedText }]);
    expect(record.non_preferred_output).toEqual([{ role: 'assistant', content: correction.original.text }]);
    expect((record.input as { messages: unknown[] }).messages).toHaveLength(4);
  });

  it('trl-preference has prompt, chosen and rejected', () => {
    const record = toExportRecord('trl-preference', correction, options) as unknown as Record<
      string,
      unknown[]
    >;
    expect(Object.keys(record)).toEqual(['prompt', 'chosen', 'rejected']);
    expect(record.prompt).toHaveLength(4);
  });

  it('csv quotes cells and has one cell per column', () => {
    const row = toCsvRow(correction, options);
    expect(csvHeader().trim().split(',')).toEqual([...csvColumns]);
    expect(row).toContain('"how long does shipping take, ""roughly""?"');
    expect(row.endsWith('\r\n')).toBe(true);
  });

  it('keeps text as is when redaction is off', () => {
    const record = toExportRecord('openai-chat', correction, { ...options, redact: undefined }) as {
      messages: { content: string }[];
    };
    expect(record.messages[1]?.content).toContain('jane@example.com');
  });
});

describe('redactPersonalData', () => {
  it.each([
    ['mail me at a.b+c@shop.co.uk', 'mail me at [EMAIL]'],
    ['card 4111 1111 1111 1111 thanks', 'card [CARD] thanks'],
    ['IBAN DE89 3704 0044 0532 0130 00', 'IBAN [IBAN]'],
    ['call +44 20 7946 0958', 'call [PHONE]'],
    ['call (555) 123-4567', 'call [PHONE]'],
    ['ssn 123-45-6789', 'ssn [NATIONAL_ID]'],
    ['my password is hunter22', 'my password [PASSWORD]'],
    ['order 12345 arrived', 'order 12345 arrived'],
  ])('%s', (input, expected) => {
    expect(redactPersonalData(input)).toBe(expected);
  });
});

describe('editDistance', () => {
  it.each([
    ['', '', 0],
    ['abc', '', 3],
    ['kitten', 'sitting', 3],
    ['flaw', 'lawn', 2],
    ['same', 'same', 0],
  ])('%s → %s = %i', (a, b, d) => {
    expect(editDistance(a, b)).toBe(d);
    expect(editDistance(b, a)).toBe(d);
  });
});
