import type { AnalyticsResponse } from '@hitl/shared/analytics';
import { qualityTables } from './analytics-quality-tables';
import { bars, type FigureTable, percent, reasonLabel, seconds, sideBars, sideBarsOf } from './figure-table';

/** Every figure of the analytics page, in the order shown: what the bot does, then how the team works. */
export function analyticsTables(data: AnalyticsResponse): FigureTable[] {
  const { automation } = data;
  return [
    {
      id: 'volume',
      title: 'Volume by day',
      columns: ['Day', 'Conversations', 'Customer messages'],
      rows: data.volume.map((d) => [d.day, d.conversations, d.customerMessages]),
      chart: bars(1, 2),
    },
    {
      id: 'automation',
      title: 'Automation',
      note: 'Of the conversations started in the range. Without a person: closed or left with the bot, no agent message.',
      columns: ['Measure', 'Value'],
      rows: [
        ['Conversations', automation.conversations],
        ['Resolved without a person', automation.automated],
        ['Resolved without a person (%)', percent(automation.automatedRate)],
        ['Escalated', automation.escalated],
        ['Escalation rate (%)', percent(automation.escalationRate)],
      ],
      chart: { kind: 'tiles' },
    },
    {
      id: 'escalations-by-day',
      title: 'Escalations by day',
      columns: ['Day', 'Escalations'],
      rows: data.escalationsByDay.map((d) => [d.day, d.escalations]),
      chart: bars(1),
    },
    {
      id: 'escalations-by-reason',
      title: 'Escalations by reason',
      columns: ['Reason', 'Escalations'],
      rows: data.escalationsByReason.map((r) => [reasonLabel(r.reason), r.count]),
      chart: sideBars(1),
    },
    {
      id: 'escalations-by-topic',
      title: 'Escalations by topic',
      note: 'The topic of the bot’s last reply before the escalation.',
      columns: ['Topic', 'Escalations'],
      rows: data.escalationsByTopic.map((t) => [t.topic, t.count]),
      chart: sideBars(1),
    },
    escalationsOverTime(data),
    {
      id: 'escalated-questions',
      title: 'Most escalated questions',
      note: 'The customer’s words when the conversation escalated, grouped by similarity (the newest 500).',
      columns: ['Question', 'Escalations', 'Also asked as'],
      rows: data.topEscalatedQuestions.map((q) => [q.question, q.count, q.examples.join(' | ')]),
      chart: null,
    },
    {
      id: 'speed',
      title: 'Speed',
      note: 'First reply: from the start of a conversation to the first answer the customer read (the bot’s or an agent’s). Takeover: from the escalation (or a return to the queue) to a claim. Handle: from getting a conversation to it leaving the agent.',
      columns: ['Measure', 'Count', 'p50 (s)', 'p90 (s)'],
      rows: [
        [
          'Time to first reply',
          data.speed.firstReply.count,
          seconds(data.speed.firstReply.p50Ms),
          seconds(data.speed.firstReply.p90Ms),
        ],
        [
          'Time to takeover',
          data.speed.takeover.count,
          seconds(data.speed.takeover.p50Ms),
          seconds(data.speed.takeover.p90Ms),
        ],
        [
          'Agent handle time',
          data.speed.handle.count,
          seconds(data.speed.handle.p50Ms),
          seconds(data.speed.handle.p90Ms),
        ],
      ],
      chart: bars(2, 3),
    },
    {
      id: 'expert-time',
      title: 'Expert time',
      note: 'Measured by the console. Corrections: from opening the correction to submitting it (a draft edited or rejected is a correction). Drafts: approving a held reply as written. Reviews: judging a correction. A draft or review counts from when it was shown, or the previous decision, at most 10 minutes.',
      columns: [
        'Agent',
        'Correction time (s)',
        'Draft time (s)',
        'Review time (s)',
        'Corrections written',
        'Drafts reviewed',
        'Corrections reviewed',
      ],
      rows: [
        ...data.agents.map((a) => [
          a.agent.name,
          seconds(a.correctionMs),
          seconds(a.draftMs),
          seconds(a.reviewMs),
          a.correctionsWritten,
          a.draftsReviewed,
          a.correctionsReviewed,
        ]),
        [
          'All agents',
          seconds(data.expertTime.correctionMs),
          seconds(data.expertTime.draftMs),
          seconds(data.expertTime.reviewMs),
          data.expertTime.corrections,
          data.agents.reduce((sum, a) => sum + a.draftsReviewed, 0),
          data.agents.reduce((sum, a) => sum + a.correctionsReviewed, 0),
        ],
      ],
      chart: sideBarsOf(1, 2, 3),
    },
    ...qualityTables(data),
  ];
}

/** A column per topic (most escalated first), a row per day of the range: stacked bars. */
function escalationsOverTime(data: AnalyticsResponse): FigureTable {
  const topics = data.escalationsByTopic.map((t) => t.topic);
  const counts = new Map(data.escalationsByDayAndTopic.map((d) => [`${d.day} ${d.topic}`, d.count]));
  return {
    id: 'escalations-by-topic-over-time',
    title: 'Escalations by topic over time',
    columns: ['Day', ...topics],
    rows: data.escalationsByDay.map(({ day }) => [
      day,
      ...topics.map((topic) => counts.get(`${day} ${topic}`) ?? 0),
    ]),
    chart: {
      kind: 'xy',
      layout: 'vertical',
      series: topics.map((_, i) => ({ column: i + 1, as: 'bar' as const, stacked: true })),
    },
  };
}
