import type { AnalyticsResponse } from '@hitl/shared/analytics';
import { bars, type FigureTable, percent, seconds, shareOf, sideBars } from './figure-table';
import { correctionReasonLabels } from './labels';

/** The figures of how the team works and whether the loop is learning: drafts, corrections, reviews, people. */
export function qualityTables(data: AnalyticsResponse): FigureTable[] {
  const { drafts, agreement, reliability } = data;
  const draftTotal = drafts.approved + drafts.edited + drafts.rejected;
  const verdicts = agreement.agreed + agreement.edited + agreement.disagreed;
  return [
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
