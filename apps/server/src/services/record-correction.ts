import type { Agent, Correction, CorrectionReason } from '@hitl/shared/models';
import { createId } from '../lib/ids';
import type { NewCorrection } from '../store/store';
import { DomainError } from './domain-error';
import { newCorrection, readCorrectionContext } from './new-correction';
import { auditOnce, runOperation } from './operations/pending-operations';
import { authorOf, type ServiceContext } from './service-context';
import { settleReviewItemOf } from './settle-review-item';
import { eventIdFor, recordEvent } from './timeline/record-event';

export interface CorrectionInput {
  messageId: string;
  correctedText: string;
  reasons: CorrectionReason[];
  note?: string | null | undefined;
  timeSpentMs?: number | null | undefined;
}

export interface CorrectionOptions {
  /**
   * Runs once the correction is checked and built, before it is stored; when it throws, nothing is stored.
   * The review-later list claims its item here, so that of two agents only the winner records a correction.
   */
  beforeStore?: (correction: NewCorrection) => Promise<void>;
}

/** An agent marks a bot reply as wrong and writes the right one; stored with its full provenance. */
export async function recordCorrection(
  ctx: ServiceContext,
  agent: Agent,
  input: CorrectionInput,
  options: CorrectionOptions = {},
): Promise<Correction> {
  const message = await ctx.store.getMessage(input.messageId);
  if (!message) throw new DomainError('not_found', 'No such message.');
  if (message.role !== 'bot' || !message.bot)
    throw new DomainError('invalid_state', 'Only bot replies can be corrected.');
  if (message.correctionId) throw new DomainError('conflict', 'This reply has already been corrected.');

  const prepared = newCorrection(ctx, {
    conversationId: message.conversationId,
    messageId: message.id,
    context: await readCorrectionContext(ctx, message),
    original: message,
    correctedText: input.correctedText,
    // A withheld (internal) reply was a draft the customer never saw; a public one was sent.
    kind: message.visibility === 'internal' ? 'edited_draft' : 'rewritten_reply',
    reasons: input.reasons,
    note: input.note ?? null,
    agent,
    timeSpentMs: input.timeSpentMs ?? null,
  });
  await options.beforeStore?.(prepared);
  const payload: CorrectionPayload = {
    correction: prepared,
    agent,
    // The review-later list claimed its own item already; any other path closes the item it leaves behind.
    settleReviewItem: !options.beforeStore,
    auditId: createId('aud'),
  };
  return runOperation(ctx, 'record_correction', payload, async () => {
    await ctx.store.createCorrection(prepared);
    ctx.faults.reached('record_correction:created');
    return () => finishCorrection(ctx, payload);
  });
}

export interface CorrectionPayload {
  correction: NewCorrection;
  agent: Agent;
  settleReviewItem: boolean;
  auditId: string;
}

/** The steps after a correction is stored, each at most once: link it to the reply, settle, audit, tell. */
export async function finishCorrection(ctx: ServiceContext, payload: CorrectionPayload): Promise<Correction> {
  const correction = await ctx.store.getCorrection(payload.correction.id);
  if (!correction) throw new Error(`correction ${payload.correction.id} vanished`);
  const alreadyLinked = (await ctx.store.getMessage(correction.messageId))?.correctionId === correction.id;
  if (!alreadyLinked) await ctx.store.setMessageCorrection(correction.messageId, correction.id);
  if (payload.settleReviewItem)
    await settleReviewItemOf(ctx, payload.agent, correction.messageId, correction.id);
  await auditOnce(ctx, {
    id: payload.auditId,
    actor: authorOf(payload.agent),
    action: 'correction.created',
    target: correction.id,
    data: { messageId: correction.messageId, kind: correction.kind, reasons: correction.reasons },
    at: correction.createdAt,
  });
  await recordEvent(ctx, {
    id: eventIdFor(payload.auditId),
    conversationId: correction.conversationId,
    kind: 'corrected',
    actor: authorOf(payload.agent),
    at: correction.createdAt,
    messageId: correction.messageId,
    correctionId: correction.id,
  });
  if (!alreadyLinked) ctx.notifier.correctionCreated(correction);
  return correction;
}
