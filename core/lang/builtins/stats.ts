import { node, ops, value, type Real } from '../../ad/index.js';
import type { Value } from '../../model/index.js';
import { boolKwarg, type Builtin } from './define.js';
import { reduction } from './reduce.js';

/** mean, var, std of collections (the distribution methods of the same names dispatch here for arrays). */

function meanOf(xs: readonly Real[]): Real {
  return ops.div(ops.sumOf(xs), xs.length);
}

/**
 * Σ(xᵢ − x̄)² / (n − 1) (or / n with `corrected = false`) as one node: because Σ(xᵢ − x̄) = 0, the
 * partials are simply 2(xᵢ − x̄) / (n − 1).
 */
function varOf(xs: readonly Real[], kwargs: ReadonlyMap<string, Value>, name: string): Real {
  const n = xs.length;
  const denom = boolKwarg(name, kwargs, 'corrected', true) ? n - 1 : n;
  let m = 0;
  for (const x of xs) m += value(x);
  m /= n;
  let ss = 0;
  const partials = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const d = value(xs[i]!) - m;
    ss += d * d;
    partials[i] = (2 * d) / denom;
  }
  const v = ss / denom;
  if (xs.every((x) => typeof x === 'number')) return v;
  return node(v, xs, partials);
}

export const statsBuiltins: Builtin[] = [
  reduction('mean(x) / mean(f, x) / mean(x; dims)', (xs) => meanOf(xs)),
  reduction('var(x; corrected = true, dims)', (xs, kwargs) => varOf(xs, kwargs, 'var'), ['corrected']),
  reduction('std(x; corrected = true, dims)', (xs, kwargs) => ops.sqrt(varOf(xs, kwargs, 'std')), ['corrected']),
];
