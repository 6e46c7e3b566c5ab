import { value } from '../ad/index.js';
import { JArray, JTuple, JCholesky, JNamedTuple, isReal, type Value } from './values.js';
import { elementNames } from './varname.js';

/**
 * A generated quantity (`:=` or the return value) as named numbers, the way MCMCChains shows them:
 * `θ[1]`, `θ[2]` for vectors, `r[1]`, `r[2]` for tuples, `r.a` for named tuples. Non-numeric values
 * (distributions, strings) are left out: they have no column.
 */
export function flattenGenerated(name: string, v: Value): [string, number][] {
  if (typeof v === 'boolean') return [[name, v ? 1 : 0]];
  if (isReal(v)) return [[name, value(v)]];
  if (v instanceof JCholesky) return flattenGenerated(name, v.lower);
  if (v instanceof JArray) {
    const names = elementNames(name, v.shape);
    return v.data.flatMap((x, k) => (x === undefined ? [] : flattenGenerated(names[k]!, x)));
  }
  if (v instanceof JTuple) return v.items.flatMap((x, k) => flattenGenerated(`${name}[${k + 1}]`, x));
  if (v instanceof JNamedTuple) return [...v.entries].flatMap(([k, x]) => flattenGenerated(`${name}.${k}`, x));
  return [];
}
