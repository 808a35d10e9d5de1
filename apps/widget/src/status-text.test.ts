import type { PublicConversation } from '@hitl/shared/widget-events';
import { describe, expect, it } from 'vitest';
import { statusText } from './status-text';

const conversation = (state: PublicConversation['state'], agent: PublicConversation['agent'] = null) => ({
  id: 'c1',
  state,
  agent,
  lastSeq: 3,
});

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
});
