import { JArray, JTuple, type ElementType, type Value } from '../../model/index.js';
import type { Real } from '../../ad/index.js';
import { fail } from './errors.js';

/**
 * Array kinds that Julia keeps as distinct types and whose difference shows in results. They are
 * JArrays with dense elements, so every generic array operation applies to them unchanged.
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
 * Up to this size the dense entries are cheaper to fill than a lazy accessor: defining a property on an
 * instance costs more than filling a 32 × 32 array and makes every `.data` read of it slow, and
 * `Diagonal(σ .^ 2)` is built at every evaluation of a model like eight schools.
 */
const EAGER_SIZE = 32;

/**
 * `Diagonal(v)`: the diagonal kept so consumers (MvNormal, logdet, `\`) can use the structure, the
 * dense elements made only when something reads them as an array: `MvNormal(μ, Diagonal(σ.^2))` over
 * a thousand observations would otherwise fill a million zeros at every evaluation (6 ms of a log
 * density whose likelihood takes microseconds). Frozen because writing off the diagonal is an error in
 * Julia; the evaluator's copy-before-assignment then yields a plain matrix, which is what a user who
 * writes into it wants.
 */
export class DiagonalMatrix extends JArray {
  constructor(readonly diagonal: Value[]) {
    const n = diagonal.length;
    super([n, n], n <= EAGER_SIZE ? denseDiagonal(diagonal) : [], 'float');
    this.frozen = true;
    if (n <= EAGER_SIZE) return;
    let dense: Value[] | undefined;
    Object.defineProperty(this, 'data', { enumerable: true, get: () => (dense ??= denseDiagonal(diagonal)) });
  }
}

/** λ on the diagonal of an n×n matrix: LinearAlgebra's `I(n)` (λ I)(n) and PDMats' `ScalMat(n, λ)`. */
export function scaledIdentity(n: number, lambda: Real, what: string): DiagonalMatrix {
  if (n < 0) fail(`${what}: the size cannot be negative, got ${n}`);
  return new DiagonalMatrix(new Array<Real>(n).fill(lambda));
}

function denseDiagonal(diagonal: readonly Value[]): Value[] {
  const n = diagonal.length;
  const data: Value[] = new Array<Value>(n * n).fill(0);
  for (let i = 0; i < n; i++) data[i + i * n] = diagonal[i]!;
  return data;
}

/** `CartesianIndex(i, j)`: a tuple of integers that indexes several dimensions at once. */
export class CartesianIndex extends JTuple {
  constructor(readonly indices: number[]) {
    super(indices);
  }
}
