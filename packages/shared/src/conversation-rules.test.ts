import { describe, expect, it } from 'vitest';
import { botMaySpeak, type ConversationEvent, nextState } from './conversation-rules';
import type { ConversationState } from './models';

describe('conversation state machine', () => {
  const table: [ConversationState, ConversationEvent, ConversationState | null][] = [
    ['bot', 'escalate', 'queued'],
    ['bot', 'claim', 'agent'],
    ['bot', 'hand_back', null],
    ['bot', 'close', 'closed'],
    ['queued', 'escalate', null],
    ['queued', 'claim', 'agent'],
    ['queued', 'hand_back', null],
    ['queued', 'close', 'closed'],
    ['agent', 'escalate', null],
    ['agent', 'claim', null],
    ['agent', 'hand_back', 'bot'],
    ['agent', 'transfer', 'agent'],
    ['agent', 'unassign', 'queued'],
    ['agent', 'close', 'closed'],
    ['closed', 'escalate', null],
    ['closed', 'claim', null],
    ['closed', 'hand_back', null],
    ['closed', 'close', null],
    ['closed', 'transfer', null],
    ['bot', 'transfer', null],
    ['queued', 'transfer', null],
    ['queued', 'unassign', null],
  ];
  it.each(table)('%s --%s--> %s', (from, event, to) => {
    const result = nextState(from, event);
    if (to === null) expect(result).toEqual({ ok: false, from });
    else expect(result).toEqual({ ok: true, state: to });
  });

  it('lets the bot speak only in state bot', () => {
    expect(['bot', 'queued', 'agent', 'closed'].map((s) => botMaySpeak(s as ConversationState))).toEqual([
      true,
      false,
      false,
      false,
    ]);
  });
});
