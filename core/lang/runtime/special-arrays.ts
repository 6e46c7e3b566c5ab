import { JArray, JTuple, type ElementType, type Value } from '../../model/index.js';

/**
 * Array kinds that Julia keeps as distinct types and whose difference shows in results. They are
 * dense JArrays underneath, so every generic array operation applies to them unchanged.
 */

/** `x'` of a vector: a 1×n matrix, except that `x' * y` is a scalar and `(x')'` is the vector again. */
export class RowVector extends JArray {
  constructor(data: (Value | undefined)[], eltype: ElementType = 'any') {
    super([1, data.length], data, eltype);
  }

  override copy(): RowVector {
    return new RowVector(this.data.slice(), this.eltype);
  }
}

/**
 * `Diagonal(v)`: stored dense, with the diagonal kept so consumers (MvNormal, logdet, `\`) can use the
 * structure. Frozen because writing off the diagonal is an error in Julia; the evaluator's
 * copy-before-assignment then yields a plain matrix, which is what a user who writes into it wants.
 */
export class DiagonalMatrix extends JArray {
  constructor(readonly diagonal: Value[]) {
    const n = diagonal.length;
    const data: Value[] = new Array<Value>(n * n).fill(0);
    for (let i = 0; i < n; i++) data[i + i * n] = diagonal[i]!;
    super([n, n], data, 'float');
    this.frozen = true;
  }
}

/** `CartesianIndex(i, j)`: a tuple of integers that indexes several dimensions at once. */
export class CartesianIndex extends JTuple {
  constructor(readonly indices: number[]) {
    super(indices);
  }
}
