import { nodeByRule, ops, type Real } from '../../ad/index.js';
import type { Value } from '../../model/index.js';
import { boolKwarg, type Builtin } from './define.js';
import { reduction } from './reduce.js';

/** mean, var, std of collections (the distribution methods of the same names dispatch here for arrays). */

function meanOf(xs: readonly Real[]): Real {
  return ops.div(ops.sumOf(xs), xs.length);
}

/**
 * Σ(xᵢ − x̄)² / d with its partials: because Σ(xᵢ − x̄) = 0 they are simply 2(xᵢ − x̄) / d.
 */
function variance(x: ArrayLike<number>, n: number, denom: number, p?: Float64Array): number {
  let m = 0;
  for (let i = 0; i < n; i++) m += x[i]!;
  m /= n;
  let ss = 0;
  for (let i = 0; i < n; i++) {
    const d = x[i]! - m;
    ss += d * d;
    if (p !== undefined) p[i] = (2 * d) / denom;
  }
  return ss / denom;
}

/** The sample variance (n − 1 denominator unless `corrected = false`) as one node. */
function varOf(xs: readonly Real[], kwargs: ReadonlyMap<string, Value>, name: string): Real {
  const n = xs.length;
  const denom = boolKwarg(name, kwargs, 'corrected', true) ? n - 1 : n;
  if (xs.every((x) => typeof x === 'number')) return variance(xs as number[], n, denom);
  return nodeByRule(xs, (x, p) => variance(x, n, denom, p));
}

export const statsBuiltins: Builtin[] = [
  reduction('mean(x) / mean(f, x) / mean(x; dims)', (xs) => meanOf(xs)),
  reduction('var(x; corrected = true, dims)', (xs, kwargs) => varOf(xs, kwargs, 'var'), ['corrected']),
  reduction('std(x; corrected = true, dims)', (xs, kwargs) => ops.sqrt(varOf(xs, kwargs, 'std')), ['corrected']),
];
