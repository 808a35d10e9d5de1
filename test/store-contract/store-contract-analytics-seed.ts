import type { TimelineEvent } from '@hitl/shared/conversation-timeline';
import type { AnalyticsFilter } from '../../apps/server/src/store/analytics-figures';
import type { Store } from '../../apps/server/src/store/store';
import {
  agentAuthor,
  at,
  botMeta,
  botReplyFixture,
  conversationFixture,
  correctionFixture,
  heldReplyFixture,
  messageFixture,
  reviewerAuthor,
  uniqueId,
} from './store-fixtures';

const DAY = 86_400;
/** 2025-01-15 and 2025-01-16 (the fixtures' base time is 2025-01-15 09:00 UTC). */
export const analyticsRange: AnalyticsFilter = {
  from: '2025-01-15T00:00:00.000Z',
  to: '2025-01-17T00:00:00.000Z',
  days: ['2025-01-15', '2025-01-16'],
  questionLimit: 10,
};

/**
 * Three conversations in the range and one before it, with escalations, claims, a transfer, closes, drafts,
 * corrections and review-later marks at known instants; the figures below are worked out by hand.
 */
export async function seedAnalytics(store: Store): Promise<void> {
  const event = (conversationId: string, e: Omit<TimelineEvent, 'id' | 'conversationId'>) =>
    store.appendConversationEvent({ id: uniqueId('evt'), conversationId, ...e });

  // A: the bot is unsure about shipping, escalates; Ana waits 60 s to claim, replies, closes 300 s later.
  const a = await store.createConversation(conversationFixture({ createdAt: at(0) }));
  await store.appendMessage(messageFixture(a.id, { text: 'Where is my order?', createdAt: at(10) }));
  const aReply = await store.appendMessage(
    botReplyFixture(a.id, { bot: { ...botMeta, topic: 'shipping', confidence: 0.4 }, createdAt: at(20) }),
  );
  await event(a.id, {
    kind: 'escalated',
    actor: null,
    at: at(30),
    reasons: [{ signal: 'low_confidence', value: 0.4 }],
  });
  await event(a.id, { kind: 'claimed', actor: agentAuthor, at: at(90) });
  await store.appendMessage(
    messageFixture(a.id, {
      role: 'agent',
      author: agentAuthor,
      clientId: null,
      text: 'On its way.',
      createdAt: at(100),
    }),
  );
  await event(a.id, { kind: 'closed', actor: agentAuthor, at: at(390), outcome: 'resolved' });
  await store.transitionConversation(a.id, ['bot'], {
    state: 'closed',
    assignee: agentAuthor,
    updatedAt: at(390),
  });
  await store.rateConversation({
    conversationId: a.id,
    visitorId: a.visitorId,
    rating: 4,
    comment: null,
    ratedAt: at(400),
  });

  // B: the bot answers and closes; two of its drafts were reviewed (approved by Ana, rejected by Rui).
  const b = await store.createConversation(conversationFixture({ createdAt: at(100) }));
  await store.appendMessage(messageFixture(b.id, { text: 'Can I return shoes?', createdAt: at(110) }));
  const bReply = await store.appendMessage(
    botReplyFixture(b.id, { bot: { ...botMeta, topic: 'returns', confidence: 0.9 }, createdAt: at(120) }),
  );
  const approved = await store.appendMessage(heldReplyFixture(b.id, { createdAt: at(130) }));
  const rejected = await store.appendMessage(heldReplyFixture(b.id, { createdAt: at(140) }));
  const reviewed = { reasons: [], publishedMessageId: null };
  await store.reviewDraft(approved.message.id, {
    ...reviewed,
    status: 'approved',
    reviewer: agentAuthor,
    reviewedAt: at(150),
    timeSpentMs: 8_000,
  });
  await store.reviewDraft(rejected.message.id, {
    ...reviewed,
    status: 'rejected',
    reviewer: reviewerAuthor,
    reviewedAt: at(160),
  });
  await event(b.id, { kind: 'closed', actor: null, at: at(200), outcome: 'resolved' });
  await store.transitionConversation(b.id, ['bot'], { state: 'closed', updatedAt: at(200) });
  await store.rateConversation({
    conversationId: b.id,
    visitorId: b.visitorId,
    rating: 5,
    comment: 'Quick',
    ratedAt: at(210),
  });

  // C, on another site, the next day: escalated by the customer; Rui claims after 120 s, transfers to Ana after
  // 100 s, Ana closes 200 s later.
  const c = await store.createConversation(
    conversationFixture({ siteKey: 'site_other', createdAt: at(DAY) }),
  );
  await store.appendMessage(messageFixture(c.id, { text: 'I want a person now', createdAt: at(DAY + 10) }));
  await event(c.id, {
    kind: 'escalated',
    actor: null,
    at: at(DAY + 30),
    reasons: [
      { signal: 'customer_request', value: 1 },
      { signal: 'negative_sentiment', value: -0.6 },
    ],
  });
  await event(c.id, { kind: 'claimed', actor: reviewerAuthor, at: at(DAY + 150) });
  await store.appendMessage(
    messageFixture(c.id, {
      role: 'agent',
      author: reviewerAuthor,
      clientId: null,
      text: 'Hello.',
      createdAt: at(DAY + 160),
    }),
  );
  await event(c.id, {
    kind: 'transferred',
    actor: reviewerAuthor,
    at: at(DAY + 250),
    from: reviewerAuthor,
    to: agentAuthor,
  });
  await event(c.id, { kind: 'closed', actor: agentAuthor, at: at(DAY + 450), outcome: 'resolved' });
  await store.transitionConversation(c.id, ['bot'], {
    state: 'closed',
    assignee: agentAuthor,
    updatedAt: at(DAY + 450),
  });
  await store.rateConversation({
    conversationId: c.id,
    visitorId: c.visitorId,
    rating: 2,
    comment: null,
    ratedAt: at(DAY + 460),
  });

  // D, the day before the range: counted nowhere.
  const d = await store.createConversation(conversationFixture({ createdAt: at(-DAY) }));
  await store.appendMessage(messageFixture(d.id, { createdAt: at(-DAY + 10) }));
  await event(d.id, {
    kind: 'escalated',
    actor: null,
    at: at(-DAY + 20),
    reasons: [{ signal: 'low_confidence', value: 0.1 }],
  });

  // Corrections: Ana's of A's reply (approved by Rui as written), Rui's of B's (rejected by Ana), Ana's pending one.
  const k1 = await store.createCorrection(
    correctionFixture(a.id, aReply.message.id, {
      original: { text: 'x', confidence: 0.4, responder: 'offline', modelId: 'm' },
      topic: 'shipping',
      reasons: ['wrong_fact'],
      timeSpentMs: 12_000,
      createdAt: at(400),
    }),
  );
  await store.reviewCorrection(k1.id, {
    status: 'approved',
    reviewer: reviewerAuthor,
    at: at(500),
    note: null,
    edited: false,
    timeSpentMs: 30_000,
  });
  const k2 = await store.createCorrection(
    correctionFixture(b.id, bReply.message.id, {
      agent: reviewerAuthor,
      topic: 'returns',
      reasons: ['wrong_fact', 'tone'],
      timeSpentMs: null,
      createdAt: at(DAY + 500),
    }),
  );
  await store.reviewCorrection(k2.id, {
    status: 'rejected',
    reviewer: agentAuthor,
    at: at(DAY + 600),
    note: null,
    edited: false,
  });
  await store.createCorrection(
    correctionFixture(b.id, bReply.message.id, {
      topic: null,
      reasons: ['other'],
      timeSpentMs: 3_000,
      createdAt: at(DAY + 700),
    }),
  );

  // Review-later marks: two answers marked right (0.845 on shipping, 0.72 on returns), one left pending.
  const item = async (
    conversationId: string,
    messageId: string,
    confidence: number,
    topic: string,
    createdAt: string,
  ) =>
    store.createReviewItem({
      id: uniqueId('rvw'),
      conversationId,
      messageId,
      question: 'q',
      answer: 'a',
      confidence,
      topic,
      reasons: [],
      createdAt,
    });
  const r1 = await item(a.id, aReply.message.id, 0.845, 'shipping', at(25));
  await store.markReviewItem(r1.id, {
    status: 'right',
    reviewer: agentAuthor,
    at: at(600),
    correctionId: null,
  });
  const r2 = await item(b.id, bReply.message.id, 0.72, 'returns', at(125));
  await store.markReviewItem(r2.id, {
    status: 'right',
    reviewer: agentAuthor,
    at: at(DAY + 800),
    correctionId: null,
  });
  await item(
    c.id,
    (await store.appendMessage(botReplyFixture(c.id, { createdAt: at(DAY + 20) }))).message.id,
    0.7,
    'returns',
    at(DAY + 20),
  );
}
