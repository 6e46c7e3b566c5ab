import { node, ops, value, type Real, type Recompute } from '../ad/index.js';
import type { Bijector } from './types.js';
import { checkLength } from './length.js';

/** x = b − exp(y) on the inputs [y, b]. */
const belowRule: Recompute = (v, p) => {
  const e = Math.exp(v[0]!);
  p[0] = -e;
  p[1] = 1;
  return v[1]! - e;
};

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
      const p = new Float64Array(2);
      return { x: [node(belowRule([value(y0), value(upper)], p), [y0, upper], p, belowRule)], logJac: y0 };
    },
    linkReal(x) {
      checkLength('upper-bounded', 1, x.length);
      return [ops.log(ops.sub(upper, x[0]!))];
    },
  };
}
