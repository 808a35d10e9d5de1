import type { CorrectionReason } from '@hitl/shared/models';
import type { mongo } from 'mongoose';
import {
  type AgentFigures,
  type AnalyticsFigures,
  byCountThenKey,
  emptyAgentFigures,
} from './analytics-figures';
import {
  countPerDay,
  groupCount,
  type MongoAnalyticsQuery,
  mergeTopics,
  sumOf,
} from './mongo-analytics-query';

type Collection = mongo.Collection<mongo.Document>;
type QualityFigures = Pick<
  AnalyticsFigures,
  | 'expertTime'
  | 'drafts'
  | 'correctionsByTopic'
  | 'correctionsByReason'
  | 'agreement'
  | 'learningByDay'
  | 'learningByTopic'
  | 'confidenceHistogram'
  | 'agents'
>;

export async function mongoQualityFigures(
  query: MongoAnalyticsQuery,
  db: {
    messages: Collection;
    corrections: Collection;
    reviewItems: Collection;
    events: Collection;
    conversations: Collection;
  },
): Promise<QualityFigures> {
  const { filter } = query;
  const written = { ...query.range('createdAt'), ...query.inSite, ...query.inTopic('topic') };
  const drafts = {
    role: 'bot',
    draft: { $ne: null },
    ...query.range('createdAt'),
    ...query.inSite,
    ...query.inTopic('bot.topic'),
  };
  // Reviewed answers, as the SQLite adapter and the threshold advice count them.
  const markedRight = {
    status: 'right',
    ...query.range('reviewedAt'),
    ...query.inSite,
    ...query.inTopic('topic'),
  };
  const approved = {
    'review.status': 'approved',
    ...query.range('review.at'),
    ...query.inSite,
    ...query.inTopic('topic'),
  };
  const wrong = { ...approved, 'original.confidence': { $ne: null } };
  const reviewedCorrections = {
    'review.status': { $ne: 'pending' },
    ...query.range('review.at'),
    ...query.inSite,
    ...query.inTopic('topic'),
  };
  const approvedDrafts = { ...drafts, 'draft.status': 'approved' };
  const dayOf = (match: mongo.Filter<mongo.Document>, field: string, collection: Collection) =>
    countPerDay(collection, field, match, filter.days);

  const [
    expert,
    measured,
    draftRows,
    topics,
    reasons,
    verdicts,
    rightPerDay,
    wrongPerDay,
    approvedPerDay,
    rightTopics,
    wrongTopics,
    rightConfidences,
    wrongConfidences,
    agents,
    draftTime,
    draftsMeasured,
    reviewTime,
    reviewsMeasured,
  ] = await Promise.all([
    sumOf(db.corrections, written, 'timeSpentMs'),
    db.corrections.countDocuments({ ...written, timeSpentMs: { $ne: null } }),
    groupCount(db.messages, drafts, 'draft.status'),
    groupCount(db.corrections, written, 'topic'),
    groupCount(db.corrections, written, 'reasons', { unwind: 'reasons' }),
    db.corrections
      .aggregate<{ _id: { status: string; edited: boolean }; n: number }>([
        { $match: written },
        { $group: { _id: { status: '$review.status', edited: '$review.edited' }, n: { $sum: 1 } } },
      ])
      .toArray(),
    dayOf(markedRight, 'reviewedAt', db.reviewItems),
    dayOf(wrong, 'review.at', db.corrections),
    dayOf(approved, 'review.at', db.corrections),
    groupCount(db.reviewItems, markedRight, 'topic'),
    groupCount(db.corrections, wrong, 'topic'),
    // One row per distinct confidence, bounded by the reviews in the range (FerretDB v1 cannot bin in a pipeline).
    groupCount(db.reviewItems, markedRight, 'confidence'),
    groupCount(db.corrections, wrong, 'original.confidence'),
    agentFigures(query, db, { written, drafts, reviewedCorrections }),
    sumOf(db.messages, approvedDrafts, 'draft.timeSpentMs'),
    db.messages.countDocuments({ ...approvedDrafts, 'draft.timeSpentMs': { $ne: null } }),
    sumOf(db.corrections, reviewedCorrections, 'review.timeSpentMs'),
    db.corrections.countDocuments({ ...reviewedCorrections, 'review.timeSpentMs': { $ne: null } }),
  ]);

  const draftCounts = { approved: 0, edited: 0, rejected: 0 };
  for (const row of draftRows) {
    if (row.key === 'approved' || row.key === 'edited' || row.key === 'rejected')
      draftCounts[row.key] = row.n;
  }
  const agreement = { agreed: 0, edited: 0, disagreed: 0 };
  for (const { _id, n } of verdicts) {
    if (_id.status === 'approved') agreement[_id.edited ? 'edited' : 'agreed'] += n;
    if (_id.status === 'rejected') agreement.disagreed += n;
  }
  const learningTopics = new Map<string, { topic: string; reviewed: number; right: number }>();
  for (const [rows, right] of [
    [rightTopics, true],
    [wrongTopics, false],
  ] as const) {
    for (const { topic, count } of mergeTopics(rows)) {
      const entry = learningTopics.get(topic) ?? { topic, reviewed: 0, right: 0 };
      entry.reviewed += count;
      if (right) entry.right += count;
      learningTopics.set(topic, entry);
    }
  }
  const histogram = new Map<number, { hundredth: number; answers: number; right: number }>();
  for (const [rows, right] of [
    [rightConfidences, true],
    [wrongConfidences, false],
  ] as const) {
    for (const row of rows) {
      if (typeof row.key !== 'number') continue;
      // Hundredths as the SQLite adapter and the threshold advice compare them: 0.845 is in 84.
      const hundredth = Math.floor(Math.round(row.key * 1e6) / 1e4);
      const bin = histogram.get(hundredth) ?? { hundredth, answers: 0, right: 0 };
      bin.answers += row.n;
      if (right) bin.right += row.n;
      histogram.set(hundredth, bin);
    }
  }

  return {
    expertTime: {
      correctionMs: expert.total,
      corrections: expert.count,
      measured,
      draftMs: draftTime.total,
      draftsApproved: draftTime.count,
      draftsMeasured,
      reviewMs: reviewTime.total,
      reviews: reviewTime.count,
      reviewsMeasured,
    },
    drafts: draftCounts,
    correctionsByTopic: mergeTopics(topics),
    correctionsByReason: reasons
      .map((row) => ({ reason: row.key as CorrectionReason, count: row.n }))
      .sort(byCountThenKey((row) => row.reason)),
    agreement,
    learningByDay: filter.days.map((day) => {
      const right = rightPerDay.get(day) ?? 0;
      return {
        day,
        reviewed: right + (wrongPerDay.get(day) ?? 0),
        right,
        approvedCorrections: approvedPerDay.get(day) ?? 0,
      };
    }),
    learningByTopic: [...learningTopics.values()].sort(
      (a, b) => b.reviewed - a.reviewed || a.topic.localeCompare(b.topic),
    ),
    confidenceHistogram: [...histogram.values()].sort((a, b) => a.hundredth - b.hundredth),
    agents,
  };
}

async function agentFigures(
  query: MongoAnalyticsQuery,
  db: { corrections: Collection; messages: Collection; events: Collection; conversations: Collection },
  matches: {
    written: mongo.Filter<mongo.Document>;
    drafts: mongo.Filter<mongo.Document>;
    reviewedCorrections: mongo.Filter<mongo.Document>;
  },
): Promise<AgentFigures[]> {
  const site = query.filter.siteKey === undefined ? {} : { siteKey: query.filter.siteKey };
  const events = {
    ...query.range('at'),
    ...(query.filter.siteKey === undefined ? {} : { site: query.filter.siteKey }),
  };
  // A rating counts for the agent the conversation was with when it closed.
  const rated = {
    ...query.range('createdAt'),
    ...site,
    'satisfaction.rating': { $ne: null },
    assigneeId: { $ne: null },
  };
  const [
    owners,
    handled,
    written,
    timeSpent,
    reviewed,
    draftsReviewed,
    ratings,
    ratingSums,
    reviewTime,
    draftTime,
  ] = await Promise.all([
    groupCount(db.events, { ...events, newOwnerId: { $ne: null } }, 'newOwnerId'),
    groupCount(db.events, { ...events, endedOwnerId: { $ne: null } }, 'endedOwnerId', {
      sumOf: 'handleMs',
    }),
    groupCount(db.corrections, matches.written, 'agentId'),
    groupCount(db.corrections, matches.written, 'agentId', { sumOf: 'timeSpentMs' }),
    groupCount(db.corrections, matches.reviewedCorrections, 'review.reviewer.id'),
    groupCount(db.messages, { ...matches.drafts, 'draft.status': { $ne: 'pending' } }, 'draft.reviewer.id'),
    groupCount(db.conversations, rated, 'assigneeId'),
    groupCount(db.conversations, rated, 'assigneeId', { sumOf: 'satisfaction.rating' }),
    groupCount(db.corrections, matches.reviewedCorrections, 'review.reviewer.id', {
      sumOf: 'review.timeSpentMs',
    }),
    groupCount(db.messages, { ...matches.drafts, 'draft.status': 'approved' }, 'draft.reviewer.id', {
      sumOf: 'draft.timeSpentMs',
    }),
  ]);
  const agents = new Map<string, AgentFigures>();
  const add = (rows: { key: unknown; n: number }[], field: keyof Omit<AgentFigures, 'agentId'>) => {
    for (const row of rows) {
      if (typeof row.key !== 'string') continue;
      const figures = agents.get(row.key) ?? emptyAgentFigures(row.key);
      figures[field] = row.n;
      agents.set(row.key, figures);
    }
  };
  add(owners, 'conversations');
  add(handled, 'handleMs');
  add(written, 'correctionsWritten');
  add(timeSpent, 'correctionMs');
  add(reviewed, 'correctionsReviewed');
  add(draftsReviewed, 'draftsReviewed');
  add(ratings, 'ratings');
  add(ratingSums, 'ratingSum');
  add(reviewTime, 'reviewMs');
  add(draftTime, 'draftMs');
  return [...agents.values()].sort((a, b) => a.agentId.localeCompare(b.agentId));
}
