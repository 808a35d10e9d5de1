import type { Message } from '@hitl/shared/models';
import type { PublicConversation } from '@hitl/shared/widget-events';
import { describe, expect, it } from 'vitest';
import { awaitingReview, statusText } from './status-text';

const conversation = (
  state: PublicConversation['state'],
  agent: PublicConversation['agent'] = null,
): PublicConversation => ({ id: 'c1', state, agent, lastSeq: 3, contactLeft: false, rated: false });

function message(id: string, role: Message['role'], extra: Partial<Message> = {}): Message {
  return {
    id,
    conversationId: 'c1',
    seq: 1,
    clientId: null,
    role,
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

const reviewing = message('n1', 'system', { notice: 'reviewing' });

describe('statusText', () => {
  it.each([
    [null, 'Assistant · usually replies instantly'],
    [conversation('bot'), 'Assistant · usually replies instantly'],
    [conversation('queued'), 'Waiting for a person…'],
    [conversation('agent', { id: 'a1', name: 'Dana' }), 'Chatting with Dana'],
    [conversation('closed'), 'Conversation closed — write to start a new one'],
  ])('%j → %s', (value, text) => {
    expect(statusText(value)).toBe(text);
  });

  it('says a person is reviewing while a held reply waits, unless the conversation is closed', () => {
    expect(statusText(conversation('bot'), true)).toBe('A person is reviewing the answer…');
    expect(statusText(conversation('closed'), true)).toBe('Conversation closed — write to start a new one');
  });
});

describe('awaitingReview', () => {
  it('is true while the last notice is "reviewing" and no answer came after it', () => {
    expect(awaitingReview([message('u1', 'customer'), reviewing], 'c1')).toBe(true);
    expect(awaitingReview([reviewing, message('u2', 'customer')], 'c1')).toBe(true);
  });

  it('ends with a bot or agent answer, or a later notice', () => {
    expect(awaitingReview([reviewing, message('b1', 'bot')], 'c1')).toBe(false);
    expect(awaitingReview([reviewing, message('a1', 'agent')], 'c1')).toBe(false);
    expect(awaitingReview([reviewing, message('n2', 'system', { notice: 'escalated' })], 'c1')).toBe(false);
  });

  it('only looks at the current conversation', () => {
    expect(awaitingReview([reviewing], 'c2')).toBe(false);
    expect(awaitingReview([reviewing, message('b1', 'bot', { conversationId: 'c2' })], 'c1')).toBe(true);
    expect(awaitingReview([], null)).toBe(false);
  });
});
