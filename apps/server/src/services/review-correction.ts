import type { Agent, Correction, ReviewStatus } from '@hitl/shared/models';
import { editDistance } from '../domain/edit-distance';
import { createId } from '../lib/ids';
import { StoreConflictError } from '../store/store-errors';
import { assertPermitted } from './auth/assert-permitted';
import { DomainError } from './domain-error';
import { authorOf, nowIso, type ServiceContext } from './service-context';
import { teachResponder } from './teach-responder';

export interface ReviewInput {
  status: 'approved' | 'rejected';
  note?: string | null | undefined;
  correctedText?: string | undefined;
  /** The review status the reviewer saw; when the correction has another now, nothing is written. */
  expectedStatus?: ReviewStatus | undefined;
  /** How long the reviewer spent on it, measured by the console. */
  timeSpentMs?: number | null | undefined;
}

/**
 * A second person approves or rejects a correction. Approved corrections are taught to the
 * responder at once, so the bot answers the corrected question rightly without a restart.
 */
export async function reviewCorrection(
  ctx: ServiceContext,
  reviewer: Agent,
  correctionId: string,
  input: ReviewInput,
): Promise<Correction> {
  assertPermitted(reviewer, 'correction.review');
  const correction = await ctx.store.getCorrection(correctionId);
  if (!correction) throw new DomainError('not_found', 'No such correction.');
  if (correction.agent.id === reviewer.id)
    throw new DomainError('forbidden', "You can't review your own correction.");

  if (input.expectedStatus !== undefined && input.expectedStatus !== correction.review.status) {
    throw alreadyReviewed(correction);
  }

  const text = input.correctedText;
  const edited = text !== undefined && text !== correction.correctedText;
  if (edited && input.status === 'rejected')
    throw new DomainError('invalid_payload', 'An edited text can only be approved, not rejected.');

  const at = nowIso(ctx);
  const reviewed = await ctx.store
    .reviewCorrection(correctionId, {
      status: input.status,
      reviewer: authorOf(reviewer),
      at,
      note: input.note ?? null,
      edited,
      timeSpentMs: input.timeSpentMs ?? null,
      // The edit distance stays measured from the bot's original reply to the text that is kept.
      ...(edited ? { correctedText: text, editDistance: editDistance(correction.original.text, text) } : {}),
      // Written only over what was read here: a review that landed meanwhile is not overwritten.
      unchanged: { reviewedAt: correction.review.at, correctedText: correction.correctedText },
    })
    .catch(async (error: unknown) => {
      if (!(error instanceof StoreConflictError)) throw error;
      const now = await ctx.store.getCorrection(correctionId);
      throw alreadyReviewed(now ?? correction);
    });
  if (!reviewed) throw new DomainError('not_found', 'No such correction.');
  await ctx.store.appendAudit({
    id: createId('aud'),
    actor: authorOf(reviewer),
    action: `correction.${input.status}`,
    target: correctionId,
    data: { note: input.note ?? null, edited },
    at,
  });
  if (reviewed.review.status === 'approved') await teachResponder(ctx, reviewed);
  return reviewed;
}

function alreadyReviewed(correction: Correction): DomainError {
  const { status, reviewer } = correction.review;
  const by = reviewer ? ` by ${reviewer.name}` : '';
  return new DomainError(
    'conflict',
    status === 'pending'
      ? 'This correction changed since you opened it. Reload it and review again.'
      : `This correction was already ${status}${by}. Reload it to see the review.`,
  );
}
