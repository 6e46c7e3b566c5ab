import { node, ops, value, type Real, type Recompute } from '../ad/index.js';
import type { Bijector } from './types.js';
import { checkLength } from './length.js';

/** x = a + exp(y) on the inputs [y, a]. */
const aboveRule: Recompute = (v, p) => {
  const e = Math.exp(v[0]!);
  p[0] = e;
  p[1] = 1;
  return v[1]! + e;
};

/**
 * (a, ∞) ↔ ℝ as Bijectors' TruncatedBijector with only a lower bound: x = a + exp(y). The log-Jacobian
 * is y itself rather than Bijectors' log(x − a), which is the same number without the cancellation when
 * a is large.
 */
export function lowerBijector(lower: Real): Bijector {
  return {
    constrainedLength: 1,
    unconstrainedLength: 1,
    discrete: false,
    link(x) {
      checkLength('lower-bounded', 1, x.length);
      const a = value(lower);
      // Bijectors clamps into the support first, so a value on the bound maps to −∞ rather than NaN.
      return Float64Array.of(Math.log(Math.max(x[0]!, a) - a));
    },
    invlink(y) {
      checkLength('lower-bounded', 1, y.length);
      const y0 = y[0]!;
      const p = new Float64Array(2);
      return { x: [node(aboveRule([value(y0), value(lower)], p), [y0, lower], p, aboveRule)], logJac: y0 };
    },
    linkReal(x) {
      checkLength('lower-bounded', 1, x.length);
      return [ops.log(ops.sub(x[0]!, lower))];
    },
  };
}
