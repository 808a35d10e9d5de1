import { describe, expect, it } from 'vitest';
import { SparseRowMatrix } from './sparse-row-matrix';
import type { SparseVector } from './sparse-vector';

const vector = (pairs: Array<[number, number]>): SparseVector => ({
  indices: Int32Array.from(pairs.map(([index]) => index)),
  values: Float32Array.from(pairs.map(([, value]) => value)),
});

const rows = [
  vector([
    [0, 0.5],
    [1, -0.25],
    [2, 0.125],
    [7, 0.5],
  ]),
  vector([
    [0, -0.5],
    [2, 0.75],
    [5, 0.25],
  ]),
  vector([[9, 1]]),
  vector([
    [1, 1],
    [7, -0.5],
  ]),
];
const query = vector([
  [0, 0.5],
  [1, 0.5],
  [2, -0.5],
  [7, 1],
  [9, 0.25],
]);

describe('SparseRowMatrix', () => {
  it('gives the same products with the leading features stored densely', () => {
    const sparse = new SparseRowMatrix();
    const dense = new SparseRowMatrix(3);
    rows.forEach((row, index) => {
      sparse.add(row, index % 2);
      dense.add(row, index % 2);
    });
    expect([...dense.multiply(query).slice(0, rows.length)]).toEqual([
      ...sparse.multiply(query).slice(0, rows.length),
    ]);
    expect([...dense.multiply(query).slice(0, rows.length)]).toEqual([0.5625, -0.625, 0.25, 0]);
    const topSparse = new Float64Array(4);
    const topDense = new Float64Array(4);
    sparse.nearestPerGroup(query, 2, -1, topSparse);
    dense.nearestPerGroup(query, 2, 0, topDense);
    expect([...topSparse]).toEqual([0.5625, 0.25, 0, 0]);
    expect([...topDense]).toEqual([0.25, 0, 0, 0]);
  });
});
