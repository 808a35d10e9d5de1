import {
  type AnalyticsQuery,
  type AnalyticsResponse,
  daysOf,
  ESCALATED_QUESTIONS_LIMIT,
  TOP_QUESTION_GROUPS,
} from '@hitl/shared/analytics';
import type { Agent } from '@hitl/shared/models';
import { groupEscalatedQuestions } from '../domain/escalated-question-groups';
import { reliabilityDiagram } from '../domain/reliability-diagram';
import { NO_TOPIC, type RatingTally } from '../store/analytics-figures';
import { assertPermitted } from './auth/assert-permitted';
import type { ServiceContext } from './service-context';

/**
 * The analytics page: the store computes the figures over the range (in the database); this adds the rates,
 * groups the escalated questions by similarity, bins the reviewed answers by confidence with the threshold
 * that keeps the chosen accuracy, and names the agents.
 */
export async function analyticsOverview(
  ctx: ServiceContext,
  agent: Agent,
  query: AnalyticsQuery,
): Promise<AnalyticsResponse> {
  assertPermitted(agent, 'analytics.view');
  const days = daysOf(query.from, query.to);
  const figures = await ctx.store.analyticsFigures({
    from: `${query.from}T00:00:00.000Z`,
    to: new Date(Date.parse(`${query.to}T00:00:00.000Z`) + 86_400_000).toISOString(),
    days,
    ...(query.siteKey !== undefined ? { siteKey: query.siteKey } : {}),
    ...(query.topic !== undefined ? { topic: query.topic } : {}),
    questionLimit: ESCALATED_QUESTIONS_LIMIT,
  });
  const [team, siteKeys, articles] = await Promise.all([
    ctx.store.listAgents(),
    ctx.store.listSiteKeys(),
    ctx.store.listArticles(),
  ]);
  const names = new Map(team.map((a) => [a.id, a.name]));
  const topics = new Set<string>(articles.map((a) => a.topic));
  for (const row of [
    ...figures.escalationsByTopic,
    ...figures.correctionsByTopic,
    ...figures.learningByTopic,
  ])
    if (row.topic !== NO_TOPIC) topics.add(row.topic);
  const { automation, agreement } = figures;
  const reviewedDrafts = agreement.agreed + agreement.edited + agreement.disagreed;

  return {
    from: query.from,
    to: query.to,
    siteKey: query.siteKey ?? null,
    topic: query.topic ?? null,
    volume: figures.volume,
    automation: {
      ...automation,
      automatedRate: share(automation.automated, automation.conversations),
      escalationRate: share(automation.escalated, automation.conversations),
    },
    escalationsByDay: figures.escalationsByDay,
    escalationsByReason: figures.escalationsByReason,
    escalationsByTopic: figures.escalationsByTopic,
    escalationsByDayAndTopic: figures.escalationsByDayAndTopic,
    topEscalatedQuestions: groupEscalatedQuestions(figures.escalatedQuestions, TOP_QUESTION_GROUPS),
    speed: { firstReply: figures.firstReply, takeover: figures.takeover, handle: figures.handle },
    expertTime: figures.expertTime,
    drafts: figures.drafts,
    correctionsByTopic: figures.correctionsByTopic,
    correctionsByReason: figures.correctionsByReason,
    agreement: { ...agreement, rate: share(agreement.agreed, reviewedDrafts) },
    satisfaction: { bot: rating(figures.satisfaction.bot), agent: rating(figures.satisfaction.agent) },
    learning: {
      byDay: figures.learningByDay.map((d) => ({ ...d, accuracy: share(d.right, d.reviewed) })),
      byTopic: figures.learningByTopic.map((t) => ({ ...t, accuracy: share(t.right, t.reviewed) })),
    },
    reliability: reliabilityDiagram(figures.confidenceHistogram, query.accuracy),
    agents: figures.agents
      .map(({ agentId, ratingSum, ...rest }) => ({
        ...rest,
        agent: { id: agentId, name: names.get(agentId) ?? agentId },
        averageRating: rest.ratings === 0 ? null : round2(ratingSum / rest.ratings),
      }))
      .sort((a, b) => a.agent.name.localeCompare(b.agent.name) || a.agent.id.localeCompare(b.agent.id)),
    options: { siteKeys: siteKeys.map((site) => site.key), topics: [...topics].sort() },
  };
}

const round4 = (n: number) => Math.round(n * 10_000) / 10_000;
const round2 = (n: number) => Math.round(n * 100) / 100;
const share = (part: number, whole: number) => (whole === 0 ? null : round4(part / whole));
const rating = (tally: RatingTally) => ({
  ratings: tally.ratings,
  average: tally.ratings === 0 ? null : round2(tally.sum / tally.ratings),
});
