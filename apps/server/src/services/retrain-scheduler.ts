import type { Logger } from '../lib/logger';
import type { RetrainableResponder, RetrainReport } from '../responder/threaded-offline-responder';
import { ResponderClosedError } from '../responder/threaded-offline-responder';

export type RetrainEvent =
  | { type: 'started'; learnedSinceTraining: number }
  | { type: 'finished'; report: RetrainReport }
  | { type: 'failed'; error: Error };

/** Starts a retrain once enough approved corrections were learned since the last one. */
export interface RetrainScheduler {
  /** Called after each approved correction is learned (see `teachResponder`). */
  correctionLearned(): void;
  /** Resolves once no retrain is running (one that is started meanwhile is waited for too). */
  idle(): Promise<void>;
  /** Calls `listener` with each retrain's start and end; returns the function that removes it. */
  onEvent(listener: (event: RetrainEvent) => void): () => void;
  /** No retrain starts after this; one under way is left to the responder's owner to stop. */
  stop(): void;
}

export interface RetrainSchedulerOptions {
  responder: Pick<RetrainableResponder, 'learnedSinceTraining' | 'retrainInBackground'>;
  /** Learned corrections that start a retrain; 0 never retrains. */
  after: number;
  logger: Logger;
}

/**
 * Counts on the responder's own tally of examples learned since its last full training (so corrections
 * taught at start count too), starts at most one retrain at a time, and looks again when it ends: the
 * corrections learned while it ran may already call for the next one.
 */
export function createRetrainScheduler(options: RetrainSchedulerOptions): RetrainScheduler {
  const { responder, after, logger } = options;
  const listeners = new Set<(event: RetrainEvent) => void>();
  let running: Promise<void> | null = null;
  let stopped = false;
  const emit = (event: RetrainEvent) => {
    for (const listener of listeners) listener(event);
  };

  function check(): void {
    if (stopped || after <= 0 || running !== null) return;
    const learnedSinceTraining = responder.learnedSinceTraining;
    if (learnedSinceTraining < after) return;
    emit({ type: 'started', learnedSinceTraining });
    running = responder.retrainInBackground().then(
      (report) => {
        running = null;
        logger.info(
          {
            version: report.version,
            trainedExamples: report.trainedExamples,
            appliedOnTop: report.appliedOnTop,
            size: report.size,
            durationMs: Math.round(report.durationMs),
          },
          'responder retrained',
        );
        emit({ type: 'finished', report });
        check();
      },
      (cause: unknown) => {
        running = null;
        const error = cause instanceof Error ? cause : new Error(String(cause));
        // Closing the server abandons a retrain under way: not a failure worth an alarm.
        if (!(error instanceof ResponderClosedError))
          logger.error({ err: error }, 'responder retrain failed');
        emit({ type: 'failed', error });
      },
    );
  }

  return {
    correctionLearned: check,
    async idle() {
      while (running !== null) await running;
    },
    onEvent(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    stop() {
      stopped = true;
    },
  };
}
