import { anyAD, node, noteValueDependence, value, valuesOf, type Real, type Recompute } from '../ad/index.js';

/**
 * A support check whose operands may be parameters (a value against bounds that are parameters, the
 * order of a vector that is one): `outside` gives the value beyond the support from the operands'
 * values (−∞ for a log density, 0 or −∞ for a log cdf) and undefined inside, where the result is
 * `body()`. Inside, the result is one node on [operands, body] whose rule checks again, so a compiled
 * tape replays the check rather than the path it recorded. Outside, no body is built that a replay
 * could return to, so the check is noted as a value dependence and the compiled tape refuses.
 */
export function guardSupport(operands: readonly Real[], outside: (v: ArrayLike<number>) => number | undefined, body: () => Real, what: string): Real {
  // Every truncated log density comes here: a loop (`valuesOf`), not `Float64Array.from`'s generic path.
  const values = valuesOf(operands);
  const beyond = outside(values);
  // Constant operands decide once and for all.
  if (!anyAD(operands)) return beyond ?? body();
  if (beyond !== undefined) {
    for (const x of operands) noteValueDependence(x, what);
    return beyond;
  }
  const b = body();
  const n = operands.length;
  const rule: Recompute = (v, p) => {
    p.fill(0, 0, n + 1);
    const o = outside(v);
    if (o !== undefined) return o;
    p[n] = 1;
    return v[n]!;
  };
  const p = new Float64Array(n + 1);
  return node(rule([...values, value(b)], p), [...operands, b], p, rule);
}
