import type { Message } from '@hitl/shared/models';
import type { PublicConversation } from '@hitl/shared/widget-events';
import { describe, expect, it } from 'vitest';
import { contactAnchor, isValidEmail } from './contact-prompt';

const conversation = (extra: Partial<PublicConversation> = {}): PublicConversation => ({
  id: 'c1',
  state: 'queued',
  agent: null,
  lastSeq: 2,
  contactLeft: false,
  rated: false,
  ...extra,
});

const notice = (id: string, kind: Message['notice'], conversationId = 'c1'): Message => ({
  id,
  conversationId,
  seq: 1,
  clientId: null,
  role: 'system',
  visibility: 'public',
  text: id,
  author: null,
  bot: null,
  notice: kind,
  correctionId: null,
  draft: null,
  createdAt: '2025-01-01T00:00:00.000Z',
});

describe('contactAnchor', () => {
  const messages = [notice('n1', 'escalated'), notice('n2', 'no_agent_online')];

  it('offers the form under the last "no agent online" notice', () => {
    expect(contactAnchor({ conversation: conversation(), messages })).toBe('n2');
    const twice = [...messages, notice('n3', 'no_agent_online')];
    expect(contactAnchor({ conversation: conversation(), messages: twice })).toBe('n3');
  });

  it('offers nothing once an e-mail was left, a person joined, or the conversation closed', () => {
    expect(contactAnchor({ conversation: conversation({ contactLeft: true }), messages })).toBeNull();
    expect(contactAnchor({ conversation: conversation({ state: 'agent' }), messages })).toBeNull();
    expect(contactAnchor({ conversation: conversation({ state: 'closed' }), messages })).toBeNull();
    expect(contactAnchor({ conversation: null, messages })).toBeNull();
  });

  it('ignores notices of other conversations', () => {
    const other = [notice('x1', 'no_agent_online', 'c0')];
    expect(contactAnchor({ conversation: conversation(), messages: other })).toBeNull();
  });
});

describe('isValidEmail', () => {
  it.each([
    ['dana@example.com', true],
    ['d.a+na@shop.co.uk', true],
    ['dana@example', false],
    ['dana example.com', false],
    ['@example.com', false],
    ['', false],
  ])('%s → %s', (value, valid) => {
    expect(isValidEmail(value)).toBe(valid);
  });
});
