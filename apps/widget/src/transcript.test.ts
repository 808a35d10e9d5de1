import type { Message } from '@hitl/shared/models';
import { describe, expect, it } from 'vitest';
import { Transcript } from './transcript';

function message(id: string, conversationId: string, seq: number, extra: Partial<Message> = {}): Message {
  return {
    id,
    conversationId,
    seq,
    clientId: null,
    role: 'bot',
    visibility: 'public',
    text: id,
    author: null,
    bot: null,
    notice: null,
    correctionId: null,
    draft: null,
    createdAt: '2025-01-01T00:00:00.000Z',
    ...extra,
  };
}

describe('Transcript', () => {
  it('drops duplicates by id and keeps seq order', () => {
    const transcript = new Transcript();
    expect(transcript.add(message('m2', 'c1', 2))).toBe(true);
    expect(transcript.add(message('m1', 'c1', 1))).toBe(true);
    expect(transcript.add(message('m2', 'c1', 2))).toBe(false);
    expect(transcript.list().map((m) => m.id)).toEqual(['m1', 'm2']);
    expect(transcript.lastSeq('c1')).toBe(2);
  });

  it('keeps an older conversation before a newer one although seq restarts', () => {
    const transcript = new Transcript();
    transcript.add(message('a1', 'old', 1));
    transcript.add(message('a2', 'old', 2));
    transcript.add(message('b1', 'new', 1));
    expect(transcript.list().map((m) => m.id)).toEqual(['a1', 'a2', 'b1']);
    expect(transcript.lastSeq('new')).toBe(1);
    expect(transcript.lastSeq(null)).toBe(0);
  });

  it('ignores internal messages and finds customer messages by clientId', () => {
    const transcript = new Transcript();
    expect(transcript.add(message('d1', 'c1', 1, { visibility: 'internal' }))).toBe(false);
    transcript.add(message('u1', 'c1', 2, { role: 'customer', clientId: 'client-0001' }));
    expect(transcript.hasClientId('client-0001')).toBe(true);
    expect(transcript.hasClientId('client-0002')).toBe(false);
  });
});
