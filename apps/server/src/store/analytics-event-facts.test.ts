import type { TimelineEvent } from '@hitl/shared/conversation-timeline';
import { describe, expect, it } from 'vitest';
import { deriveEventFacts, type EventContext } from './analytics-event-facts';

const ana = { id: 'agent_ana', name: 'Ana' };
const rui = { id: 'agent_rui', name: 'Rui' };
const conversation = {
  siteKey: 'demo',
  createdAt: '2025-01-15T09:00:00.000Z',
  lastCustomerText: 'Where is it?',
};
const event = (overrides: Partial<TimelineEvent>): TimelineEvent => ({
  id: 'evt_1',
  conversationId: 'cnv_1',
  kind: 'claimed',
  actor: ana,
  at: '2025-01-15T09:10:00.000Z',
  ...overrides,
});
const context = (previous: EventContext['previous'], latestBotTopic: string | null = null): EventContext => ({
  conversation,
  previous,
  latestBotTopic,
});

describe('deriveEventFacts', () => {
  it('an escalation keeps its signals once, the bot’s last topic and the customer’s words', () => {
    const facts = deriveEventFacts(
      event({
        kind: 'escalated',
        actor: null,
        reasons: [
          { signal: 'low_confidence', value: 0.3 },
          { signal: 'low_confidence', value: 0.2 },
          { signal: 'customer_request', value: 1 },
        ],
      }),
      context(null, 'shipping'),
    );
    expect(facts).toMatchObject({
      kind: 'escalated',
      siteKey: 'demo',
      conversationCreatedAt: conversation.createdAt,
      topic: 'shipping',
      question: 'Where is it?',
      signals: ['low_confidence', 'customer_request'],
      waitMs: null,
      handleMs: null,
    });
  });

  it('a claim after an escalation or a return to the queue waited; a take-over from the bot did not', () => {
    const escalated = { kind: 'escalated' as const, at: '2025-01-15T09:08:00.000Z', newOwnerId: null };
    expect(deriveEventFacts(event({}), context(escalated))).toMatchObject({
      newOwnerId: ana.id,
      waitMs: 120_000,
    });
    const unassigned = { kind: 'unassigned' as const, at: '2025-01-15T09:09:00.000Z', newOwnerId: null };
    expect(deriveEventFacts(event({}), context(unassigned)).waitMs).toBe(60_000);
    const handedBack = { kind: 'handed_back' as const, at: '2025-01-15T09:09:00.000Z', newOwnerId: null };
    expect(deriveEventFacts(event({}), context(handedBack)).waitMs).toBeNull();
    expect(deriveEventFacts(event({}), context(null)).waitMs).toBeNull();
  });

  it('an owner’s time ends at a transfer, a hand-back, a return to the queue or a close', () => {
    const claimed = { kind: 'claimed' as const, at: '2025-01-15T09:05:00.000Z', newOwnerId: ana.id };
    const transfer = deriveEventFacts(event({ kind: 'transferred', from: ana, to: rui }), context(claimed));
    expect(transfer).toMatchObject({ newOwnerId: rui.id, endedOwnerId: ana.id, handleMs: 300_000 });
    for (const kind of ['closed', 'handed_back', 'unassigned'] as const) {
      expect(deriveEventFacts(event({ kind }), context(claimed))).toMatchObject({
        endedOwnerId: ana.id,
        handleMs: 300_000,
        newOwnerId: null,
      });
    }
    const closedByBot = { kind: 'handed_back' as const, at: '2025-01-15T09:05:00.000Z', newOwnerId: null };
    expect(deriveEventFacts(event({ kind: 'closed' }), context(closedByBot)).handleMs).toBeNull();
  });
});
