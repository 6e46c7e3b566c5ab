import { value, type Real } from '../ad/index.js';
import type { Model } from './model.js';
import { JArray, JTuple, JCholesky, JNamedTuple, NOTHING, isReal, type Value } from './values.js';
import { elementNames } from './varname.js';

/**
 * A generated quantity (`:=` or the return value) as named numbers, the way MCMCChains shows them:
 * `θ[1]`, `θ[2]` for vectors, `r[1]`, `r[2]` for tuples, `r.a` for named tuples. Non-numeric values
 * (distributions, strings) are left out: they have no column.
 */
export function flattenGenerated(name: string, v: Value): [string, number][] {
  return flattenGeneratedReals(name, v).map(([n, x]) => [n, value(x)]);
}

/** `flattenGenerated` keeping AD values as they are, for a tape that records the quantities. */
export function flattenGeneratedReals(name: string, v: Value): [string, Real][] {
  if (typeof v === 'boolean') return [[name, v ? 1 : 0]];
  if (isReal(v)) return [[name, v]];
  if (v instanceof JCholesky) return flattenGeneratedReals(name, v.lower);
  if (v instanceof JArray) {
    const names = elementNames(name, v.shape);
    return v.data.flatMap((x, k) => (x === undefined ? [] : flattenGeneratedReals(names[k]!, x)));
  }
  if (v instanceof JTuple) return v.items.flatMap((x, k) => flattenGeneratedReals(`${name}[${k + 1}]`, x));
  if (v instanceof JNamedTuple) return [...v.entries].flatMap(([k, x]) => flattenGeneratedReals(`${name}.${k}`, x));
  return [];
}

/** The return value as a generated quantity: nothing when it only repeats a `~` left side (`returnsDrawnValue`). */
export function recordedReturn(model: Pick<Model, 'returnsDrawnValue'>, returned: Value): Value {
  return model.returnsDrawnValue ? NOTHING : returned;
}
