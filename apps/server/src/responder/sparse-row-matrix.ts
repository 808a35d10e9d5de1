import type { SparseVector } from './sparse-vector';

/**
 * Sparse row vectors, each tagged with a group (its class), stored as an inverted index: for every feature,
 * the rows that have it and their weights. Comparing a question with all rows then only touches the rows
 * sharing a feature with it, which keeps answering fast when there are thousands of examples.
 *
 * Features below `denseDimensions` (a sentence vector's, which every row has) are kept apart in one
 * row-major array instead: posting lists as long as the matrix would only add indirection.
 */
export class SparseRowMatrix {
  private readonly postingRows: number[][] = [];
  private readonly postingValues: number[][] = [];
  private readonly rowGroups: number[] = [];
  private readonly rows: SparseVector[] = [];
  private products = new Float64Array(0);
  private dense = new Float32Array(0);
  private readonly queryDense: Float64Array;

  constructor(private readonly denseDimensions = 0) {
    this.queryDense = new Float64Array(denseDimensions);
  }

  get size(): number {
    return this.rows.length;
  }

  add(vector: SparseVector, group: number): void {
    const row = this.rows.length;
    const d = this.denseDimensions;
    if (d > 0 && this.dense.length < (row + 1) * d) {
      const grown = new Float32Array(Math.max(16, row * 2) * d);
      grown.set(this.dense);
      this.dense = grown;
    }
    for (let i = 0; i < vector.indices.length; i++) {
      const feature = vector.indices[i]!;
      if (feature < d) {
        this.dense[row * d + feature] = vector.values[i]!;
        continue;
      }
      if (this.postingRows[feature] === undefined) {
        this.postingRows[feature] = [];
        this.postingValues[feature] = [];
      }
      this.postingRows[feature]!.push(row);
      this.postingValues[feature]!.push(vector.values[i]!);
    }
    this.rowGroups.push(group);
    this.rows.push(vector);
  }

  row(index: number): SparseVector | undefined {
    return this.rows[index];
  }

  groupOf(row: number): number | undefined {
    return this.rowGroups[row];
  }

  /** Every row's dot product with `query`, in a buffer that the next call overwrites. */
  multiply(query: SparseVector): Float64Array {
    if (this.products.length < this.rows.length) this.products = new Float64Array(this.rows.length * 2);
    const products = this.products;
    products.fill(0, 0, this.rows.length);
    this.multiplyDense(query, products);
    for (let i = 0; i < query.indices.length; i++) {
      if (query.indices[i]! < this.denseDimensions) continue;
      const rows = this.postingRows[query.indices[i]!];
      if (rows === undefined) continue;
      const values = this.postingValues[query.indices[i]!]!;
      const weight = query.values[i]!;
      for (let j = 0; j < rows.length; j++) products[rows[j]!]! += weight * values[j]!;
    }
    return products;
  }

  private multiplyDense(query: SparseVector, products: Float64Array): void {
    const d = this.denseDimensions;
    if (d === 0) return;
    const q = this.queryDense;
    q.fill(0);
    let any = false;
    for (let i = 0; i < query.indices.length; i++) {
      const feature = query.indices[i]!;
      if (feature >= d) continue;
      q[feature] = query.values[i]!;
      any = true;
    }
    if (!any) return;
    const dense = this.dense;
    // Four partial sums keep the loop pipelined (about 1.5 times faster than one here).
    const end = d - (d % 4);
    for (let row = 0; row < this.rows.length; row++) {
      const offset = row * d;
      let s0 = 0;
      let s1 = 0;
      let s2 = 0;
      let s3 = 0;
      for (let k = 0; k < end; k += 4) {
        s0 += q[k]! * dense[offset + k]!;
        s1 += q[k + 1]! * dense[offset + k + 1]!;
        s2 += q[k + 2]! * dense[offset + k + 2]!;
        s3 += q[k + 3]! * dense[offset + k + 3]!;
      }
      for (let k = end; k < d; k++) s0 += q[k]! * dense[offset + k]!;
      products[row] = s0 + s1 + s2 + s3;
    }
  }

  /**
   * Fills `top` (groups × k, each run sorted descending) with every group's k best dot products with
   * `query`. Row `skip` is left out (−1 for none).
   */
  nearestPerGroup(query: SparseVector, k: number, skip: number, top: Float64Array): void {
    const products = this.multiply(query);
    top.fill(0);
    for (let row = 0; row < this.rowGroups.length; row++) {
      const product = products[row]!;
      if (product > 0 && row !== skip) insertTop(top, this.rowGroups[row]! * k, k, product);
    }
  }
}

/** Inserts `value` into the sorted-descending run top[offset … offset+k) if it belongs there. */
function insertTop(top: Float64Array, offset: number, k: number, value: number): void {
  let position = offset + k - 1;
  if (value <= top[position]!) return;
  while (position > offset && top[position - 1]! < value) {
    top[position] = top[position - 1]!;
    position--;
  }
  top[position] = value;
}
