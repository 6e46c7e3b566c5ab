import { nodeByRule, ops, value, type Real } from '../../ad/index.js';
import { JArray, JRange, JTuple, describe, type ElementType, type Value } from '../../model/index.js';
import { fail } from '../runtime/errors.js';
import { binaryOp } from '../runtime/arithmetic.js';
import { realsOf, toInt, toReal } from '../runtime/convert.js';
import { dependsOn } from '../runtime/dependence.js';
import { CartesianIndex } from '../runtime/special-arrays.js';
import { elementTypeOfArray } from '../runtime/types.js';
import { alongDimension, cartesianPosition, isArrayValue, materialize, shapeOfArray } from '../runtime/shape.js';
import { allowKwargs, arg, arity, builtin, type Builtin } from './define.js';
import { reduction } from './reduce.js';

/** Sums, products, extrema, their running forms and diff; every whole-array result is one AD node. */

/** Π xᵢ with the partials Π_{j≠i} xⱼ, from prefix and suffix products so that zeros are fine. */
function product(x: ArrayLike<number>, n: number, p?: Float64Array): number {
  const prefix = new Float64Array(n + 1).fill(1);
  for (let i = 0; i < n; i++) prefix[i + 1] = prefix[i]! * x[i]!;
  if (p !== undefined) {
    let suffix = 1;
    for (let i = n - 1; i >= 0; i--) {
      p[i] = prefix[i]! * suffix;
      suffix *= x[i]!;
    }
  }
  return prefix[n]!;
}

function prodOf(xs: readonly Real[]): Real {
  const n = xs.length;
  if (xs.every((x) => typeof x === 'number')) return product(xs as number[], n);
  return nodeByRule(xs, (x, p) => product(x, n, p));
}

function nonEmpty(name: string, xs: readonly Real[]): void {
  if (xs.length === 0) fail(`${name} of an empty collection is not defined`);
}

/** The index of the first extreme element; NaN wins, as in Julia. */
function extremeIndex(x: ArrayLike<number>, n: number, better: (a: number, b: number) => boolean): number {
  let best = 0;
  for (let i = 0; i < n; i++) {
    if (Number.isNaN(x[i]!)) return i;
    if (better(x[i]!, x[best]!)) best = i;
  }
  return best;
}

const less = (a: number, b: number): boolean => a < b;
const greater = (a: number, b: number): boolean => a > b;

/** maximum / minimum as one node whose rule chooses again, so a replayed tape follows the new order. */
function pick(name: string, better: (a: number, b: number) => boolean): (xs: Real[]) => Real {
  return (xs) => {
    nonEmpty(name, xs);
    const n = xs.length;
    if (xs.every((x) => typeof x === 'number')) return xs[extremeIndex(xs as number[], n, better)]!;
    return nodeByRule(xs, (x, p) => {
      const k = extremeIndex(x, n, better);
      p.fill(0, 0, n);
      p[k] = 1;
      return x[k]!;
    });
  };
}

/**
 * argmax / argmin — an integer for vectors, a CartesianIndex for arrays of more dimensions — and
 * findmax / findmin, the tuple of the element (its AD value) and that index.
 */
function argExtreme(name: string, better: (a: number, b: number) => boolean, withValue: boolean): Builtin {
  return builtin(`${name}(x)`, (args, kwargs) => {
    arity(name, args, 1);
    allowKwargs(name, kwargs);
    const x = arg(args, 0);
    const xs = realsOf(x, name);
    nonEmpty(name, xs);
    dependsOn(`\`${name}\``, xs);
    const k = extremeIndex(xs.map(value), xs.length, better);
    const shape = isArrayValue(x) ? shapeOfArray(x) : [xs.length];
    const index = shape.length <= 1 ? k + 1 : new CartesianIndex(cartesianPosition(shape, k));
    // The element through pick's rule, which chooses again on a replayed tape; the index is fixed by the order.
    return withValue ? new JTuple([pick(name, better)(xs), index]) : index;
  });
}

/**
 * Julia's element type of a running sum, product or difference of Ints and Bools: Int, except that a product of
 * Bools stays Bool; of anything else, Float64.
 */
function integerResultType(x: JArray | JRange, boolStays: boolean): ElementType {
  const t = elementTypeOfArray(x);
  if (t === 'int') return 'int';
  if (t === 'bool') return boolStays ? 'bool' : 'int';
  return 'float';
}

/** The running values as the array of element type `eltype` stores them (true/false for Bool, numbers otherwise). */
function stored(shape: number[], xs: Real[], eltype: ElementType): JArray {
  return new JArray(shape, eltype === 'bool' ? xs.map((x) => x !== 0) : xs, eltype);
}

/** cumsum / cumprod along a vector, or along `dims` of an array, as a chain of two-input nodes. */
function running(name: 'cumsum' | 'cumprod', step: (acc: Real, x: Real) => Real): Builtin {
  return builtin(`${name}(x)`, (args, kwargs) => {
    arity(name, args, 1);
    allowKwargs(name, kwargs, ['dims']);
    const x = arg(args, 0);
    if (!isArrayValue(x)) return fail(`${name} needs an array, got ${describe(x)}`);
    const a = materialize(x);
    const dimsArg = kwargs.get('dims');
    if (a.ndims > 1 && dimsArg === undefined) fail(`${name} of ${describe(a)} needs \`dims\`, as in ${name}(x; dims = 1)`);
    const dim = dimsArg === undefined ? 0 : toInt(dimsArg, `${name}: dims`) - 1;
    const xs = realsOf(a, name);
    const out = xs.slice();
    const { stride, along } = alongDimension(a.shape, dim);
    for (let k = 0; k < xs.length; k++) if (along(k) > 0) out[k] = step(out[k - stride]!, xs[k]!);
    return stored(a.shape.slice(), out, integerResultType(x, name === 'cumprod'));
  });
}

/** diff(v) = v[2:end] − v[1:end−1]; of a matrix, along `dims` (required, as in Julia). */
function diff(x: Value, kwargs: ReadonlyMap<string, Value>): JArray {
  if (!isArrayValue(x)) return fail(`diff needs an array, got ${describe(x)}`);
  const a = materialize(x);
  const dimsArg = kwargs.get('dims');
  if (a.ndims > 1 && dimsArg === undefined) fail(`diff of ${describe(a)} needs \`dims\`, as in diff(x; dims = 1)`);
  const dim = dimsArg === undefined ? 0 : toInt(dimsArg, 'diff: dims') - 1;
  if (dim < 0 || dim >= a.ndims) fail(`diff: dims must be between 1 and ${a.ndims}, got ${dim + 1}`);
  const xs = realsOf(a, 'diff');
  const shape = a.shape.slice();
  shape[dim] = Math.max(0, shape[dim]! - 1);
  const { stride, along } = alongDimension(a.shape, dim);
  const out: Real[] = [];
  for (let k = 0; k < xs.length; k++) if (along(k) > 0) out.push(ops.sub(xs[k]!, xs[k - stride]!));
  return new JArray(shape, out, integerResultType(x, false));
}

function softmax(xs: readonly Real[]): Real[] {
  // NNlib's rule where the maximum is +Inf: the infinite entries share the mass, the rest get none (not NaN).
  const infinite = xs.filter((x) => value(x) === Infinity).length;
  if (infinite > 0) return xs.map((x) => (value(x) === Infinity ? 1 / infinite : 0));
  const lse = ops.logsumexpOf(xs);
  return xs.map((x) => ops.exp(ops.sub(x, lse)));
}

/** softmax over each slice along dimension `dim` (0-based): NNlib's softmax(X; dims = 1) normalises each column. */
function softmaxAlong(shape: readonly number[], xs: readonly Real[], dim: number): Real[] {
  const out: Real[] = new Array(xs.length);
  const { stride, extent, along } = alongDimension(shape, dim);
  for (let k = 0; k < xs.length; k++) {
    if (along(k) !== 0) continue;
    const positions = Array.from({ length: extent }, (_, t) => k + t * stride);
    const s = softmax(positions.map((q) => xs[q]!));
    positions.forEach((q, t) => (out[q] = s[t]!));
  }
  return out;
}

export const reductionBuiltins: Builtin[] = [
  reduction('sum(x) / sum(f, x) / sum(x; dims, init)', (xs) => ops.sumOf(xs), [], (init, r) => binaryOp('+', init, r)),
  reduction('prod(x) / prod(f, x) / prod(x; dims, init)', (xs) => prodOf(xs), [], (init, r) => binaryOp('*', init, r)),
  reduction('maximum(x) / maximum(f, x) / maximum(x; dims, init)', pick('maximum', greater), [], (init, r) => pick('maximum', greater)([toReal(init, 'maximum: init'), r as Real])),
  reduction('minimum(x) / minimum(f, x) / minimum(x; dims, init)', pick('minimum', less), [], (init, r) => pick('minimum', less)([toReal(init, 'minimum: init'), r as Real])),
  reduction('logsumexp(x) / logsumexp(x; dims)', (xs) => ops.logsumexpOf(xs)),
  reduction('extrema(x)', (xs) => new JTuple([pick('extrema', less)(xs), pick('extrema', greater)(xs)])),
  argExtreme('argmax', greater, false),
  argExtreme('argmin', less, false),
  argExtreme('findmax', greater, true),
  argExtreme('findmin', less, true),
  running('cumsum', ops.add),
  running('cumprod', ops.mul),
  builtin('diff(x) / diff(A; dims)', (args, kwargs) => {
    arity('diff', args, 1);
    allowKwargs('diff', kwargs, ['dims']);
    return diff(arg(args, 0), kwargs);
  }),
  builtin('softmax(x) / softmax(x; dims)', (args, kwargs) => {
    arity('softmax', args, 1);
    allowKwargs('softmax', kwargs, ['dims']);
    const x = arg(args, 0);
    const xs = realsOf(x, 'softmax');
    const shape = isArrayValue(x) ? shapeOfArray(x).slice() : [xs.length];
    const dims = kwargs.get('dims');
    if (dims === undefined) return new JArray(shape, softmax(xs), 'float');
    const dim = toInt(dims, 'softmax: dims') - 1;
    if (dim < 0 || dim >= shape.length) fail(`softmax: dims must be between 1 and ${shape.length}, got ${dim + 1}`);
    return new JArray(shape, softmaxAlong(shape, xs, dim), 'float');
  }),
];
