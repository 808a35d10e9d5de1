import type { Author, ReviewStatus } from '@hitl/shared/models';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  agentAuthor,
  at,
  botReplyFixture,
  conversationFixture,
  correctionFixture,
  filterFixture,
  reviewerAuthor,
} from '../../../../test/store-contract/store-fixtures';
import { createSqliteStore } from '../store/sqlite-store';
import type { NewCorrection, Store } from '../store/store';
import { correctionStats } from './correction-stats';

const bea: Author = { id: 'agent_bea', name: 'Bea' };

let store: Store;
let seed: (
  overrides: Partial<NewCorrection>,
  review?: { status: Exclude<ReviewStatus, 'pending'>; edited?: boolean },
) => Promise<void>;

beforeEach(async () => {
  store = await createSqliteStore({ file: ':memory:' });
  const conversation = await store.createConversation(conversationFixture());
  const { message } = await store.appendMessage(botReplyFixture(conversation.id));
  seed = async (overrides, review) => {
    const created = await store.createCorrection(correctionFixture(conversation.id, message.id, overrides));
    if (!review) return;
    await store.reviewCorrection(created.id, {
      status: review.status,
      reviewer: reviewerAuthor,
      at: at(99),
      note: null,
      edited: review.edited ?? false,
      ...(review.edited ? { correctedText: 'Reviewed text.', editDistance: 3 } : {}),
    });
  };
});

afterEach(() => store.close());

describe('correction stats', () => {
  it('has zero counts and no rate when nothing matches', async () => {
    const stats = await correctionStats(store, filterFixture());
    expect(stats).toMatchObject({
      total: 0,
      byStatus: { pending: 0, approved: 0, rejected: 0 },
      agreement: { agreed: 0, edited: 0, disagreed: 0, rate: null },
      byTopic: {},
      byAgent: [],
    });
    expect(Object.values(stats.byReason).every((count) => count === 0)).toBe(true);
  });

  it('counts agreement, reasons, topics and authors over the filtered corrections', async () => {
    await seed({ reasons: ['wrong_fact'], topic: 'shipping' }, { status: 'approved' });
    await seed({ reasons: ['wrong_fact', 'tone'], topic: 'shipping' }, { status: 'approved', edited: true });
    await seed({ reasons: ['tone'], topic: null, agent: bea }, { status: 'rejected' });
    await seed({ reasons: ['incomplete'], topic: 'returns', agent: bea }, { status: 'approved' });
    await seed({ reasons: ['policy'], topic: 'returns', createdAt: at(500) });

    const stats = await correctionStats(store, filterFixture());
    expect(stats).toEqual({
      total: 5,
      byStatus: { pending: 1, approved: 3, rejected: 1 },
      agreement: { agreed: 2, edited: 1, disagreed: 1, rate: 0.5 },
      byReason: { wrong_fact: 2, incomplete: 1, tone: 2, policy: 1, should_escalate: 0, other: 0 },
      byTopic: { shipping: 2, returns: 2, unknown: 1 },
      byAgent: [
        { agent: agentAuthor, total: 3, agreed: 1, edited: 1, disagreed: 0 },
        { agent: bea, total: 2, agreed: 1, edited: 0, disagreed: 1 },
      ],
    });

    const narrowed = await correctionStats(store, filterFixture({ agentId: bea.id }));
    expect(narrowed).toMatchObject({ total: 2, agreement: { agreed: 1, disagreed: 1, rate: 0.5 } });
    const byTopic = await correctionStats(store, filterFixture({ topic: 'shipping' }));
    expect(byTopic).toMatchObject({ total: 2, agreement: { agreed: 1, edited: 1, rate: 0.5 } });
    const recent = await correctionStats(store, filterFixture({ since: at(400) }));
    expect(recent).toMatchObject({ total: 1, byStatus: { pending: 1 }, agreement: { rate: null } });
  });

  it('rounds the agreement rate to two decimals', async () => {
    await seed({}, { status: 'approved' });
    await seed({}, { status: 'rejected' });
    await seed({}, { status: 'rejected' });
    const stats = await correctionStats(store, filterFixture());
    expect(stats.agreement.rate).toBe(0.33);
  });
});
