import { describe, expect, it } from 'vitest';
import type { CurrentStore } from './store-contract';
import { analyticsRange as range, seedAnalytics as seed } from './store-contract-analytics-seed';
import { agentAuthor, reviewerAuthor } from './store-fixtures';

export function describeAnalyticsContract(current: CurrentStore): void {
  describe('analytics', () => {
    it('computes every figure of the page over a range, exactly', async () => {
      const store = current();
      await seed(store);
      const figures = await store.analyticsFigures(range);
      expect(figures.volume).toEqual([
        { day: '2025-01-15', conversations: 2, customerMessages: 2 },
        { day: '2025-01-16', conversations: 1, customerMessages: 1 },
      ]);
      expect(figures.automation).toEqual({ conversations: 3, automated: 1, escalated: 2 });
      expect(figures.escalationsByDay).toEqual([
        { day: '2025-01-15', escalations: 1 },
        { day: '2025-01-16', escalations: 1 },
      ]);
      expect(figures.escalationsByReason).toEqual([
        { reason: 'customer_request', count: 1 },
        { reason: 'low_confidence', count: 1 },
        { reason: 'negative_sentiment', count: 1 },
      ]);
      expect(figures.escalationsByTopic).toEqual([
        { topic: 'shipping', count: 1 },
        { topic: 'unknown', count: 1 },
      ]);
      expect(figures.escalationsByDayAndTopic).toEqual([
        { day: '2025-01-15', topic: 'shipping', count: 1 },
        { day: '2025-01-16', topic: 'unknown', count: 1 },
      ]);
      expect(figures.escalatedQuestions).toEqual(['I want a person now', 'Where is my order?']);
      expect(figures.takeover).toEqual({ count: 2, p50Ms: 60_000, p90Ms: 120_000, totalMs: 180_000 });
      // A and B answered by the bot after 20 s; C first by Rui after 160 s (the bot's later reply changes nothing).
      expect(figures.firstReply).toEqual({ count: 3, p50Ms: 20_000, p90Ms: 160_000, totalMs: 200_000 });
      expect(figures.handle).toEqual({ count: 3, p50Ms: 200_000, p90Ms: 300_000, totalMs: 600_000 });
      // Ana approved one draft in 8 s; Rui reviewed k1 in 30 s, Ana k2 unmeasured.
      expect(figures.expertTime).toEqual({
        correctionMs: 15_000,
        corrections: 3,
        measured: 2,
        draftMs: 8_000,
        draftsApproved: 1,
        draftsMeasured: 1,
        reviewMs: 30_000,
        reviews: 2,
        reviewsMeasured: 1,
      });
      expect(figures.drafts).toEqual({ approved: 1, edited: 0, rejected: 1 });
      expect(figures.correctionsByTopic).toEqual([
        { topic: 'returns', count: 1 },
        { topic: 'shipping', count: 1 },
        { topic: 'unknown', count: 1 },
      ]);
      expect(figures.correctionsByReason).toEqual([
        { reason: 'wrong_fact', count: 2 },
        { reason: 'other', count: 1 },
        { reason: 'tone', count: 1 },
      ]);
      expect(figures.agreement).toEqual({ agreed: 1, edited: 0, disagreed: 1 });
      expect(figures.satisfaction).toEqual({ bot: { ratings: 1, sum: 5 }, agent: { ratings: 2, sum: 6 } });
      expect(figures.learningByDay).toEqual([
        { day: '2025-01-15', reviewed: 2, right: 1, approvedCorrections: 1 },
        { day: '2025-01-16', reviewed: 1, right: 1, approvedCorrections: 0 },
      ]);
      expect(figures.learningByTopic).toEqual([
        { topic: 'shipping', reviewed: 2, right: 1 },
        { topic: 'returns', reviewed: 1, right: 1 },
      ]);
      expect(figures.confidenceHistogram).toEqual([
        { hundredth: 40, answers: 1, right: 0 },
        { hundredth: 72, answers: 1, right: 1 },
        { hundredth: 84, answers: 1, right: 1 },
      ]);
      expect(figures.agents).toEqual([
        {
          agentId: agentAuthor.id,
          conversations: 2,
          handleMs: 500_000,
          correctionsWritten: 2,
          correctionMs: 15_000,
          correctionsReviewed: 1,
          reviewMs: 0,
          draftsReviewed: 1,
          draftMs: 8_000,
          ratings: 2,
          ratingSum: 6,
        },
        {
          agentId: reviewerAuthor.id,
          conversations: 1,
          handleMs: 100_000,
          correctionsWritten: 1,
          correctionMs: 0,
          correctionsReviewed: 1,
          reviewMs: 30_000,
          draftsReviewed: 1,
          draftMs: 0,
          ratings: 0,
          ratingSum: 0,
        },
      ]);
    });

    it('narrows to one site and to one topic', async () => {
      const store = current();
      await seed(store);
      const other = await store.analyticsFigures({ ...range, siteKey: 'site_other' });
      expect(other.volume.map((v) => v.conversations)).toEqual([0, 1]);
      expect(other.automation).toEqual({ conversations: 1, automated: 0, escalated: 1 });
      expect(other.takeover).toEqual({ count: 1, p50Ms: 120_000, p90Ms: 120_000, totalMs: 120_000 });
      expect(other.firstReply).toEqual({ count: 1, p50Ms: 160_000, p90Ms: 160_000, totalMs: 160_000 });
      expect(other.drafts).toEqual({ approved: 0, edited: 0, rejected: 0 });
      expect(other.satisfaction).toEqual({ bot: { ratings: 0, sum: 0 }, agent: { ratings: 1, sum: 2 } });
      expect(
        other.agents.map((a) => [a.agentId, a.conversations, a.handleMs, a.ratings, a.ratingSum]),
      ).toEqual([
        [agentAuthor.id, 1, 200_000, 1, 2],
        [reviewerAuthor.id, 1, 100_000, 0, 0],
      ]);

      const shipping = await store.analyticsFigures({ ...range, topic: 'shipping' });
      expect(shipping.escalationsByTopic).toEqual([{ topic: 'shipping', count: 1 }]);
      expect(shipping.escalationsByDayAndTopic).toEqual([{ day: '2025-01-15', topic: 'shipping', count: 1 }]);
      expect(shipping.correctionsByTopic).toEqual([{ topic: 'shipping', count: 1 }]);
      expect(shipping.learningByTopic).toEqual([{ topic: 'shipping', reviewed: 2, right: 1 }]);
      expect(shipping.drafts).toEqual({ approved: 0, edited: 0, rejected: 0 });
    });

    it('answers zeros for an empty range, one entry per day', async () => {
      const store = current();
      const figures = await store.analyticsFigures(range);
      expect(figures.volume).toEqual(
        range.days.map((day) => ({ day, conversations: 0, customerMessages: 0 })),
      );
      expect(figures.automation).toEqual({ conversations: 0, automated: 0, escalated: 0 });
      expect(figures.takeover).toEqual({ count: 0, p50Ms: null, p90Ms: null, totalMs: 0 });
      expect(figures.firstReply).toEqual({ count: 0, p50Ms: null, p90Ms: null, totalMs: 0 });
      expect(figures.satisfaction).toEqual({ bot: { ratings: 0, sum: 0 }, agent: { ratings: 0, sum: 0 } });
      expect(figures.confidenceHistogram).toEqual([]);
      expect(figures.agents).toEqual([]);
    });
  });
}
