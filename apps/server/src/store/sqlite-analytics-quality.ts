import type { CorrectionReason } from '@hitl/shared/models';
import {
  type AgentFigures,
  type AnalyticsFigures,
  type AnalyticsFilter,
  emptyAgentFigures,
  NO_TOPIC,
} from './analytics-figures';
import type { ConversationFigures } from './sqlite-analytics';
import {
  type AnalyticsScope,
  ENDS_OWNERSHIP,
  inSite,
  inTopic,
  STARTS_OWNERSHIP,
  siteIs,
} from './sqlite-analytics-sql';
import type { Sql, SqlParams } from './sqlite-database';

type QualityFigures = Omit<AnalyticsFigures, keyof ConversationFigures>;

/** Drafts by decision and reviewer, with the approval time the console measured. */
interface DraftRow {
  status: string;
  reviewer: string | null;
  n: number;
  ms: number;
  measured: number;
}

/** Corrections reviewed in the range, by reviewer, with the time measured. */
interface ReviewRow {
  id: string | null;
  n: number;
  ms: number;
  measured: number;
}

/**
 * Reviewed answers in the range, one row each: an answer marked right in the review-later list counts right,
 * a bot answer with a correction approved in the range wrong (as the threshold advice counts them).
 */
const reviewed = (scope: AnalyticsScope) => `
  SELECT r.reviewed_at AS at, r.topic AS topic, r.confidence AS confidence, 1 AS right
  FROM review_items r WHERE r.status = 'right' AND r.reviewed_at >= @from AND r.reviewed_at < @to
    ${inSite(scope, 'r')} ${inTopic(scope, 'r.topic')}
  UNION ALL
  SELECT k.reviewed_at, k.topic, json_extract(k.original, '$.confidence'), 0
  FROM corrections k WHERE k.review_status = 'approved' AND k.reviewed_at >= @from AND k.reviewed_at < @to
    AND json_extract(k.original, '$.confidence') IS NOT NULL ${inSite(scope, 'k')} ${inTopic(scope, 'k.topic')}`;

const corrections = (
  scope: AnalyticsScope,
) => `FROM corrections k WHERE k.created_at >= @from AND k.created_at < @to
  ${inSite(scope, 'k')} ${inTopic(scope, 'k.topic')}`;

const drafts = (scope: AnalyticsScope) => `FROM messages m WHERE m.draft IS NOT NULL AND m.created_at >= @from
  AND m.created_at < @to ${inSite(scope, 'm')} ${inTopic(scope, `json_extract(m.bot, '$.topic')`)}`;

export function sqliteQualityFigures(
  sql: Sql,
  params: SqlParams,
  scope: AnalyticsScope,
  filter: AnalyticsFilter,
): QualityFigures {
  const REVIEWED = reviewed(scope);
  const CORRECTIONS = corrections(scope);
  // One pass over the drafts: by decision and reviewer (for the per-agent figures).
  const draftRows = sql<DraftRow>(
    `SELECT json_extract(m.draft, '$.status') AS status, json_extract(m.draft, '$.reviewer.id') AS reviewer,
       COUNT(*) AS n, COALESCE(SUM(json_extract(m.draft, '$.timeSpentMs')), 0) AS ms,
       COUNT(json_extract(m.draft, '$.timeSpentMs')) AS measured ${drafts(scope)} GROUP BY 1, 2`,
  ).all(params);
  const reviewRows = sql<ReviewRow>(
    `SELECT json_extract(k.reviewer, '$.id') AS id, COUNT(*) AS n, COALESCE(SUM(k.review_time_ms), 0) AS ms,
       COUNT(k.review_time_ms) AS measured FROM corrections k
     WHERE k.review_status <> 'pending' AND k.reviewed_at >= @from AND k.reviewed_at < @to
       ${inSite(scope, 'k')} ${inTopic(scope, 'k.topic')} GROUP BY 1`,
  ).all(params);
  const approvedDrafts = draftRows.filter((row) => row.status === 'approved');
  const total = <T>(rows: T[], pick: (row: T) => number) => rows.reduce((sum, row) => sum + pick(row), 0);
  const draftCounts = { approved: 0, edited: 0, rejected: 0 };
  for (const row of draftRows) {
    if (row.status === 'approved' || row.status === 'edited' || row.status === 'rejected')
      draftCounts[row.status] += row.n;
  }

  const learning = new Map(
    sql<{ day: string; reviewed: number; right: number; approvedCorrections: number }>(
      `SELECT day, SUM(reviewed) AS reviewed, SUM(right) AS right, SUM(approved) AS approvedCorrections FROM (
         SELECT substr(at, 1, 10) AS day, 1 AS reviewed, right, 0 AS approved FROM (${REVIEWED})
         UNION ALL
         SELECT substr(k.reviewed_at, 1, 10), 0, 0, 1 FROM corrections k
         WHERE k.review_status = 'approved' AND k.reviewed_at >= @from AND k.reviewed_at < @to
           ${inSite(scope, 'k')} ${inTopic(scope, 'k.topic')}
       ) GROUP BY day`,
    )
      .all(params)
      .map((row) => [row.day, row]),
  );

  return {
    expertTime: {
      ...(sql<{ correctionMs: number; corrections: number; measured: number }>(
        `SELECT COALESCE(SUM(k.time_spent_ms), 0) AS correctionMs, COUNT(*) AS corrections,
           COUNT(k.time_spent_ms) AS measured ${CORRECTIONS}`,
      ).get(params) as { correctionMs: number; corrections: number; measured: number }),
      draftMs: total(approvedDrafts, (row) => row.ms),
      draftsApproved: total(approvedDrafts, (row) => row.n),
      draftsMeasured: total(approvedDrafts, (row) => row.measured),
      reviewMs: total(reviewRows, (row) => row.ms),
      reviews: total(reviewRows, (row) => row.n),
      reviewsMeasured: total(reviewRows, (row) => row.measured),
    },
    drafts: draftCounts,
    correctionsByTopic: sql<{ topic: string; count: number }>(
      `SELECT COALESCE(k.topic, '${NO_TOPIC}') AS topic, COUNT(*) AS count ${CORRECTIONS}
       GROUP BY 1 ORDER BY count DESC, topic ASC`,
    ).all(params),
    correctionsByReason: sql<{ reason: CorrectionReason; count: number }>(
      `SELECT j.value AS reason, COUNT(*) AS count
       ${CORRECTIONS.replace('FROM corrections k', 'FROM corrections k, json_each(k.reasons) j')}
       GROUP BY reason ORDER BY count DESC, reason ASC`,
    ).all(params),
    agreement: sql<QualityFigures['agreement']>(
      `SELECT COALESCE(SUM(k.review_status = 'approved' AND k.review_edited = 0), 0) AS agreed,
         COALESCE(SUM(k.review_status = 'approved' AND k.review_edited = 1), 0) AS edited,
         COALESCE(SUM(k.review_status = 'rejected'), 0) AS disagreed ${CORRECTIONS}`,
    ).get(params) as QualityFigures['agreement'],
    learningByDay: filter.days.map((day) => {
      const row = learning.get(day);
      return {
        day,
        reviewed: row?.reviewed ?? 0,
        right: row?.right ?? 0,
        approvedCorrections: row?.approvedCorrections ?? 0,
      };
    }),
    learningByTopic: sql<{ topic: string; reviewed: number; right: number }>(
      `SELECT COALESCE(topic, '${NO_TOPIC}') AS topic, COUNT(*) AS reviewed, SUM(right) AS right
       FROM (${REVIEWED}) GROUP BY 1 ORDER BY reviewed DESC, topic ASC`,
    ).all(params),
    // Hundredths as the threshold advice compares them: 0.845 is in 84, 0.85 in 85.
    confidenceHistogram: sql<{ hundredth: number; answers: number; right: number }>(
      `SELECT CAST(ROUND(confidence * 1000000) AS INTEGER) / 10000 AS hundredth, COUNT(*) AS answers,
         SUM(right) AS right FROM (${REVIEWED}) GROUP BY 1 ORDER BY 1`,
    ).all(params),
    agents: agentFigures(sql, params, scope, draftRows, reviewRows),
  };
}

function agentFigures(
  sql: Sql,
  params: SqlParams,
  scope: AnalyticsScope,
  draftRows: DraftRow[],
  reviewRows: ReviewRow[],
): AgentFigures[] {
  const CORRECTIONS = corrections(scope);
  const agents = new Map<string, AgentFigures>();
  const of = (agentId: string): AgentFigures => {
    let figures = agents.get(agentId);
    if (figures === undefined) {
      figures = emptyAgentFigures(agentId);
      agents.set(agentId, figures);
    }
    return figures;
  };
  const events = `FROM conversation_events e WHERE e.at >= @from AND e.at < @to ${siteIs(scope, 'e.site_key')}`;
  for (const row of sql<{ id: string; n: number }>(
    `SELECT e.new_owner_id AS id, COUNT(*) AS n ${events} AND e.kind IN ${STARTS_OWNERSHIP}
       AND e.new_owner_id IS NOT NULL GROUP BY 1`,
  ).all(params))
    of(row.id).conversations = row.n;
  for (const row of sql<{ id: string; n: number }>(
    `SELECT e.ended_owner_id AS id, SUM(e.handle_ms) AS n ${events} AND e.kind IN ${ENDS_OWNERSHIP}
       AND e.ended_owner_id IS NOT NULL GROUP BY 1`,
  ).all(params))
    of(row.id).handleMs = row.n;
  for (const row of sql<{ id: string; n: number; ms: number }>(
    `SELECT k.agent_id AS id, COUNT(*) AS n, COALESCE(SUM(k.time_spent_ms), 0) AS ms ${CORRECTIONS} GROUP BY 1`,
  ).all(params)) {
    of(row.id).correctionsWritten = row.n;
    of(row.id).correctionMs = row.ms;
  }
  for (const row of reviewRows) {
    if (row.id === null) continue;
    of(row.id).correctionsReviewed = row.n;
    of(row.id).reviewMs += row.ms;
  }
  for (const row of draftRows) {
    if (row.reviewer === null || row.status === 'pending') continue;
    of(row.reviewer).draftsReviewed += row.n;
    if (row.status === 'approved') of(row.reviewer).draftMs += row.ms;
  }
  // A rating counts for the agent the conversation was with when it closed.
  for (const row of sql<{ id: string; n: number; sum: number }>(
    `SELECT c.assignee_id AS id, COUNT(*) AS n, SUM(c.satisfaction_rating) AS sum FROM conversations c
     WHERE c.created_at >= @from AND c.created_at < @to ${siteIs(scope, 'c.site_key')}
       AND c.satisfaction_rating IS NOT NULL AND c.assignee_id IS NOT NULL GROUP BY 1`,
  ).all(params)) {
    of(row.id).ratings = row.n;
    of(row.id).ratingSum = row.sum;
  }
  return [...agents.values()].sort((a, b) => a.agentId.localeCompare(b.agentId));
}
