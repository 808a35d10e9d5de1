import type { DurationFigure } from '@hitl/shared/analytics';
import type { CorrectionReason, EscalationSignal } from '@hitl/shared/models';

/** What `Store.analyticsFigures` counts over: instants `from` (inclusive) to `to` (exclusive). */
export interface AnalyticsFilter {
  from: string;
  to: string;
  /** The UTC days of the range, `YYYY-MM-DD`, oldest first: every series has one entry per day. */
  days: readonly string[];
  siteKey?: string;
  /** Narrows the figures that have a topic (escalations, drafts, corrections, reviewed answers). */
  topic?: string;
  /** How many escalated questions to return, newest first. */
  questionLimit: number;
}

/** The key figures without a topic are counted under. */
export const NO_TOPIC = 'unknown';

/**
 * The analytics page's figures as the store computes them, in the database (SQL in SQLite, aggregation
 * pipelines and counts in MongoDB). Rates, grouping of questions and the threshold are derived from these by
 * the service. Lists are ordered by count (descending), then key, ascending; series by day.
 */
export interface AnalyticsFigures {
  /** Conversations started and customer messages sent, per day. */
  volume: { day: string; conversations: number; customerMessages: number }[];
  /** Of the conversations started in the range. */
  automation: { conversations: number; automated: number; escalated: number };
  escalationsByDay: { day: string; escalations: number }[];
  escalationsByReason: { reason: EscalationSignal; count: number }[];
  escalationsByTopic: { topic: string; count: number }[];
  /** Escalations per day and topic, days with none left out; by day, then topic. */
  escalationsByDayAndTopic: { day: string; topic: string; count: number }[];
  /** The customer's words when the conversation escalated, newest first. */
  escalatedQuestions: string[];
  /** From escalation (or return to the queue) to an agent's claim. */
  takeover: DurationFigure;
  /** Conversations started in the range: from the start to the first public answer (the bot's or an agent's). */
  firstReply: DurationFigure;
  /** From an agent getting a conversation (claim, transfer to them) to it leaving them. */
  handle: DurationFigure;
  /**
   * Time people spent, measured by the console: corrections written in the range (drafts edited or rejected
   * are corrections, counted here), drafts held in the range and approved as they were, and corrections
   * reviewed in the range. `measured`: how many of them carry a time.
   */
  expertTime: {
    correctionMs: number;
    corrections: number;
    measured: number;
    draftMs: number;
    draftsApproved: number;
    draftsMeasured: number;
    reviewMs: number;
    reviews: number;
    reviewsMeasured: number;
  };
  /** Drafts held in the range, by the review decision. */
  drafts: { approved: number; edited: number; rejected: number };
  correctionsByTopic: { topic: string; count: number }[];
  correctionsByReason: { reason: CorrectionReason; count: number }[];
  /** Corrections written in the range and reviewed: approved as written, approved with edits, rejected. */
  agreement: { agreed: number; edited: number; disagreed: number };
  /** Ratings of conversations started in the range, by who resolved them (bot: no agent message). */
  satisfaction: { bot: RatingTally; agent: RatingTally };
  /** Reviews in the range: answers marked right, approved corrections of bot answers. */
  learningByDay: { day: string; reviewed: number; right: number; approvedCorrections: number }[];
  learningByTopic: { topic: string; reviewed: number; right: number }[];
  /** Reviewed answers in the range by stated confidence, in hundredths (0–100; 0.845 is in 84). */
  confidenceHistogram: { hundredth: number; answers: number; right: number }[];
  agents: AgentFigures[];
}

export interface RatingTally {
  ratings: number;
  sum: number;
}

export interface AgentFigures {
  agentId: string;
  /** Conversations this agent got (claims and transfers to them). */
  conversations: number;
  handleMs: number;
  correctionsWritten: number;
  correctionMs: number;
  correctionsReviewed: number;
  /** Time spent reviewing corrections and approving drafts (as far as measured). */
  reviewMs: number;
  draftsReviewed: number;
  draftMs: number;
  ratings: number;
  ratingSum: number;
}

/** An agent's figures before anything is counted for them (both adapters add to these). */
export function emptyAgentFigures(agentId: string): AgentFigures {
  return {
    agentId,
    conversations: 0,
    handleMs: 0,
    correctionsWritten: 0,
    correctionMs: 0,
    correctionsReviewed: 0,
    reviewMs: 0,
    draftsReviewed: 0,
    draftMs: 0,
    ratings: 0,
    ratingSum: 0,
  };
}

/** Nearest-rank percentile position (0-based) among `count` values sorted ascending. */
export function percentileOffset(count: number, p: number): number {
  return Math.max(0, Math.ceil(p * count) - 1);
}

/** Orders a tally as the port promises: by count, descending, then key. */
export function byCountThenKey<T extends { count: number }>(key: (row: T) => string) {
  return (a: T, b: T) => b.count - a.count || key(a).localeCompare(key(b));
}
