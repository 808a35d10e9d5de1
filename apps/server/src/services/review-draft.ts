import type { DraftResult } from '@hitl/shared/agent-events';
import type { Agent, Conversation, Correction, DraftStatus, Message } from '@hitl/shared/models';
import { botSpeakingStates } from '../domain/conversation';
import { createId } from '../lib/ids';
import { StoreConflictError } from '../store/store-errors';
import { appendBotAndNotify } from './append-and-notify';
import { DomainError } from './domain-error';
import { newCorrection, readCorrectionContext } from './new-correction';
import { auditOnce, runOperation } from './operations/pending-operations';
import { authorOf, type ServiceContext } from './service-context';
import { eventIdFor, recordEvent } from './timeline/record-event';

export type DraftDecision =
  | { kind: 'approve'; timeSpentMs?: number | null | undefined }
  | {
      kind: 'edit' | 'reject';
      text: string;
      reasons: Correction['reasons'];
      note?: string | null | undefined;
      timeSpentMs?: number | null | undefined;
    };

const statusOf: Record<DraftDecision['kind'], DraftStatus> = {
  approve: 'approved',
  edit: 'edited',
  reject: 'rejected',
};

/** Everything the steps after the review need, with their ids chosen beforehand (see `runOperation`). */
export interface DraftReviewPayload {
  draftId: string;
  conversationId: string;
  /** The context boundary the draft was held at: the reply is published only while it still holds. */
  botContextFromSeq: number;
  decision: DraftDecision;
  agent: Agent;
  at: string;
  publishedId: string;
  correctionId: string | null;
  auditId: string;
}

/**
 * An agent reviews a held bot reply in one step: approve sends it as it is; edit sends the agent's
 * version as the assistant's reply; reject sends the agent's own reply instead. Edit and reject are
 * corrections (`edited_draft`, `rejected_draft`). Exactly one of concurrent reviews wins (the store's
 * compare-and-set on the draft), and the reply is published only while the bot still has the
 * conversation (the store's precondition, against a claim on any node): when a person took it over
 * meanwhile, the review is undone and the draft stays unsent. A restart after the review finishes it.
 */
export function reviewDraft(
  ctx: ServiceContext,
  agent: Agent,
  messageId: string,
  decision: DraftDecision,
): Promise<DraftResult> {
  return withDraft(ctx, messageId, async (draft, conversation) => {
    const payload: DraftReviewPayload = {
      draftId: draft.id,
      conversationId: conversation.id,
      botContextFromSeq: conversation.botContextFromSeq,
      decision,
      agent,
      at: ctx.clock.now().toISOString(),
      publishedId: createId('msg'),
      correctionId: decision.kind === 'approve' ? null : createId('cor'),
      auditId: createId('aud'),
    };
    return runOperation(ctx, 'review_draft', payload, async () => {
      const reviewed = await ctx.store.reviewDraft(draft.id, {
        ...(draft.draft ?? { reasons: [] }),
        status: statusOf[decision.kind],
        reviewer: authorOf(agent),
        reviewedAt: payload.at,
        publishedMessageId: payload.publishedId,
        ...(decision.kind === 'approve' && typeof decision.timeSpentMs === 'number'
          ? { timeSpentMs: decision.timeSpentMs }
          : {}),
      });
      if (!reviewed) throw new DomainError('conflict', 'This draft has already been reviewed.');
      ctx.faults.reached('review_draft:reviewed');
      return async () => {
        const result = await finishDraftReview(ctx, payload);
        if (!result) {
          throw new DomainError(
            'invalid_state',
            'A person took the conversation over meanwhile; the draft was not sent.',
          );
        }
        return result;
      };
    });
  });
}

/**
 * The steps after a draft's review, each at most once: publish the reply, record the correction, audit.
 * Null when the reply can no longer be published (the draft is pending again).
 */
export async function finishDraftReview(
  ctx: ServiceContext,
  payload: DraftReviewPayload,
): Promise<DraftResult | null> {
  const draft = await ctx.store.getMessage(payload.draftId);
  if (!draft?.draft || draft.draft.publishedMessageId !== payload.publishedId) return null;
  const published = await publishOnce(ctx, payload, draft);
  if (!published) {
    const reopened = await ctx.store.reopenDraft(draft.id, payload.publishedId);
    const conversation = await ctx.store.getConversation(payload.conversationId);
    if (reopened && conversation) ctx.notifier.messageUpdated(conversation, reopened);
    return null;
  }
  ctx.notifier.messageUpdated(published.conversation, draft);
  ctx.faults.reached('review_draft:published');
  const { decision } = payload;
  const correction =
    decision.kind === 'approve' || payload.correctionId === null
      ? null
      : await recordDraftCorrection(ctx, payload, draft, decision, payload.correctionId);
  await auditOnce(ctx, {
    id: payload.auditId,
    actor: authorOf(payload.agent),
    action: `draft.${statusOf[decision.kind]}`,
    target: draft.id,
    data: {
      conversationId: payload.conversationId,
      publishedMessageId: published.message.id,
      correctionId: correction?.id ?? null,
    },
    at: payload.at,
  });
  await recordEvent(ctx, {
    id: eventIdFor(payload.auditId),
    conversationId: payload.conversationId,
    kind: 'draft_reviewed',
    actor: authorOf(payload.agent),
    at: payload.at,
    decision: statusOf[decision.kind],
    messageId: draft.id,
    ...(correction ? { correctionId: correction.id } : {}),
  });
  return { draft, published: published.message, correction };
}

/** The reply the review sends, under its chosen id, while the bot still has the conversation. */
async function publishOnce(
  ctx: ServiceContext,
  payload: DraftReviewPayload,
  draft: Message,
): Promise<{ message: Message; conversation: Conversation } | null> {
  const existing = await ctx.store.getMessage(payload.publishedId);
  const conversation = await ctx.store.getConversation(payload.conversationId);
  if (existing && conversation) return { message: existing, conversation };
  const { decision, agent } = payload;
  try {
    return await appendBotAndNotify(
      ctx,
      payload.conversationId,
      {
        id: payload.publishedId,
        ...(decision.kind === 'reject'
          ? { role: 'agent' as const, text: decision.text, author: authorOf(agent) }
          : {
              role: 'bot' as const,
              text: decision.kind === 'edit' ? decision.text : draft.text,
              bot: draft.bot,
            }),
      },
      { states: botSpeakingStates, botContextFromSeq: payload.botContextFromSeq },
    );
  } catch (error) {
    if (!(error instanceof StoreConflictError)) throw error;
    const message = await ctx.store.getMessage(payload.publishedId);
    const now = await ctx.store.getConversation(payload.conversationId);
    return message && now ? { message, conversation: now } : null;
  }
}

/** Runs `task` on a pending draft of a conversation still with the bot, inside that conversation's queue. */
async function withDraft<T>(
  ctx: ServiceContext,
  messageId: string,
  task: (draft: Message, conversation: Conversation) => Promise<T>,
): Promise<T> {
  const draft = await ctx.store.getMessage(messageId);
  if (!draft?.draft) throw new DomainError('not_found', 'No such draft.');
  return ctx.conversationQueue.run(draft.conversationId, async () => {
    const conversation = await ctx.store.getConversation(draft.conversationId);
    if (!conversation) throw new DomainError('not_found', 'No such conversation.');
    if (draft.draft?.status !== 'pending')
      throw new DomainError('conflict', 'This draft has already been reviewed.');
    if (conversation.state !== 'bot') {
      throw new DomainError(
        'invalid_state',
        `The conversation is ${conversation.state}; the draft can no longer be sent.`,
      );
    }
    return task(draft, conversation);
  });
}

async function recordDraftCorrection(
  ctx: ServiceContext,
  payload: DraftReviewPayload,
  draft: Message,
  decision: Extract<DraftDecision, { kind: 'edit' | 'reject' }>,
  correctionId: string,
): Promise<Correction> {
  const existing = await ctx.store.getCorrection(correctionId);
  const correction =
    existing ??
    (await ctx.store.createCorrection({
      ...newCorrection(ctx, {
        conversationId: draft.conversationId,
        messageId: draft.id,
        context: await readCorrectionContext(ctx, draft),
        original: draft,
        correctedText: decision.text,
        kind: decision.kind === 'edit' ? 'edited_draft' : 'rejected_draft',
        reasons: decision.reasons,
        note: decision.note ?? null,
        agent: payload.agent,
        timeSpentMs: decision.timeSpentMs ?? null,
      }),
      id: correctionId,
    }));
  await ctx.store.setMessageCorrection(draft.id, correction.id);
  if (!existing) ctx.notifier.correctionCreated(correction);
  return correction;
}
