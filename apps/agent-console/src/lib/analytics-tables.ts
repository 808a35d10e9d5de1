import type { AnalyticsResponse } from '@hitl/shared/analytics';
import type { CsvCell } from './csv';
import { correctionReasonLabels } from './labels';

/** How a figure is drawn: bars and lines over the table's first column, or tiles of the table's rows. */
export type ChartSpec =
  | { kind: 'tiles' }
  | {
      kind: 'xy';
      /** Bars along the x axis (vertical), or categories down the side (horizontal). */
      layout: 'vertical' | 'horizontal';
      /** Columns drawn (indices into `columns`), each as a bar or a line; `percent` ones on a 0–100 axis. */
      series: {
        column: number;
        as: 'bar' | 'line';
        percent?: boolean;
        reference?: boolean;
        stacked?: boolean;
      }[];
    };

/**
 * One figure of the page: the numbers the chart draws, the table shows and the CSV holds — the same rows,
 * so a download is exactly what was drawn.
 */
export interface FigureTable {
  id: string;
  title: string;
  note?: string;
  columns: string[];
  rows: CsvCell[][];
  chart: ChartSpec | null;
  /** Set when the rows alone cannot tell (the reliability bins always have their stated confidence). */
  empty?: boolean;
  /** Across the whole page: a table of many columns. */
  wide?: boolean;
}

const seconds = (ms: number | null) => (ms === null ? null : Math.round(ms / 100) / 10);
const percent = (rate: number | null) => (rate === null ? null : Math.round(rate * 1000) / 10);
const shareOf = (part: number, whole: number) => (whole === 0 ? null : percent(part / whole));
const reasonLabel = (reason: string) => reason.replaceAll('_', ' ');
const bars = (...columns: number[]): ChartSpec => ({
  kind: 'xy',
  layout: 'vertical',
  series: columns.map((column) => ({ column, as: 'bar' })),
});
const sideBars = (column: number, options: { percent?: boolean } = {}): ChartSpec => ({
  kind: 'xy',
  layout: 'horizontal',
  series: [{ column, as: 'bar', ...options }],
});

export function analyticsTables(data: AnalyticsResponse): FigureTable[] {
  const { automation, drafts, agreement } = data;
  const draftTotal = drafts.approved + drafts.edited + drafts.rejected;
  const verdicts = agreement.agreed + agreement.edited + agreement.disagreed;
  const { reliability } = data;
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
      note: 'Takeover: from the escalation (or a return to the queue) to a claim. Handle: from getting a conversation to it leaving the agent.',
      columns: ['Measure', 'Count', 'p50 (s)', 'p90 (s)'],
      rows: [
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
      note: 'Time on corrections, from opening the correction to submitting it; drafts and reviews counted.',
      columns: [
        'Agent',
        'Correction time (s)',
        'Corrections written',
        'Drafts reviewed',
        'Corrections reviewed',
      ],
      rows: [
        ...data.agents.map((a) => [
          a.agent.name,
          seconds(a.correctionMs),
          a.correctionsWritten,
          a.draftsReviewed,
          a.correctionsReviewed,
        ]),
        [
          'All agents',
          seconds(data.expertTime.correctionMs),
          data.expertTime.corrections,
          data.agents.reduce((sum, a) => sum + a.draftsReviewed, 0),
          data.agents.reduce((sum, a) => sum + a.correctionsReviewed, 0),
        ],
      ],
      chart: sideBars(1),
    },
    {
      id: 'drafts',
      title: 'Draft reviews',
      columns: ['Decision', 'Drafts', 'Share (%)'],
      rows: [
        ['Approved', drafts.approved, shareOf(drafts.approved, draftTotal)],
        ['Edited', drafts.edited, shareOf(drafts.edited, draftTotal)],
        ['Rejected', drafts.rejected, shareOf(drafts.rejected, draftTotal)],
      ],
      chart: bars(1),
    },
    {
      id: 'corrections-by-topic',
      title: 'Corrections by topic',
      columns: ['Topic', 'Corrections'],
      rows: data.correctionsByTopic.map((t) => [t.topic, t.count]),
      chart: sideBars(1),
    },
    {
      id: 'corrections-by-reason',
      title: 'The model’s errors (corrections by reason)',
      columns: ['Reason', 'Corrections'],
      rows: data.correctionsByReason.map((r) => [correctionReasonLabels[r.reason], r.count]),
      chart: sideBars(1),
    },
    {
      id: 'agreement',
      title: 'Reviewer agreement',
      columns: ['Verdict', 'Corrections', 'Share (%)'],
      rows: [
        ['Approved as written', agreement.agreed, shareOf(agreement.agreed, verdicts)],
        ['Approved with edits', agreement.edited, shareOf(agreement.edited, verdicts)],
        ['Rejected', agreement.disagreed, shareOf(agreement.disagreed, verdicts)],
      ],
      chart: bars(1),
    },
    {
      id: 'satisfaction',
      title: 'Satisfaction by who resolved',
      note: 'Bot: closed with no agent message.',
      columns: ['Resolved by', 'Ratings', 'Average rating'],
      rows: [
        ['Bot', data.satisfaction.bot.ratings, data.satisfaction.bot.average],
        ['Agent', data.satisfaction.agent.ratings, data.satisfaction.agent.average],
      ],
      chart: bars(2),
    },
    {
      id: 'learning',
      title: 'Is the loop learning? Measured accuracy by day',
      note: 'Reviewed answers: marked right in Review later counts right, an approved correction wrong.',
      columns: ['Day', 'Reviewed answers', 'Right', 'Accuracy (%)', 'Corrections approved'],
      rows: data.learning.byDay.map((d) => [
        d.day,
        d.reviewed,
        d.right,
        percent(d.accuracy),
        d.approvedCorrections,
      ]),
      chart: {
        kind: 'xy',
        layout: 'vertical',
        series: [
          { column: 4, as: 'bar' },
          { column: 3, as: 'line', percent: true },
        ],
      },
    },
    {
      id: 'learning-by-topic',
      title: 'Measured accuracy by topic',
      columns: ['Topic', 'Reviewed answers', 'Right', 'Accuracy (%)'],
      rows: data.learning.byTopic.map((t) => [t.topic, t.reviewed, t.right, percent(t.accuracy)]),
      chart: sideBars(3, { percent: true }),
    },
    {
      id: 'reliability',
      title: 'Reliability: stated confidence against measured accuracy',
      note:
        reliability.threshold === null
          ? `No answer threshold keeps ${percent(reliability.targetAccuracy)} % answered accuracy on these ${reliability.reviews} reviews.`
          : `An answer threshold of ${reliability.threshold.toFixed(2)} would have kept ${percent(reliability.targetAccuracy)} % answered accuracy (${percent(reliability.answeredAccuracy)} % on ${reliability.reviews} reviews).`,
      columns: ['Confidence', 'Stated (%)', 'Measured accuracy (%)', 'Answers'],
      empty: reliability.reviews === 0,
      rows: reliability.bins.map((b) => [
        `${b.from.toFixed(1)}–${b.to.toFixed(1)}`,
        Math.round(((b.from + b.to) / 2) * 1000) / 10,
        percent(b.accuracy),
        b.answers,
      ]),
      chart: {
        kind: 'xy',
        layout: 'vertical',
        series: [
          { column: 1, as: 'line', percent: true, reference: true },
          { column: 2, as: 'line', percent: true },
        ],
      },
    },
    {
      id: 'agents',
      title: 'Per agent',
      wide: true,
      columns: [
        'Agent',
        'Conversations',
        'Handle time (s)',
        'Ratings',
        'Average rating',
        'Corrections written',
        'Corrections reviewed',
      ],
      rows: data.agents.map((a) => [
        a.agent.name,
        a.conversations,
        seconds(a.handleMs),
        a.ratings,
        a.averageRating,
        a.correctionsWritten,
        a.correctionsReviewed,
      ]),
      chart: null,
    },
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

/** Whether a figure has anything to draw (a row with a number other than zero). */
export function hasFigures(table: FigureTable): boolean {
  if (table.empty !== undefined) return !table.empty;
  return table.rows.some((row) => row.slice(1).some((cell) => typeof cell === 'number' && cell !== 0));
}
