import { node, ops, value, type Real, type Recompute } from '../ad/index.js';
import type { Bijector } from './types.js';
import { checkLength } from './length.js';

/** x_k = x_{k−1} + exp(y_k) on the inputs [x_{k−1}, y_k]. */
const stepRule: Recompute = (v, p) => {
  const e = Math.exp(v[1]!);
  p[0] = 1;
  p[1] = e;
  return v[0]! + e;
};

/** Increasing vectors ↔ ℝᵈ: Bijectors' OrderedBijector, x₁ = y₁, x_k = x_{k−1} + exp(y_k), log|J| = Σ_{k≥2} y_k. */
export function orderedBijector(d: number): Bijector {
  return {
    constrainedLength: d,
    unconstrainedLength: d,
    discrete: false,
    link(x) {
      checkLength('ordered', d, x.length);
      const y = new Float64Array(d);
      for (let k = 0; k < d; k++) y[k] = k === 0 ? x[0]! : Math.log(x[k]! - x[k - 1]!);
      return y;
    },
    invlink(y) {
      checkLength('ordered', d, y.length);
      const x: Real[] = new Array(d);
      const p = new Float64Array(2);
      for (let k = 0; k < d; k++) {
        const yk = y[k]!;
        if (k === 0) {
          x[0] = yk;
          continue;
        }
        const prev = x[k - 1]!;
        x[k] = node(stepRule([value(prev), value(yk)], p), [prev, yk], p, stepRule);
      }
      return { x, logJac: ops.sumOf(y.slice(1)) };
    },
    linkReal(x) {
      checkLength('ordered', d, x.length);
      return x.map((xk, k) => (k === 0 ? xk : ops.log(ops.sub(xk, x[k - 1]!))));
    },
  };
}
