import type { Conversation } from '@hitl/shared/models';
import { describe, expect, it } from 'vitest';
import {
  type AttentionItem,
  addUnseen,
  attentionFor,
  consoleTitle,
  dropSeen,
  isSeen,
  type ViewState,
} from './attention';

const base: Conversation = {
  id: 'conv_1',
  siteKey: 'demo',
  visitorId: 'vis_1',
  state: 'agent',
  assignee: { id: 'agt_me', name: 'Me' },
  reasons: [],
  escalatedAt: '2026-01-01T00:00:00.000Z',
  botContextFromSeq: 0,
  lastSeq: 5,
  lastMessage: 'hello',
  lastCustomerText: 'hello',
  lastSentiment: null,
  lastConfidence: null,
  contactEmail: null,
  outcome: null,
  tags: [],
  satisfaction: null,
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-01T00:00:00.000Z',
};
const next = (extra: Partial<Conversation>) => ({ ...base, ...extra });

describe('attentionFor', () => {
  it.each<[string, 'escalated' | 'updated', Conversation, Conversation | null, AttentionItem['kind'] | null]>(
    [
      [
        'an escalation, whoever owns it',
        'escalated',
        next({ state: 'queued', assignee: null }),
        null,
        'escalation',
      ],
      [
        'a customer message in my conversation',
        'updated',
        next({ lastSeq: 6, lastMessage: 'where?', lastCustomerText: 'where?' }),
        base,
        'customer_message',
      ],
      ['the same text twice still counts', 'updated', next({ lastSeq: 6 }), base, 'customer_message'],
      ['my own reply', 'updated', next({ lastSeq: 6, lastMessage: 'On its way' }), base, null],
      [
        'a message in another agent’s conversation',
        'updated',
        next({ lastSeq: 6, assignee: { id: 'agt_x', name: 'X' } }),
        base,
        null,
      ],
      [
        'a message while the bot has it',
        'updated',
        next({ lastSeq: 6, state: 'bot', assignee: null }),
        base,
        null,
      ],
      ['a repeated broadcast (same seq)', 'updated', base, base, null],
      ['a conversation not known before', 'updated', next({ lastSeq: 6 }), null, null],
    ],
  )('%s', (_name, change, conversation, previous, kind) => {
    expect(attentionFor(change, conversation, previous, 'agt_me')?.kind ?? null).toBe(kind);
  });
});

const item = (kind: AttentionItem['kind'], conversationId = 'conv_1', key = `${kind}:${conversationId}`) => ({
  key,
  kind,
  conversationId,
  text: null,
});
const view = (extra: Partial<ViewState>): ViewState => ({
  visible: true,
  page: 'inbox',
  conversationId: null,
  ...extra,
});

describe('what is seen', () => {
  it.each<[string, AttentionItem, ViewState, boolean]>([
    ['an escalation on the inbox', item('escalation'), view({}), true],
    ['an escalation on another page', item('escalation'), view({ page: 'corrections' }), false],
    ['anything while the tab is hidden', item('escalation'), view({ visible: false }), false],
    [
      'a message in the open conversation',
      item('customer_message'),
      view({ conversationId: 'conv_1' }),
      true,
    ],
    [
      'a message in another conversation',
      item('customer_message'),
      view({ conversationId: 'conv_2' }),
      false,
    ],
  ])('%s', (_name, it_, v, seen) => {
    expect(isSeen(it_, v)).toBe(seen);
  });

  it('counts each event once and clears what becomes seen', () => {
    const hidden = view({ visible: false });
    let unseen = addUnseen([], item('escalation', 'conv_2'), hidden);
    unseen = addUnseen(unseen, item('escalation', 'conv_2'), hidden);
    unseen = addUnseen(unseen, item('customer_message', 'conv_1'), hidden);
    expect(unseen).toHaveLength(2);
    expect(
      addUnseen(unseen, item('customer_message', 'conv_3', 'k'), view({ conversationId: 'conv_3' })),
    ).toBe(unseen);
    const onInbox = dropSeen(unseen, view({}));
    expect(onInbox.map((i) => i.kind)).toEqual(['customer_message']);
    expect(dropSeen(onInbox, view({ conversationId: 'conv_1' }))).toEqual([]);
    expect(dropSeen(onInbox, view({ page: 'settings' }))).toBe(onInbox);
  });
});

describe('consoleTitle', () => {
  it.each([
    [0, 0, 'Agent console'],
    [0, 3, '3 queued — Agent console'],
    [2, 0, '(2 new) — Agent console'],
    [2, 3, '(2 new) · 3 queued — Agent console'],
  ])('%i unseen, %i queued → %s', (unseen, queued, title) => {
    expect(consoleTitle(unseen, queued)).toBe(title);
  });
});
