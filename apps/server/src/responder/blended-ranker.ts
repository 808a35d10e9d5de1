import { LinearClassifier, type LinearClassifierOptions } from './linear-classifier';
import type { SimilarityClassifier } from './similarity-classifier';
import type { SparseVector } from './sparse-vector';

export interface RankedLabel {
  label: string;
  /** Blend of the similarity score and the linear model's probability, in [0, 1]. */
  score: number;
}

export interface BlendedRankerOptions {
  /** Share of the linear model in the blend. Default 0.5. */
  linearWeight?: number;
  /** Folds the linear model is refitted on to give held-out probabilities for calibration. Default 3. */
  folds?: number;
  linear?: LinearClassifierOptions;
  /** What the linear model sees of a vector (e.g. its dense part weighted differently). Default: the vector. */
  linearInput?: (vector: SparseVector) => SparseVector;
}

/**
 * Ranks answers by blending the similarity classifier (how much a question resembles each class) with a
 * multinomial logistic regression over the same vectors (which class it belongs to).
 *
 * The linear model predicts answer groups (`groupOf`: classes with the same answer text share one); its
 * probability is scaled by the best similarity, so a question resembling nothing stays low however sure
 * the softmax is — that is what keeps off-topic questions escalated. Classes without a group (a learned
 * answer no article gives) score by similarity alone, so a correction wins at once for questions close
 * to it.
 */
export class BlendedRanker {
  private readonly linear = new LinearClassifier();
  /** Linear models that did not see fold f's examples (example i is in fold i mod folds). */
  private readonly foldModels: LinearClassifier[] = [];
  private readonly linearWeight: number;
  private readonly linearInput: (vector: SparseVector) => SparseVector;

  constructor(
    private readonly similarity: SimilarityClassifier,
    private readonly groupOf: (label: string) => number | undefined,
    groupCount: number,
    options: BlendedRankerOptions = {},
  ) {
    this.linearWeight = options.linearWeight ?? 0.5;
    this.linearInput = options.linearInput ?? ((vector) => vector);
    if (groupCount < 2) return;
    const vectors: SparseVector[] = [];
    const groups: number[] = [];
    for (let example = 0; example < similarity.size; example++) {
      const { vector, label } = similarity.example(example);
      vectors.push(this.linearInput(vector));
      groups.push(groupOf(label) ?? -1);
    }
    const known = vectors.map((_, i) => i).filter((i) => groups[i]! >= 0);
    this.linear.fit(
      known.map((i) => vectors[i]!),
      known.map((i) => groups[i]!),
      groupCount,
      options.linear,
    );
    const folds = options.folds ?? 3;
    for (let fold = 0; fold < folds; fold++) {
      const kept = known.filter((i) => i % folds !== fold);
      this.foldModels.push(
        new LinearClassifier().fit(
          kept.map((i) => vectors[i]!),
          kept.map((i) => groups[i]!),
          groupCount,
          options.linear,
        ),
      );
    }
  }

  get size(): number {
    return this.similarity.size;
  }

  rank(query: SparseVector): RankedLabel[] {
    return this.blend(this.similarity.rank(query), this.probabilities(this.linear, query));
  }

  /**
   * Adds a training example in place, to the similarity side only: it counts at once, while the linear
   * model takes it in at the next retrain (single SGD steps on hard, escalated questions were measured to
   * disturb the rest of the model more than they help).
   */
  learn(label: string, vector: SparseVector): void {
    this.similarity.addExample(label, vector);
  }

  /**
   * Ranks training example `example` as if unseen (similarity leave-one-out, linear model of the fold
   * without it), and once more as if its answer and the `nearestHidden` answers it resembles most were
   * all unknown: their groups' probabilities are dropped and the rest renormalised, like a model never
   * trained on that neighbourhood. This is what calibration learns from.
   */
  rankHeldOut(
    example: number,
    nearestHidden = 0,
  ): { label: string; ranked: RankedLabel[]; withoutAnswer: RankedLabel[] } {
    const { label, ranked } = this.similarity.rankHeldOut(example);
    const { vector } = this.similarity.example(example);
    const model = this.foldModels[example % Math.max(1, this.foldModels.length)];
    const probabilities = model === undefined ? undefined : this.probabilities(model, vector);
    const blended = this.blend(ranked, probabilities);
    // An answer is its group, or the label itself for a class without one.
    const answerOf = (name: string): number | string => this.groupOf(name) ?? name;
    const hidden = new Set<number | string>([answerOf(label)]);
    for (const score of blended) {
      if (hidden.size > nearestHidden) break;
      hidden.add(answerOf(score.label));
    }
    const hiddenRanked = ranked.filter((score) => !hidden.has(answerOf(score.label)));
    let hiddenProbabilities = probabilities;
    if (probabilities !== undefined) {
      hiddenProbabilities = probabilities.slice();
      let rest = 1;
      for (const answer of hidden) {
        if (typeof answer !== 'number') continue;
        rest -= hiddenProbabilities[answer]!;
        hiddenProbabilities[answer] = 0;
      }
      if (rest > 0) for (let g = 0; g < hiddenProbabilities.length; g++) hiddenProbabilities[g]! /= rest;
    }
    return { label, ranked: blended, withoutAnswer: this.blend(hiddenRanked, hiddenProbabilities) };
  }

  private probabilities(model: LinearClassifier, query: SparseVector): Float64Array | undefined {
    return model.classes > 0 ? model.predict(this.linearInput(query)) : undefined;
  }

  private blend(
    ranked: readonly { label: string; score: number }[],
    probabilities: Float64Array | undefined,
  ): RankedLabel[] {
    if (probabilities === undefined) return ranked.map(({ label, score }) => ({ label, score }));
    const top = ranked[0]?.score ?? 0;
    const weight = this.linearWeight;
    return ranked
      .map(({ label, score }) => {
        const group = this.groupOf(label);
        const linear = group === undefined ? score : probabilities[group]! * top;
        return { label, score: (1 - weight) * score + weight * linear };
      })
      .sort((a, b) => b.score - a.score);
  }
}
