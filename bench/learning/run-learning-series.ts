import type { Article } from '../../apps/server/src/knowledge/knowledge-base';
import { silentLogger } from '../../apps/server/src/lib/logger';
import {
  type RetrainReport,
  startThreadedOfflineResponder,
} from '../../apps/server/src/responder/threaded-offline-responder';
import { createRetrainScheduler } from '../../apps/server/src/services/retrain-scheduler';
import { teachResponder } from '../../apps/server/src/services/teach-responder';
import { accuracyOf, type Evaluation, evaluateResponder } from '../routing/evaluate-responder';
import type { LabelledQuestion } from '../routing/load-banking77';
import {
  type CorrectionMode,
  type CurvePoint,
  isCorrected,
  type StreamOutcome,
  summarizeRound,
} from './learning-rounds';

export interface LearningSeriesOptions {
  articles: Article[];
  rounds: readonly (readonly LabelledQuestion[])[];
  test: readonly LabelledQuestion[];
  mode: CorrectionMode;
  /** Questions answered below it are escalated (and corrected). */
  threshold: number;
  /** The server's RETRAIN_AFTER_CORRECTIONS. */
  retrainAfter: number;
  /** Correction counts at which the test set is measured too, inside a round. */
  checkpoints: readonly number[];
  onPoint?: (point: CurvePoint) => void;
}

export interface LearningSeriesResult {
  curve: CurvePoint[];
  /** The test set answered by the last model. */
  final: Evaluation[];
  retrains: RetrainReport[];
}

/**
 * Streams the rounds through the product's responder (the offline model in its worker thread): each
 * question is answered, and those the mode corrects are taught with their true intent through
 * `teachResponder`, the path of an approved correction, with the server's retrain scheduler.
 */
export async function runLearningSeries(options: LearningSeriesOptions): Promise<LearningSeriesResult> {
  const responder = await startThreadedOfflineResponder({ articles: options.articles });
  const retrainScheduler = createRetrainScheduler({
    responder,
    after: options.retrainAfter,
    logger: silentLogger,
  });
  const retrains: RetrainReport[] = [];
  let failure: Error | null = null;
  retrainScheduler.onEvent((event) => {
    if (event.type === 'finished') retrains.push(event.report);
    if (event.type === 'failed') failure = event.error;
  });
  const curve: CurvePoint[] = [];
  const push = (point: CurvePoint) => {
    curve.push(point);
    options.onPoint?.(point);
  };
  const measure = async () => accuracyOf(await evaluateResponder(responder, options.test));
  let streamed = 0;
  let corrections = 0;
  try {
    push({
      round: 0,
      streamed,
      corrections,
      testAccuracy: await measure(),
      escalatedShare: null,
      answeredAccuracy: null,
    });
    for (const [index, round] of options.rounds.entries()) {
      const before = { streamed, corrections };
      const outcomes: StreamOutcome[] = [];
      for (const item of round) {
        const answer = await responder.answer({
          conversationId: `stream-${streamed}`,
          question: item.question,
          history: [],
        });
        streamed++;
        const outcome = {
          escalated: answer.confidence < options.threshold,
          correct: answer.text === item.intent,
        };
        outcomes.push(outcome);
        if (!isCorrected(options.mode, outcome)) continue;
        corrections++;
        await teachResponder(
          { responder, retrainScheduler },
          {
            id: `correction-${corrections}`,
            context: [{ role: 'customer', text: item.question }],
            correctedText: item.intent,
          },
        );
        // Waiting for a retrain that just started keeps runs reproducible: the bench streams questions far
        // faster than customers write, so without it the swap would land at a different question each run.
        await retrainScheduler.idle();
        if (failure !== null) throw failure;
        if (options.checkpoints.includes(corrections))
          push({
            round: index + 1,
            streamed,
            corrections,
            testAccuracy: await measure(),
            escalatedShare: null,
            answeredAccuracy: null,
          });
      }
      push(summarizeRound(index + 1, outcomes, before, options.mode, await measure()));
    }
    const final = await evaluateResponder(responder, options.test);
    return { curve, final, retrains };
  } finally {
    retrainScheduler.stop();
    await responder.close();
  }
}
