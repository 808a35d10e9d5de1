import type { PendingOperation } from '../../store/store';
import { type ClaimPayload, finishClaim } from '../claim-conversation';
import { type CorrectionPayload, finishCorrection } from '../record-correction';
import { finishRelease, type ReleasePayload } from '../release-conversation';
import { type DraftReviewPayload, finishDraftReview } from '../review-draft';
import type { ServiceContext } from '../service-context';
import { finishTransfer, type TransferPayload } from '../transfer-conversation';
import type { OperationKind } from './pending-operations';

const BATCH = 200;

/**
 * Finishes the use cases a previous process left half done (it died between their writes): each record
 * says what was decided, and whether its deciding write happened is read from the store. One that never
 * got past its deciding write is dropped: it changed nothing, and its caller had no answer. Runs at
 * start-up, before the server accepts anyone; the steps write at most once, so another node finishing
 * the same record at the same time adds nothing twice.
 */
export async function resumeOperations(ctx: ServiceContext): Promise<{ finished: number; dropped: number }> {
  let finished = 0;
  let dropped = 0;
  const failed = new Set<string>();
  for (;;) {
    const batch = (await ctx.store.listOperations(BATCH + failed.size)).filter((op) => !failed.has(op.id));
    if (batch.length === 0) return { finished, dropped };
    for (const operation of batch) {
      try {
        if (await resumeOne(ctx, operation)) finished++;
        else dropped++;
        await ctx.store.finishOperation(operation.id);
      } catch (err) {
        // Kept for the next start; the others go on.
        failed.add(operation.id);
        ctx.logger.error(
          { err, operation: operation.id, kind: operation.kind },
          'resuming a use case failed',
        );
      }
    }
  }
}

/** True when the operation had decided and is now finished; false when there was nothing to finish. */
async function resumeOne(ctx: ServiceContext, operation: PendingOperation): Promise<boolean> {
  const kind = operation.kind as OperationKind;
  switch (kind) {
    case 'claim': {
      const payload = operation.payload as unknown as ClaimPayload;
      const conversation = await ctx.store.getConversation(payload.conversationId);
      if (conversation?.state !== 'agent' || conversation.assignee?.id !== payload.agent.id) return false;
      await finishClaim(ctx, payload);
      return true;
    }
    case 'transfer': {
      const payload = operation.payload as unknown as TransferPayload;
      const conversation = await ctx.store.getConversation(payload.conversationId);
      if (conversation?.state !== 'agent' || conversation.assignee?.id !== payload.to.id) return false;
      await finishTransfer(ctx, payload);
      return true;
    }
    case 'hand_back': {
      const payload = operation.payload as unknown as ReleasePayload;
      const conversation = await ctx.store.getConversation(payload.conversationId);
      if (conversation?.state !== 'bot' || conversation.botContextFromSeq !== payload.fromSeq) return false;
      await finishRelease(ctx, payload, 'handed_back');
      return true;
    }
    case 'close': {
      const payload = operation.payload as unknown as ReleasePayload;
      const conversation = await ctx.store.getConversation(payload.conversationId);
      // Nothing is appended to a closed conversation but its notice: a later seq is another close's.
      const noticeSaved = (await ctx.store.getMessage(payload.noticeId)) !== null;
      if (conversation?.state !== 'closed' || (conversation.lastSeq !== payload.fromSeq && !noticeSaved))
        return false;
      await finishRelease(ctx, payload, 'closed');
      return true;
    }
    case 'review_draft':
      return (await finishDraftReview(ctx, operation.payload as unknown as DraftReviewPayload)) !== null;
    case 'record_correction': {
      const payload = operation.payload as unknown as CorrectionPayload;
      if (!(await ctx.store.getCorrection(payload.correction.id))) return false;
      await finishCorrection(ctx, payload);
      return true;
    }
    default:
      ctx.logger.warn({ operation: operation.id, kind: operation.kind }, 'unknown use case record dropped');
      return false;
  }
}
