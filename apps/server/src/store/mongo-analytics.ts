import type { DurationFigure } from '@hitl/shared/analytics';
import type { EscalationSignal } from '@hitl/shared/models';
import type { Connection, mongo } from 'mongoose';
import { type AnalyticsFigures, byCountThenKey, percentileOffset } from './analytics-figures';
import { mongoQualityFigures } from './mongo-analytics-quality';
import {
  countPerDay,
  groupCount,
  type MongoAnalyticsQuery,
  mergeTopics,
  mongoAnalyticsQuery,
  nextDay,
  sumOf,
} from './mongo-analytics-query';
import type { Store } from './store';

type Collection = mongo.Collection<mongo.Document>;

/** The analytics page's figures from aggregation pipelines and indexed counts (see `mongo-analytics-query.ts`). */
export function createMongoAnalytics(connection: Connection): Pick<Store, 'analyticsFigures'> {
  const collection = (name: string) => connection.collection(name) as unknown as Collection;
  return {
    async analyticsFigures(filter) {
      const conversations = collection('conversations');
      const query = await mongoAnalyticsQuery(filter, conversations);
      const [figures, quality] = await Promise.all([
        conversationFigures(query, {
          conversations,
          messages: collection('messages'),
          events: collection('conversation_events'),
        }),
        mongoQualityFigures(query, {
          messages: collection('messages'),
          corrections: collection('corrections'),
          reviewItems: collection('review_items'),
          events: collection('conversation_events'),
          conversations,
        }),
      ]);
      return { ...quality, ...figures };
    },
  };
}

async function conversationFigures(
  query: MongoAnalyticsQuery,
  db: { conversations: Collection; messages: Collection; events: Collection },
): Promise<Omit<AnalyticsFigures, keyof Awaited<ReturnType<typeof mongoQualityFigures>>>> {
  const { filter } = query;
  const site = filter.siteKey === undefined ? {} : { siteKey: filter.siteKey };
  // Timeline events carry their conversation's site as `site` (`siteKey` is the queue's, on takeovers alone).
  const eventSite = filter.siteKey === undefined ? {} : { site: filter.siteKey };
  const started = { ...query.range('createdAt'), ...site };
  const escalated = { kind: 'escalated', ...query.range('at'), ...eventSite, ...query.inTopic('topic') };

  const [conversationsPerDay, messagesPerDay, escalationsPerDay] = await Promise.all([
    countPerDay(db.conversations, 'createdAt', site, filter.days),
    countPerDay(db.messages, 'createdAt', { role: 'customer', ...site }, filter.days),
    countPerDay(db.events, 'at', { kind: 'escalated', ...eventSite, ...query.inTopic('topic') }, filter.days),
  ]);
  // Conversations with an agent message, of those that could have one since the range began.
  const withAgent = (
    await groupCount(db.messages, { role: 'agent', createdAt: { $gte: filter.from } }, 'conversationId')
  ).map((row) => row.key);
  const rated = { ...started, 'satisfaction.rating': { $ne: null } };
  const ratedByAgent = { ...rated, _id: { $in: withAgent } } as mongo.Filter<mongo.Document>;
  const [
    total,
    unattended,
    attended,
    escalatedConversations,
    reasons,
    topics,
    questions,
    takeover,
    handle,
    firstReply,
    allRatings,
    agentRatings,
    topicsPerDay,
  ] = await Promise.all([
    db.conversations.countDocuments(started),
    db.conversations.countDocuments({ ...started, state: { $in: ['closed', 'bot'] } }),
    db.conversations.countDocuments({
      ...started,
      state: { $in: ['closed', 'bot'] },
      _id: { $in: withAgent },
    } as mongo.Filter<mongo.Document>),
    db.events
      .aggregate<{ n: number }>([
        { $match: { kind: 'escalated', ...query.range('conversationCreatedAt'), ...eventSite } },
        { $group: { _id: '$conversationId' } },
        { $count: 'n' },
      ])
      .toArray(),
    groupCount(db.events, escalated, 'signals', { unwind: 'signals' }),
    groupCount(db.events, escalated, 'topic'),
    db.events
      .find({ ...escalated, question: { $ne: null } }, { projection: { question: 1 } })
      .sort({ at: -1, _id: -1 })
      .limit(filter.questionLimit)
      .toArray(),
    duration(db.events, { kind: 'claimed', ...query.range('at'), ...eventSite }, 'waitMs'),
    duration(db.events, { endedOwnerId: { $ne: null }, ...query.range('at'), ...eventSite }, 'handleMs'),
    duration(db.conversations, started, 'firstReplyMs'),
    sumOf(db.conversations, rated, 'satisfaction.rating'),
    sumOf(db.conversations, ratedByAgent, 'satisfaction.rating'),
    // One `$group` by topic per day (FerretDB v1 cannot take the day out of a timestamp in a pipeline).
    Promise.all(
      filter.days.map(async (day) => {
        const rows = await groupCount(
          db.events,
          { ...escalated, at: { $gte: `${day}T00:00:00.000Z`, $lt: nextDay(day) } },
          'topic',
        );
        return mergeTopics(rows)
          .map(({ topic, count }) => ({ day, topic, count }))
          .sort((a, b) => a.topic.localeCompare(b.topic));
      }),
    ),
  ]);

  return {
    volume: filter.days.map((day) => ({
      day,
      conversations: conversationsPerDay.get(day) ?? 0,
      customerMessages: messagesPerDay.get(day) ?? 0,
    })),
    automation: {
      conversations: total,
      automated: unattended - attended,
      escalated: escalatedConversations[0]?.n ?? 0,
    },
    escalationsByDay: filter.days.map((day) => ({ day, escalations: escalationsPerDay.get(day) ?? 0 })),
    escalationsByReason: reasons
      .map((row) => ({ reason: row.key as EscalationSignal, count: row.n }))
      .sort(byCountThenKey((row) => row.reason)),
    escalationsByTopic: mergeTopics(topics),
    escalationsByDayAndTopic: topicsPerDay.flat(),
    escalatedQuestions: questions.map((doc) => String(doc.question)),
    takeover,
    handle,
    firstReply,
    satisfaction: {
      bot: { ratings: allRatings.count - agentRatings.count, sum: allRatings.total - agentRatings.total },
      agent: { ratings: agentRatings.count, sum: agentRatings.total },
    },
  };
}

/** Count, total and nearest-rank p50 / p90 of a stored duration: `$sort` with `$skip`, in the database. */
async function duration(
  events: Collection,
  match: mongo.Filter<mongo.Document>,
  field: string,
): Promise<DurationFigure> {
  const filter = { ...match, [field]: { $ne: null } };
  const { total, count } = await sumOf(events, filter, field);
  const at = async (p: number) => {
    if (count === 0) return null;
    const [doc] = await events
      .find(filter, { projection: { [field]: 1 } })
      .sort({ [field]: 1, _id: 1 })
      .skip(percentileOffset(count, p))
      .limit(1)
      .toArray();
    return typeof doc?.[field] === 'number' ? doc[field] : null;
  };
  const [p50Ms, p90Ms] = await Promise.all([at(0.5), at(0.9)]);
  return { count, p50Ms, p90Ms, totalMs: total };
}
