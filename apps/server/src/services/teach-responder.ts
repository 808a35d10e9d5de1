import type { Correction } from '@hitl/shared/models';
import type { Responder } from '../responder/responder';
import type { RetrainScheduler } from './retrain-scheduler';

/**
 * Teaches the responder an approved correction: the question is the last customer turn before the
 * corrected reply, the answer the corrected text. The one path every approved correction takes, at
 * review time and when the server starts; with a scheduler, enough of them start a retrain.
 */
export async function teachResponder(
  ctx: {
    responder: Pick<Responder, 'learn'>;
    retrainScheduler?: Pick<RetrainScheduler, 'correctionLearned'> | null;
  },
  correction: Pick<Correction, 'id' | 'context' | 'correctedText'>,
): Promise<void> {
  const question = [...correction.context].reverse().find((t) => t.role === 'customer');
  if (!question) return;
  await ctx.responder.learn({ id: correction.id, question: question.text, answer: correction.correctedText });
  ctx.retrainScheduler?.correctionLearned();
}
