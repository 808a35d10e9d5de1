import type { Message } from '@hitl/shared/models';
import type { PublicConversation } from '@hitl/shared/widget-events';
import { describe, expect, it } from 'vitest';
import { ratingAnchor } from './rating-form';

const conversation = (state: PublicConversation['state'], rated = false): PublicConversation => ({
  id: 'c1',
  state,
  agent: null,
  lastSeq: 4,
  contactLeft: false,
  rated,
});

const message = (id: string, notice: Message['notice'], conversationId = 'c1'): Message => ({
  id,
  conversationId,
  seq: 1,
  clientId: null,
  role: 'system',
  visibility: 'public',
  text: id,
  author: null,
  bot: null,
  notice,
  correctionId: null,
  draft: null,
  createdAt: '2026-01-01T00:00:00.000Z',
});

describe('ratingAnchor', () => {
  const closed = message('closed', 'closed');
  it.each([
    ['under the closed notice of a closed conversation', conversation('closed'), [closed], 'closed'],
    ['not while it is open', conversation('agent'), [message('joined', 'agent_joined')], null],
    ['not without the notice', conversation('closed'), [message('other', 'closed', 'c2')], null],
  ] as const)('%s', (_name, current, messages, anchor) => {
    expect(ratingAnchor({ conversation: current, messages })).toBe(anchor);
  });
});
