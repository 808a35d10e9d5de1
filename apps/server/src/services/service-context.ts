import type { Agent, Author } from '@hitl/shared/models';
import type { EscalationPolicy } from '../domain/escalation';
import type { SentimentMemo } from '../domain/signals/sentiment-memo';
import type { Clock } from '../lib/clock';
import type { Faults } from '../lib/faults';
import type { KeyedQueue } from '../lib/keyed-queue';
import type { Logger } from '../lib/logger';
import type { Mailer } from '../mail/mailer';
import type { Responder } from '../responder/responder';
import type { Store } from '../store/store';
import type { Notifier } from './notifier';
import type { PolicyState } from './policy-state';
import type { QueueUpdates } from './queue/queue-updates';
import type { RateLimits } from './rate-limits';

import type { RetrainScheduler } from './retrain-scheduler';
import type { SiteKeyDirectory } from './site-keys/site-key-directory';

/** What every use case may call. Built once by `createApp`. */
export interface ServiceContext {
  store: Store;
  responder: Responder;
  /** Retrains the responder after enough approved corrections; null when it cannot or must not. */
  retrainScheduler: RetrainScheduler | null;
  notifier: Notifier;
  clock: Clock;
  logger: Logger;
  /** Read on every message, so a change applies without a restart. */
  policy(): EscalationPolicy;
  policyState: PolicyState;
  /**
   * Serialises agents' actions on one conversation within this process (claim, hand-back, close, draft
   * reviews, follow-ups), so one node does not race itself. The bot never waits in it: what keeps the bot
   * silent once an agent has the conversation is the store's precondition on the bot's messages.
   */
  conversationQueue: KeyedQueue;
  /**
   * The bot's turns, one at a time per conversation (a turn answers with the earlier turns in its history).
   * Draining it waits for every started turn: shutdown and the tests' `settle` rely on that.
   */
  botTurnQueue: KeyedQueue;
  /** Customer messages' sentiment scores, so each is scored once (at ingest) and not again at every turn. */
  sentiments: SentimentMemo;
  /** Serialises a visitor's sends (so a retried first message cannot open two conversations). */
  visitorQueue: KeyedQueue;
  /** Serialises the knowledge base's reloads, so the responder always ends with the latest articles. */
  knowledgeQueue: KeyedQueue;
  /** Shown to the model in exported datasets. */
  systemPrompt: string;
  /** Where a fault test may kill the process mid-use-case (inert otherwise). */
  faults: Faults;
  /** Login, widget session, message and contact limits (shared by every node through Redis when set). */
  rateLimits: RateLimits;
  /** Sends agents' e-mail replies; null when SMTP_URL is not set (e-mail replies are off). */
  mailer: Mailer | null;
  /** How conversations reach agents (AGENT_MAX_OPEN_CONVERSATIONS, ASSIGNMENT_MODE, …). */
  assignment: AssignmentSettings;
  /** Who e-mail replies come from, and the shop's name they speak for. */
  mail: { from: { name: string | null; address: string }; siteName: string };
  /** The widget's site keys, read from the store at every session and handshake. */
  siteKeys: SiteKeyDirectory;
  /** Tells waiting customers their new place in the queue when it may have changed (debounced per site). */
  queueUpdates: QueueUpdates;
}

export interface AssignmentSettings {
  mode: 'manual' | 'auto';
  /** The most conversations one agent may own at once; null: no limit. */
  maxOpen: number | null;
  /** How long an agent may have no console before their conversations return to the queue. */
  offlineGraceMs: number;
  /** The consoles' idle time before they report their agent away. */
  awayAfterMs: number;
}

export const authorOf = (agent: Agent): Author => ({ id: agent.id, name: agent.name });

export const nowIso = (ctx: Pick<ServiceContext, 'clock'>): string => ctx.clock.now().toISOString();
