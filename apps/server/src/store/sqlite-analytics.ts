import type { DurationFigure } from '@hitl/shared/analytics';
import type { EscalationSignal } from '@hitl/shared/models';
import { type AnalyticsFigures, type AnalyticsFilter, NO_TOPIC, percentileOffset } from './analytics-figures';
import { sqliteQualityFigures } from './sqlite-analytics-quality';
import { type AnalyticsScope, ENDS_OWNERSHIP, inSite, inTopic, siteIs } from './sqlite-analytics-sql';
import type { Sql, SqlParams } from './sqlite-database';
import type { Store } from './store';

/** The analytics page's figures, each one SQL query (grouping, counting and percentiles in the database). */
export function createSqliteAnalytics(sql: Sql): Pick<Store, 'analyticsFigures'> {
  return {
    async analyticsFigures(filter) {
      const params: SqlParams = {
        from: filter.from,
        to: filter.to,
        site: filter.siteKey ?? null,
        topic: filter.topic ?? null,
        limit: filter.questionLimit,
      };
      const scope: AnalyticsScope = { site: filter.siteKey !== undefined, topic: filter.topic !== undefined };
      return {
        ...conversationFigures(sql, params, scope, filter),
        ...sqliteQualityFigures(sql, params, scope, filter),
      };
    },
  };
}

/** An agent wrote in conversation `c` (by the partial index of agents' messages). */
export const ATTENDED = `EXISTS (SELECT 1 FROM messages a WHERE a.conversation_id = c.id AND a.role = 'agent')`;

/** The figures `conversationFigures` computes; the rest are `sqliteQualityFigures`'. */
export type ConversationFigures = Pick<
  AnalyticsFigures,
  | 'volume'
  | 'automation'
  | 'escalationsByDay'
  | 'escalationsByReason'
  | 'escalationsByTopic'
  | 'escalationsByDayAndTopic'
  | 'escalatedQuestions'
  | 'takeover'
  | 'handle'
  | 'firstReply'
  | 'satisfaction'
>;

function conversationFigures(
  sql: Sql,
  params: SqlParams,
  scope: AnalyticsScope,
  filter: AnalyticsFilter,
): ConversationFigures {
  const perDay = (rows: { day: string; n: number }[]) => new Map(rows.map((row) => [row.day, row.n]));
  const started = `FROM conversations c WHERE c.created_at >= @from AND c.created_at < @to ${siteIs(scope, 'c.site_key')}`;
  const conversations = perDay(
    sql<{ day: string; n: number }>(
      `SELECT substr(c.created_at, 1, 10) AS day, COUNT(*) AS n ${started} GROUP BY day`,
    ).all(params),
  );
  const customerMessages = perDay(
    sql<{ day: string; n: number }>(
      `SELECT substr(m.created_at, 1, 10) AS day, COUNT(*) AS n FROM messages m
       WHERE m.role = 'customer' AND m.created_at >= @from AND m.created_at < @to ${inSite(scope, 'm')}
       GROUP BY day`,
    ).all(params),
  );
  const automation = sql<AnalyticsFigures['automation']>(
    `WITH escalated AS (SELECT DISTINCT conversation_id FROM conversation_events
         WHERE kind = 'escalated' AND conversation_created_at >= @from AND conversation_created_at < @to)
     SELECT COUNT(*) AS conversations,
       COALESCE(SUM(c.state IN ('closed', 'bot') AND NOT ${ATTENDED}), 0) AS automated,
       COALESCE(SUM(c.id IN escalated), 0) AS escalated
     ${started}`,
  ).get(params) as AnalyticsFigures['automation'];
  const satisfaction = { bot: { ratings: 0, sum: 0 }, agent: { ratings: 0, sum: 0 } };
  for (const row of sql<{ byAgent: number; ratings: number; sum: number }>(
    `SELECT ${ATTENDED} AS byAgent, COUNT(*) AS ratings, SUM(c.satisfaction_rating) AS sum
     ${started} AND c.satisfaction_rating IS NOT NULL GROUP BY 1`,
  ).all(params))
    satisfaction[row.byAgent ? 'agent' : 'bot'] = { ratings: row.ratings, sum: row.sum };

  const escalated = `FROM conversation_events e WHERE e.kind = 'escalated' AND e.at >= @from AND e.at < @to
    ${siteIs(scope, 'e.site_key')} ${inTopic(scope, 'e.topic')}`;
  const escalations = perDay(
    sql<{ day: string; n: number }>(
      `SELECT substr(e.at, 1, 10) AS day, COUNT(*) AS n ${escalated} GROUP BY day`,
    ).all(params),
  );
  const escalationsByReason = sql<{ reason: EscalationSignal; count: number }>(
    `SELECT j.value AS reason, COUNT(*) AS count ${escalated.replace('FROM conversation_events e', 'FROM conversation_events e, json_each(e.signals) j')}
     GROUP BY reason ORDER BY count DESC, reason ASC`,
  ).all(params);
  const escalationsByTopic = sql<{ topic: string; count: number }>(
    `SELECT COALESCE(e.topic, '${NO_TOPIC}') AS topic, COUNT(*) AS count ${escalated}
     GROUP BY 1 ORDER BY count DESC, topic ASC`,
  ).all(params);
  const escalationsByDayAndTopic = sql<{ day: string; topic: string; count: number }>(
    `SELECT substr(e.at, 1, 10) AS day, COALESCE(e.topic, '${NO_TOPIC}') AS topic, COUNT(*) AS count ${escalated}
     GROUP BY 1, 2 ORDER BY 1, 2`,
  ).all(params);
  const escalatedQuestions = sql<{ question: string }>(
    `SELECT e.question ${escalated} AND e.question IS NOT NULL ORDER BY e.at DESC, e.id DESC LIMIT @limit`,
  )
    .all(params)
    .map((row) => row.question);

  const events = `FROM conversation_events e WHERE e.at >= @from AND e.at < @to ${siteIs(scope, 'e.site_key')}`;
  return {
    volume: filter.days.map((day) => ({
      day,
      conversations: conversations.get(day) ?? 0,
      customerMessages: customerMessages.get(day) ?? 0,
    })),
    automation,
    escalationsByDay: filter.days.map((day) => ({ day, escalations: escalations.get(day) ?? 0 })),
    escalationsByReason,
    escalationsByTopic,
    escalationsByDayAndTopic,
    escalatedQuestions,
    takeover: duration(sql, params, `${events} AND e.kind = 'claimed'`, 'wait_ms'),
    handle: duration(
      sql,
      params,
      `${events} AND e.kind IN ${ENDS_OWNERSHIP} AND e.ended_owner_id IS NOT NULL`,
      'handle_ms',
    ),
    firstReply: duration(
      sql,
      params,
      `FROM conversations e WHERE e.created_at >= @from AND e.created_at < @to
      ${siteIs(scope, 'e.site_key')}`,
      'first_reply_ms',
    ),
    satisfaction,
  };
}

/** Count, total and nearest-rank p50 / p90 of a duration column of the events in `from`: one sort, ranked. */
function duration(sql: Sql, params: SqlParams, from: string, column: string): DurationFigure {
  const rows = `${from} AND e.${column} IS NOT NULL`;
  const { count, total } = sql<{ count: number; total: number }>(
    `SELECT COUNT(*) AS count, COALESCE(SUM(e.${column}), 0) AS total ${rows}`,
  ).get(params) as { count: number; total: number };
  if (count === 0) return { count, p50Ms: null, p90Ms: null, totalMs: total };
  const p50 = percentileOffset(count, 0.5) + 1;
  const p90 = percentileOffset(count, 0.9) + 1;
  const ranked = new Map(
    sql<{ rank: number; v: number }>(
      `SELECT rank, v FROM (SELECT e.${column} AS v, ROW_NUMBER() OVER (ORDER BY e.${column}) AS rank ${rows})
       WHERE rank IN (@p50, @p90)`,
    )
      .all({ ...params, p50, p90 })
      .map((row) => [row.rank, row.v]),
  );
  return { count, p50Ms: ranked.get(p50) ?? null, p90Ms: ranked.get(p90) ?? null, totalMs: total };
}
