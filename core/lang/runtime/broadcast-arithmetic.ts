import { ADNum, type BlockOp, type NodeFactory, type Real } from '../../ad/index.js';
import { JArray, type Value } from '../../model/index.js';
import { binaryOp } from './arithmetic.js';
import { realArith } from './scalars.js';
import { broadcast } from './broadcast.js';
import { RowVector } from './special-arrays.js';
import { sameShape } from './shape.js';

/**
 * `a .op b`. When both operands are arrays of numbers of one shape (or one of them a number), the
 * arithmetic operators skip the general broadcast's per-element argument arrays and dispatch: over
 * values of a backend that takes blocks, + − * / are one block for the whole statement (`α .+ X * β`
 * over a thousand observations is one entry on a tape) when they have at least `MIN_BLOCK` elements;
 * otherwise each element is the scalar operation. Anything else is Julia's general broadcast of `op`.
 */
export function broadcastBinary(op: string, a: Value, b: Value): Value {
  return numericElementwise(op, a, b) ?? broadcast((xs) => binaryOp(op, xs[0]!, xs[1]!), [a, b]);
}

const ARITHMETIC = new Set(['+', '-', '*', '/', '^']);

/**
 * A block's setup (its index maps and value buffers, a dozen small typed arrays) costs about as much as
 * a hundred scalar nodes: `sum(X[i, :] .* β)` over the rows of a 1000×25 X took 25 times its log density
 * on the reverse tape as blocks, 7 times as scalar nodes, and its compiled replay was faster too.
 */
export const MIN_BLOCK = 64;

function numericElementwise(op: string, a: Value, b: Value): Value | undefined {
  if (!ARITHMETIC.has(op)) return undefined;
  const xa = elementsOf(a);
  const xb = elementsOf(b);
  if (xa === undefined || xb === undefined) return undefined;
  const arrayA = a instanceof JArray;
  const arrayB = b instanceof JArray;
  if (!arrayA && !arrayB) return undefined;
  if (arrayA && arrayB && !sameShape(a.shape, b.shape)) return undefined;
  const shape = (arrayA ? a : (b as JArray)).shape;
  const count = Math.max(xa.length, xb.length);
  const sa = xa.length === 1 ? 0 : 1;
  const sb = xb.length === 1 ? 0 : 1;
  const backend = op === '^' || count < MIN_BLOCK ? undefined : (blockBackend(xa) ?? blockBackend(xb));
  if (backend !== undefined) {
    const a = distinctInputs(xa);
    const b = distinctInputs(xb);
    const operands = { na: a.inputs.length, ia: a.at, ib: b.at, sa, sb };
    return new JArray(shape, backend.block!([...a.inputs, ...b.inputs], arithmeticOp(op as BlockOperator, operands, count), count), 'float');
  }
  // Every result is a number: its element type needs no look at each element (a twentieth of eight schools' log density).
  const out: Real[] = new Array(count);
  for (let i = 0; i < count; i++) out[i] = realArith(op, xa[i * sa]!, xb[i * sb]!);
  return new JArray(shape, out, 'float');
}

/** The elements of a plain numeric array or a scalar number, or undefined when the fast path does not apply. */
export function elementsOf(v: Value): readonly Real[] | undefined {
  if (typeof v === 'number' || v instanceof ADNum) return [v];
  if (!(v instanceof JArray) || v instanceof RowVector || v.ndims === 0) return undefined;
  for (const x of v.data) if (typeof x !== 'number' && !(x instanceof ADNum)) return undefined;
  return v.data as Real[];
}

export function blockBackend(xs: readonly Real[]): NodeFactory | undefined {
  for (const x of xs) if (typeof x !== 'number') return x.backend.block === undefined ? undefined : x.backend;
  return undefined;
}

/**
 * The distinct values of `xs` in first-seen order (numbers are never merged), and for each element the
 * position of its value among them: `α[g]` over a thousand observations of twenty groups is twenty
 * inputs to copy in and add adjoints to, not a thousand.
 */
export function distinctInputs(xs: readonly Real[]): { inputs: Real[]; at: Int32Array } {
  const positions = new Map<ADNum, number>();
  const inputs: Real[] = [];
  const at = new Int32Array(xs.length);
  for (let i = 0; i < xs.length; i++) {
    const x = xs[i]!;
    let k = typeof x === 'number' ? undefined : positions.get(x);
    if (k === undefined) {
      k = inputs.length;
      inputs.push(x);
      if (typeof x !== 'number') positions.set(x, k);
    }
    at[i] = k;
  }
  return { inputs, at };
}

type BlockOperator = '+' | '-' | '*' | '/';

/**
 * Where element i's operands are among the block's inputs: `ia[i·sa]` for the first (whose inputs come
 * first) and `na + ib[i·sb]` for the second; a stride of 0 repeats a scalar.
 */
interface Operands {
  readonly na: number;
  readonly ia: Int32Array;
  readonly ib: Int32Array;
  readonly sa: number;
  readonly sb: number;
}

/** Element i of the result combines its two operands (see `Operands`); values and adjoints are those of the scalar operations. */
function arithmeticOp(op: BlockOperator, { na, ia, ib, sa, sb }: Operands, count: number): BlockOp {
  switch (op) {
    case '+':
      return {
        linear: true,
        forward(x, out, at) {
          for (let i = 0; i < count; i++) out[at + i] = x[ia[i * sa]!]! + x[na + ib[i * sb]!]!;
        },
        backward(_x, adjoint, at, adjX) {
          if (sa === 0) {
            // `α .+ v`: α's adjoint summed in a local, in the same order, and added once; added through
            // memory at every element, each addition waited on the one before.
            let sum = 0;
            for (let i = 0; i < count; i++) {
              const g = adjoint[at + i]!;
              sum += g;
              adjX[na + ib[i * sb]!]! += g;
            }
            adjX[ia[0]!]! += sum;
            return;
          }
          for (let i = 0; i < count; i++) {
            const g = adjoint[at + i]!;
            adjX[ia[i * sa]!]! += g;
            adjX[na + ib[i * sb]!]! += g;
          }
        },
      };
    case '-':
      return {
        linear: true,
        forward(x, out, at) {
          for (let i = 0; i < count; i++) out[at + i] = x[ia[i * sa]!]! - x[na + ib[i * sb]!]!;
        },
        backward(_x, adjoint, at, adjX) {
          for (let i = 0; i < count; i++) {
            const g = adjoint[at + i]!;
            adjX[ia[i * sa]!]! += g;
            adjX[na + ib[i * sb]!]! -= g;
          }
        },
      };
    case '*':
      return {
        forward(x, out, at) {
          for (let i = 0; i < count; i++) out[at + i] = x[ia[i * sa]!]! * x[na + ib[i * sb]!]!;
        },
        backward(x, adjoint, at, adjX) {
          if (sa === 0) {
            // `σ .* z`: σ's adjoint summed in a local, as for `α .+ v`.
            const a = x[ia[0]!]!;
            let sum = 0;
            for (let i = 0; i < count; i++) {
              const g = adjoint[at + i]!;
              sum += g * x[na + ib[i * sb]!]!;
              adjX[na + ib[i * sb]!]! += g * a;
            }
            adjX[ia[0]!]! += sum;
            return;
          }
          for (let i = 0; i < count; i++) {
            const g = adjoint[at + i]!;
            adjX[ia[i * sa]!]! += g * x[na + ib[i * sb]!]!;
            adjX[na + ib[i * sb]!]! += g * x[ia[i * sa]!]!;
          }
        },
      };
    case '/':
      return {
        forward(x, out, at) {
          for (let i = 0; i < count; i++) out[at + i] = x[ia[i * sa]!]! / x[na + ib[i * sb]!]!;
        },
        backward(x, adjoint, at, adjX) {
          for (let i = 0; i < count; i++) {
            const g = adjoint[at + i]!;
            const d = x[na + ib[i * sb]!]!;
            // The scalar division's partials, multiplied as the other backends multiply them.
            adjX[ia[i * sa]!]! += g * (1 / d);
            adjX[na + ib[i * sb]!]! += g * (-x[ia[i * sa]!]! / (d * d));
          }
        },
      };
  }
}
