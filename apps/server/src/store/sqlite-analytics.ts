import type { DurationFigure } from '@hitl/shared/analytics';
import type { EscalationSignal } from '@hitl/shared/models';
import { type AnalyticsFigures, type AnalyticsFilter, NO_TOPIC, percentileOffset } from './analytics-figures';
import { sqliteQualityFigures } from './sqlite-analytics-quality';
import { inSite, inTopic } from './sqlite-analytics-sql';
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
      return {
        ...conversationFigures(sql, params, filter),
        ...sqliteQualityFigures(sql, params, filter),
      };
    },
  };
}

type ConversationFigures = Pick<
  AnalyticsFigures,
  | 'volume'
  | 'automation'
  | 'escalationsByDay'
  | 'escalationsByReason'
  | 'escalationsByTopic'
  | 'escalatedQuestions'
  | 'takeover'
  | 'handle'
>;

function conversationFigures(sql: Sql, params: SqlParams, filter: AnalyticsFilter): ConversationFigures {
  const perDay = (rows: { day: string; n: number }[]) => new Map(rows.map((row) => [row.day, row.n]));
  const conversations = perDay(
    sql<{ day: string; n: number }>(
      `SELECT substr(created_at, 1, 10) AS day, COUNT(*) AS n FROM conversations
       WHERE created_at >= @from AND created_at < @to AND (@site IS NULL OR site_key = @site) GROUP BY day`,
    ).all(params),
  );
  const customerMessages = perDay(
    sql<{ day: string; n: number }>(
      `SELECT substr(m.created_at, 1, 10) AS day, COUNT(*) AS n FROM messages m
       WHERE m.role = 'customer' AND m.created_at >= @from AND m.created_at < @to AND ${inSite('m')}
       GROUP BY day`,
    ).all(params),
  );
  const automation = sql<AnalyticsFigures['automation']>(
    `SELECT COUNT(*) AS conversations,
       COALESCE(SUM(c.state IN ('closed', 'bot') AND NOT EXISTS (
         SELECT 1 FROM messages m WHERE m.conversation_id = c.id AND m.role = 'agent')), 0) AS automated,
       COALESCE(SUM(EXISTS (
         SELECT 1 FROM conversation_events e WHERE e.conversation_id = c.id AND e.kind = 'escalated')), 0) AS escalated
     FROM conversations c
     WHERE c.created_at >= @from AND c.created_at < @to AND (@site IS NULL OR c.site_key = @site)`,
  ).get(params) as AnalyticsFigures['automation'];

  const escalated = `FROM conversation_events e WHERE e.kind = 'escalated' AND e.at >= @from AND e.at < @to
    AND (@site IS NULL OR e.site_key = @site) AND ${inTopic('e.topic')}`;
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
  const escalatedQuestions = sql<{ question: string }>(
    `SELECT e.question ${escalated} AND e.question IS NOT NULL ORDER BY e.at DESC, e.id DESC LIMIT @limit`,
  )
    .all(params)
    .map((row) => row.question);

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
    escalatedQuestions,
    takeover: duration(sql, params, `e.kind = 'claimed'`, 'wait_ms'),
    handle: duration(sql, params, 'e.ended_owner_id IS NOT NULL', 'handle_ms'),
  };
}

/** Count, total and nearest-rank p50 / p90 of a duration column of the events in range. */
function duration(sql: Sql, params: SqlParams, condition: string, column: string): DurationFigure {
  const from = `FROM conversation_events e WHERE ${condition} AND e.${column} IS NOT NULL
    AND e.at >= @from AND e.at < @to AND (@site IS NULL OR e.site_key = @site)`;
  const { count, total } = sql<{ count: number; total: number }>(
    `SELECT COUNT(*) AS count, COALESCE(SUM(e.${column}), 0) AS total ${from}`,
  ).get(params) as { count: number; total: number };
  const at = (p: number) =>
    count === 0
      ? null
      : (sql<{ v: number }>(
          `SELECT e.${column} AS v ${from} ORDER BY e.${column} LIMIT 1 OFFSET @offset`,
        ).get({
          ...params,
          offset: percentileOffset(count, p),
        })?.v ?? null);
  return { count, p50Ms: at(0.5), p90Ms: at(0.9), totalMs: total };
}
