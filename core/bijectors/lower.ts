import { node, value, type Real } from '../ad/index.js';
import type { Bijector } from './types.js';
import { checkLength } from './length.js';

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
      const e = Math.exp(value(y0));
      return { x: [node(value(lower) + e, [y0, lower], [e, 1])], logJac: y0 };
    },
  };
}
