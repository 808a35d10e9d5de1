import type { Message } from '@hitl/shared/models';
import { describe, expect, it } from 'vitest';
import { mayMarkAsAnswer, nextReplyAnswersEscalation } from './answer-marking';

let seq = 0;
function message(role: Message['role'], extra: Partial<Message> = {}): Message {
  seq++;
  return {
    id: `msg_${seq}`,
    conversationId: 'conv_1',
    seq,
    clientId: null,
    role,
    visibility: 'public',
    text: `${role} ${seq}`,
    author: role === 'agent' ? { id: 'agt_me', name: 'Me' } : null,
    bot: null,
    notice: null,
    correctionId: null,
    draft: null,
    createdAt: '2026-01-01T00:00:00.000Z',
    ...extra,
  };
}
const question = () => message('customer');
const escalated = () => message('system', { notice: 'escalated' });
const joined = () => message('system', { notice: 'agent_joined' });
const withheld = () => message('bot', { visibility: 'internal' });

describe('nextReplyAnswersEscalation', () => {
  it.each<[string, Message[], boolean]>([
    ['no escalation', [question(), message('bot')], false],
    ['the first reply after the escalated question', [question(), withheld(), escalated(), joined()], true],
    ['left for no agent online', [question(), message('system', { notice: 'no_agent_online' })], true],
    ['after the agent already replied (a greeting)', [question(), escalated(), message('agent')], false],
    [
      'an internal note does not count as the reply',
      [question(), escalated(), message('agent', { visibility: 'internal' })],
      true,
    ],
    [
      'a new escalation after a hand-back starts over',
      [question(), escalated(), message('agent'), question(), escalated()],
      true,
    ],
    ['an escalation with no question before it', [escalated()], false],
  ])('%s', (_name, messages, expected) => {
    expect(nextReplyAnswersEscalation(messages)).toBe(expected);
  });
});

describe('mayMarkAsAnswer', () => {
  it.each<[string, Message, boolean]>([
    ['my reply', message('agent'), true],
    ['another agent’s reply', message('agent', { author: { id: 'agt_other', name: 'O' } }), false],
    ['my internal note', message('agent', { visibility: 'internal' }), false],
    ['a bot reply', message('bot'), false],
  ])('%s', (_name, m, expected) => {
    expect(mayMarkAsAnswer(m, 'agt_me')).toBe(expected);
  });
});
