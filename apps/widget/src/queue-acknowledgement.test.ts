import type { Message, SystemNoticeKind } from '@hitl/shared/models';
import type { PublicConversation } from '@hitl/shared/widget-events';
import { describe, expect, it } from 'vitest';
import { acknowledgementAnchor, acknowledgementText } from './queue-acknowledgement';

const conversation = (state: PublicConversation['state']) =>
  ({ id: 'c1', state, agent: null, lastSeq: 9, contactLeft: false }) as PublicConversation;

let seq = 0;
function message(id: string, role: Message['role'], notice: SystemNoticeKind | null = null): Message {
  seq += 1;
  return {
    id,
    conversationId: 'c1',
    seq,
    clientId: null,
    role,
    visibility: 'public',
    text: id,
    author: null,
    bot: null,
    notice,
    correctionId: null,
    draft: null,
    createdAt: '2026-01-01T00:00:00.000Z',
  };
}

const asked = message('ask', 'customer');
const escalated = message('escalated', 'system', 'escalated');
const first = message('first', 'customer');
const second = message('second', 'customer');
const joined = message('joined', 'system', 'agent_joined');
const left = message('left', 'system', 'agent_left');
const third = message('third', 'customer');

describe('acknowledgementAnchor', () => {
  it.each([
    ['nothing written since the escalation', 'queued', [asked, escalated], null],
    [
      'under the first message written while waiting, once',
      'queued',
      [asked, escalated, first, second],
      'first',
    ],
    ['not once a person has it', 'agent', [asked, escalated, first, joined], null],
    [
      'again in a new waiting stretch, after an agent left',
      'queued',
      [asked, escalated, first, joined, left, third],
      'third',
    ],
    ['not while the bot has it', 'bot', [asked, first], null],
    [
      'after "nobody online" too',
      'queued',
      [asked, message('none', 'system', 'no_agent_online'), second],
      'second',
    ],
  ] as const)('%s', (_name, state, messages, anchor) => {
    expect(acknowledgementAnchor({ conversation: conversation(state), messages })).toBe(anchor);
  });
});

describe('acknowledgementText', () => {
  it('names the place in the queue when it is known', () => {
    expect(acknowledgementText({ queue: { conversationId: 'c1', position: 2, expectedWaitMs: null } })).toBe(
      'Thanks — a person will reply here. You are number 2 in the queue.',
    );
    expect(acknowledgementText({ queue: null })).toBe('Thanks — a person will reply here.');
  });
});
