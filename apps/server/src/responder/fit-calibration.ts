import { type CalibrationParameters, calibrationLogit, defaultCalibration } from './calibrate-confidence';

/** A ranked class, as far as calibration needs it. */
export interface LabelScore {
  label: string;
  score: number;
}

/** Anything that can rank its own training examples as if unseen (see `SimilarityClassifier`). */
export interface HeldOutRanker {
  readonly size: number;
  rankHeldOut(
    example: number,
    nearestHidden?: number,
  ): {
    label: string;
    ranked: LabelScore[];
    /**
     * The ranking had the example's answer and the `nearestHidden` answers ranked closest to it never been
     * learned; by default `ranked` without them.
     */
    withoutAnswer?: LabelScore[];
  };
}

/** One held-out prediction: the scores the responder would see and whether its answer was right. */
export interface CalibrationSample {
  best: number;
  runnerUp: number;
  correct: boolean;
  weight: number;
}

export interface FitCalibrationOptions {
  /** The answer text a class gives; classes with the same text are not rivals. */
  answerOf: (label: string) => string | undefined;
  /** Most training examples to replay; sampled evenly so big training sets stay fast. */
  maxQueries?: number;
  /**
   * Weight of the "no right answer" samples relative to the held-out ones: roughly how often customers ask
   * something the model has no answer for, compared with something it has.
   */
  unanswerableWeight?: number;
  /**
   * How many of the answers nearest to a replayed example are hidden along with its own to make a "no
   * right answer" sample (default 0: only its own). A question no article answers is usually far from
   * every article; with only its own answer hidden, the nearest remaining one is often a sibling topic, and
   * such samples look like ambiguous answerable questions, which would lower every confidence instead of
   * only those of questions that resemble nothing the model knows.
   */
  hiddenNeighbours?: number;
  /** Pull towards `prior`, in samples' worth; keeps small or odd training sets from extreme fits. */
  priorStrength?: number;
  prior?: CalibrationParameters;
}

/**
 * Fits the confidence mapping on the training data itself. Each replayed example is ranked as if unseen
 * (leave-one-out), giving a sample that is right or wrong, and ranked once more with its whole class
 * hidden together with the answers nearest to it (`hiddenNeighbours`), giving a sample where no right
 * answer exists, like an off-topic question. A two-feature logistic regression (best score, capped
 * margin) is then fitted by Newton's method with a Gaussian prior centred on `prior`, so it cannot wander
 * far when the data says little.
 */
export function fitCalibration(
  classifier: HeldOutRanker,
  options: FitCalibrationOptions,
): CalibrationParameters {
  const prior = options.prior ?? defaultCalibration;
  const samples = collectCalibrationSamples(classifier, options);
  const positives = samples.filter((sample) => sample.correct).length;
  if (positives < 10 || samples.length - positives < 10) return prior;
  return fitLogistic(samples, prior, options.priorStrength ?? 20);
}

export function collectCalibrationSamples(
  classifier: HeldOutRanker,
  options: FitCalibrationOptions,
): CalibrationSample[] {
  const unanswerableWeight = options.unanswerableWeight ?? 0.5;
  const hiddenNeighbours = options.hiddenNeighbours ?? 0;
  const stride = Math.max(1, Math.ceil(classifier.size / (options.maxQueries ?? 300)));
  const samples: CalibrationSample[] = [];
  for (let example = 0; example < classifier.size; example += stride) {
    const { label, ranked, withoutAnswer } = classifier.rankHeldOut(example, hiddenNeighbours);
    const answer = options.answerOf(label);
    const seen = scoresFor(ranked, options.answerOf);
    if (seen !== undefined) {
      const correct = options.answerOf(seen.label) === answer;
      samples.push({ best: seen.best, runnerUp: seen.runnerUp, correct, weight: 1 });
    }
    const hidden = scoresFor(
      withoutAnswer ?? withoutNearest(ranked, answer, hiddenNeighbours, options.answerOf),
      options.answerOf,
    );
    if (hidden !== undefined) {
      samples.push({
        best: hidden.best,
        runnerUp: hidden.runnerUp,
        correct: false,
        weight: unanswerableWeight,
      });
    }
  }
  return samples;
}

/** `ranked` without the answer `answer` and the `count` other answers ranked highest. */
function withoutNearest(
  ranked: LabelScore[],
  answer: string | undefined,
  count: number,
  answerOf: (label: string) => string | undefined,
): LabelScore[] {
  const hidden = new Set([answer]);
  for (const score of ranked) {
    if (hidden.size > count) break;
    hidden.add(answerOf(score.label));
  }
  return ranked.filter((score) => !hidden.has(answerOf(score.label)));
}

/** Best score and the score of the best class giving a different answer, as the responder computes them. */
function scoresFor(
  ranked: LabelScore[],
  answerOf: (label: string) => string | undefined,
): { label: string; best: number; runnerUp: number } | undefined {
  const best = ranked[0];
  if (best === undefined) return undefined;
  const answer = answerOf(best.label);
  const rival = ranked.find((score) => answerOf(score.label) !== answer);
  return { label: best.label, best: best.score, runnerUp: rival?.score ?? 0 };
}

function fitLogistic(
  samples: CalibrationSample[],
  prior: CalibrationParameters,
  priorStrength: number,
): CalibrationParameters {
  const mean = [prior.similarityWeight, prior.marginWeight, prior.bias];
  const theta = [...mean];
  const features = samples.map((sample) => [
    sample.best,
    Math.min(Math.max(sample.best - sample.runnerUp, 0), prior.marginCap),
    1,
  ]);
  // Ridge towards the prior; 0.01 per unit of strength is about what one sample adds to the curvature.
  const precision = priorStrength * 0.01;
  for (let iteration = 0; iteration < 25; iteration++) {
    const gradient = theta.map((value, i) => precision * (value - mean[i]!));
    const hessian = [0, 1, 2].map((i) => [0, 1, 2].map((j) => (i === j ? precision : 0)));
    samples.forEach((sample, n) => {
      const x = features[n]!;
      const p = 1 / (1 + Math.exp(-(theta[0]! * x[0]! + theta[1]! * x[1]! + theta[2]!)));
      const residual = sample.weight * (p - (sample.correct ? 1 : 0));
      const curvature = sample.weight * p * (1 - p);
      for (let i = 0; i < 3; i++) {
        gradient[i]! += residual * x[i]!;
        for (let j = 0; j < 3; j++) hessian[i]![j]! += curvature * x[i]! * x[j]!;
      }
    });
    const step = solve3(hessian, gradient);
    if (step === undefined) break;
    for (let i = 0; i < 3; i++) theta[i]! -= step[i]!;
    if (Math.hypot(...step) < 1e-6) break;
  }
  const fitted: CalibrationParameters = {
    // Confidence must rise with similarity and with margin, whatever a skewed sample suggests.
    similarityWeight: Math.max(theta[0]!, 1),
    marginWeight: Math.max(theta[1]!, 1),
    bias: theta[2]!,
    marginCap: prior.marginCap,
  };
  return Number.isFinite(calibrationLogit(0.5, 0.25, fitted)) ? fitted : prior;
}

/** Solves the 3×3 system A·x = b by Cramer's rule; undefined when A is singular. */
function solve3(a: number[][], b: number[]): number[] | undefined {
  const det = (m: number[][]): number =>
    m[0]![0]! * (m[1]![1]! * m[2]![2]! - m[1]![2]! * m[2]![1]!) -
    m[0]![1]! * (m[1]![0]! * m[2]![2]! - m[1]![2]! * m[2]![0]!) +
    m[0]![2]! * (m[1]![0]! * m[2]![1]! - m[1]![1]! * m[2]![0]!);
  const d = det(a);
  if (Math.abs(d) < 1e-12) return undefined;
  return [0, 1, 2].map(
    (column) => det(a.map((row, i) => row.map((value, j) => (j === column ? b[i]! : value)))) / d,
  );
}
