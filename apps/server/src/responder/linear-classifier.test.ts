import { describe, expect, it } from 'vitest';
import { LinearClassifier } from './linear-classifier';
import type { SparseVector } from './sparse-vector';

const vector = (pairs: Array<[number, number]>): SparseVector => ({
  indices: Int32Array.from(pairs.map(([index]) => index)),
  values: Float32Array.from(pairs.map(([, value]) => value)),
});

describe('LinearClassifier', () => {
  const vectors = [
    vector([
      [0, 0.8],
      [1, 0.6],
    ]),
    vector([
      [0, 0.6],
      [2, 0.8],
    ]),
    vector([
      [3, 0.8],
      [4, 0.6],
    ]),
    vector([
      [3, 0.6],
      [5, 0.8],
    ]),
  ];
  const labels = [0, 0, 1, 1];

  it('learns which class a vector belongs to, with probabilities summing to one', () => {
    const model = new LinearClassifier().fit(vectors, labels, 2);
    const first = model.predict(vector([[0, 1]]));
    const second = model.predict(vector([[3, 1]]));
    expect(first[0]).toBeGreaterThan(0.8);
    expect(second[1]).toBeGreaterThan(0.8);
    expect(first[0]! + first[1]!).toBeCloseTo(1, 10);
  });

  it('is reproducible and ignores features it was not trained on', () => {
    const a = new LinearClassifier().fit(vectors, labels, 2).predict(
      vector([
        [1, 0.5],
        [99, 0.5],
      ]),
    );
    const b = new LinearClassifier().fit(vectors, labels, 2).predict(vector([[1, 0.5]]));
    expect(Array.from(a)).toEqual(Array.from(b));
  });

  it('predicts nothing before it is fitted', () => {
    expect(new LinearClassifier().predict(vector([[0, 1]]))).toHaveLength(0);
  });
});
