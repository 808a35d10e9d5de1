import { z } from 'zod';
import { authorSchema, correctionReasonSchema, escalationSignalSchema } from './models';
import { topicSchema } from './rest';

/** The longest range the analytics page asks for in one request (a year and a day, for leap years). */
export const MAX_ANALYTICS_DAYS = 366;
/** How many escalated questions the store hands to the grouping, newest first. */
export const ESCALATED_QUESTIONS_LIMIT = 500;
/** How many groups of similar escalated questions the page lists. */
export const TOP_QUESTION_GROUPS = 10;
/** Confidence bins of the reliability diagram: [0, 0.1), [0.1, 0.2), …, [0.9, 1]. */
export const RELIABILITY_BINS = 10;
export const analyticsAccuracyTargets = [0.9, 0.95, 0.97, 0.99] as const;

const daySchema = z.iso.date();
const siteKeySchema = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, 'must be a site key');

/**
 * `GET /api/analytics` query: UTC days `from` to `to`, both included; optionally one site and one topic.
 * The topic narrows the figures that have one (escalations, drafts, corrections, reviewed answers); the
 * conversation figures (volume, automation, speed) are per site only.
 */
export const analyticsQuerySchema = z
  .strictObject({
    from: daySchema,
    to: daySchema,
    siteKey: siteKeySchema.optional(),
    topic: topicSchema.optional(),
    accuracy: z.coerce
      .number()
      .refine(
        (n) => (analyticsAccuracyTargets as readonly number[]).includes(n),
        'must be 0.9, 0.95, 0.97 or 0.99',
      )
      .default(0.97),
  })
  .refine((q) => q.from <= q.to, { message: '`from` must not be after `to`', path: ['to'] })
  .refine((q) => daysBetween(q.from, q.to) <= MAX_ANALYTICS_DAYS, {
    message: `at most ${MAX_ANALYTICS_DAYS} days`,
    path: ['to'],
  });
export type AnalyticsQuery = z.infer<typeof analyticsQuerySchema>;

/** Every UTC day from `from` to `to`, both included, as `YYYY-MM-DD`. */
export function daysOf(from: string, to: string): string[] {
  const days: string[] = [];
  for (let t = Date.parse(`${from}T00:00:00Z`); t <= Date.parse(`${to}T00:00:00Z`); t += 86_400_000) {
    days.push(new Date(t).toISOString().slice(0, 10));
  }
  return days;
}

function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000) + 1;
}

const count = z.number().int().min(0);
const rate = z.number().min(0).max(1).nullable();
const ms = z.number().min(0).nullable();

export const durationFigureSchema = z.object({ count, p50Ms: ms, p90Ms: ms, totalMs: z.number().min(0) });
export type DurationFigure = z.infer<typeof durationFigureSchema>;

export const reliabilityBinSchema = z.object({
  from: z.number(),
  to: z.number(),
  answers: count,
  right: count,
  accuracy: rate,
});
export type ReliabilityBin = z.infer<typeof reliabilityBinSchema>;

export const analyticsAgentSchema = z.object({
  agent: authorSchema,
  conversations: count,
  handleMs: z.number().min(0),
  correctionsWritten: count,
  correctionMs: z.number().min(0),
  correctionsReviewed: count,
  /** Time on correction reviews and on approving drafts, as far as the console measured it. */
  reviewMs: z.number().min(0),
  draftsReviewed: count,
  draftMs: z.number().min(0),
  ratings: count,
  averageRating: z.number().nullable(),
});
export type AnalyticsAgent = z.infer<typeof analyticsAgentSchema>;

export const analyticsResponseSchema = z.object({
  from: daySchema,
  to: daySchema,
  siteKey: z.string().nullable(),
  topic: z.string().nullable(),
  volume: z.array(z.object({ day: daySchema, conversations: count, customerMessages: count })),
  automation: z.object({
    conversations: count,
    /** Closed, or still with the bot, with no agent message: resolved (or left) without a person. */
    automated: count,
    escalated: count,
    automatedRate: rate,
    escalationRate: rate,
  }),
  escalationsByDay: z.array(z.object({ day: daySchema, escalations: count })),
  escalationsByReason: z.array(z.object({ reason: escalationSignalSchema, count })),
  escalationsByTopic: z.array(z.object({ topic: z.string(), count })),
  /** Per day and topic; days and topics with none left out. */
  escalationsByDayAndTopic: z.array(z.object({ day: daySchema, topic: z.string(), count })),
  topEscalatedQuestions: z.array(z.object({ question: z.string(), count, examples: z.array(z.string()) })),
  speed: z.object({
    firstReply: durationFigureSchema,
    takeover: durationFigureSchema,
    handle: durationFigureSchema,
  }),
  /** `measured`: how many of each carry a time (work done before the console measured it has none). */
  expertTime: z.object({
    correctionMs: z.number().min(0),
    corrections: count,
    measured: count,
    draftMs: z.number().min(0),
    draftsApproved: count,
    draftsMeasured: count,
    reviewMs: z.number().min(0),
    reviews: count,
    reviewsMeasured: count,
  }),
  drafts: z.object({ approved: count, edited: count, rejected: count }),
  correctionsByTopic: z.array(z.object({ topic: z.string(), count })),
  correctionsByReason: z.array(z.object({ reason: correctionReasonSchema, count })),
  agreement: z.object({ agreed: count, edited: count, disagreed: count, rate }),
  satisfaction: z.object({
    bot: z.object({ ratings: count, average: z.number().nullable() }),
    agent: z.object({ ratings: count, average: z.number().nullable() }),
  }),
  learning: z.object({
    byDay: z.array(
      z.object({ day: daySchema, reviewed: count, right: count, accuracy: rate, approvedCorrections: count }),
    ),
    byTopic: z.array(z.object({ topic: z.string(), reviewed: count, right: count, accuracy: rate })),
  }),
  reliability: z.object({
    bins: z.array(reliabilityBinSchema),
    targetAccuracy: z.number(),
    /** The lowest answer threshold whose reviewed answers reach the target; null when none does. */
    threshold: z.number().nullable(),
    answeredAccuracy: rate,
    reviews: count,
  }),
  agents: z.array(analyticsAgentSchema),
  /** What the filters offer: every site key, and the topics of the knowledge base and of these figures. */
  options: z.object({ siteKeys: z.array(z.string()), topics: z.array(z.string()) }),
});
export type AnalyticsResponse = z.infer<typeof analyticsResponseSchema>;
