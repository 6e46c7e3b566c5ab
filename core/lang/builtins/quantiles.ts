import { nodeByRule, ops, value, type Real } from '../../ad/index.js';
import { JArray, describe } from '../../model/index.js';
import { fail } from '../runtime/errors.js';
import { realsOf } from '../runtime/convert.js';
import { isArrayValue, shapeOfArray } from '../runtime/shape.js';
import { allowKwargs, arg, arity, boolKwarg, builtin, type Builtin } from './define.js';
import { reduction } from './reduce.js';

/**
 * Statistics.median and Statistics.quantile of a collection. Each result is a weighted sum of at most
 * two order statistics, one node whose rule sorts again, so a replayed tape follows a new order.
 */

function sortedOrder(x: ArrayLike<number>, n: number): number[] {
  return Array.from({ length: n }, (_, i) => i).sort((a, b) => x[a]! - x[b]!);
}

/**
 * Quantile at level p by Julia's default (Hyndman–Fan type 7): h = (n − 1)p, interpolating linearly
 * between the order statistics ⌊h⌋ and ⌈h⌉ (0-based).
 */
function quantileRule(name: string, level: number): (x: ArrayLike<number>, p: Float64Array) => number {
  return (x, p) => {
    const n = p.length;
    p.fill(0);
    for (let i = 0; i < n; i++) {
      if (!Number.isNaN(x[i]!)) continue;
      // Statistics' median is NaN for a collection holding NaN; its quantile refuses one (no order to read).
      if (name === 'median') return NaN;
      fail(`${name}: the collection contains NaN (ArgumentError)`);
    }
    const order = sortedOrder(x, n);
    const h = (n - 1) * level;
    const lo = Math.floor(h);
    const hi = Math.min(lo + 1, n - 1);
    const t = h - lo;
    p[order[lo]!] = 1 - t;
    p[order[hi]!]! += t;
    const a = x[order[lo]!]!;
    const b = x[order[hi]!]!;
    // Julia's form, which returns a exactly where t is 0 even when b is infinite.
    return t === 0 ? a : a + t * (b - a);
  };
}

function quantileOf(name: string, xs: readonly Real[], level: number): Real {
  if (xs.length === 0) fail(`${name} of an empty collection is not defined (ArgumentError)`);
  if (!(level >= 0 && level <= 1)) fail(`${name}: the probability must be in [0, 1], got ${level}`);
  return nodeByRule(xs, quantileRule(name, level));
}

/** quantile(x, p) with p a number or a collection of them (the result then has p's shape). */
const quantile: Builtin = builtin('quantile(x, p)', (args, kwargs) => {
  arity('quantile', args, 2);
  allowKwargs('quantile', kwargs, ['sorted']);
  const x = arg(args, 0);
  if (!isArrayValue(x)) return fail(`quantile needs a collection or a distribution first, got ${describe(x)}`);
  const xs = realsOf(x, 'quantile');
  const p = arg(args, 1);
  if (isArrayValue(p)) {
    const levels = realsOf(p, 'quantile: p').map(value);
    return new JArray(shapeOfArray(p).slice(), levels.map((level) => quantileOf('quantile', xs, level)), 'float');
  }
  return quantileOf('quantile', xs, value(realsOf(p, 'quantile: p')[0]!));
});

/** 1 / Φ⁻¹(3/4): scales the median absolute deviation of normal data to its standard deviation. */
const MAD_NORMAL = 1.482602218505602;

/**
 * StatsBase's `mad(x; center = median(x), normalize = true)`: the median of |x − center|, scaled to estimate a
 * normal's σ unless `normalize = false` (Storopoli's robust regression scales its intercept prior by `2.5 * mad(y)`).
 */
const mad: Builtin = builtin('mad(x; center, normalize)', (args, kwargs) => {
  arity('mad', args, 1, 1);
  allowKwargs('mad', kwargs, ['center', 'normalize']);
  const x = arg(args, 0);
  if (!isArrayValue(x)) return fail(`mad needs a collection, got ${describe(x)}`);
  const xs = realsOf(x, 'mad');
  const given = kwargs.get('center');
  const center = given === undefined ? quantileOf('median', xs, 0.5) : realsOf(given, 'mad: center')[0]!;
  const deviation = quantileOf('median', xs.map((v) => ops.abs(ops.sub(v, center))), 0.5);
  return boolKwarg('mad', kwargs, 'normalize', true) ? ops.mul(deviation, MAD_NORMAL) : deviation;
});

export const quantileBuiltins: Builtin[] = [reduction('median(x) / median(x; dims)', (xs) => quantileOf('median', xs, 0.5)), quantile, mad];
