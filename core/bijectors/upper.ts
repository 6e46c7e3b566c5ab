import { node, value, type Real } from '../ad/index.js';
import type { Bijector } from './types.js';
import { checkLength } from './length.js';

/** (−∞, b) ↔ ℝ as Bijectors' TruncatedBijector with only an upper bound: x = b − exp(y), log|J| = y. */
export function upperBijector(upper: Real): Bijector {
  return {
    constrainedLength: 1,
    unconstrainedLength: 1,
    discrete: false,
    link(x) {
      checkLength('upper-bounded', 1, x.length);
      const b = value(upper);
      return Float64Array.of(Math.log(b - Math.min(x[0]!, b)));
    },
    invlink(y) {
      checkLength('upper-bounded', 1, y.length);
      const y0 = y[0]!;
      const e = Math.exp(value(y0));
      return { x: [node(value(upper) - e, [y0, upper], [-e, 1])], logJac: y0 };
    },
  };
}
