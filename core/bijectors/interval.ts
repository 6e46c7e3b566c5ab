import { node, value, type Real } from '../ad/index.js';
import { log1pexp, logistic, logit } from '../math/index.js';
import type { Bijector } from './types.js';
import { checkLength } from './length.js';

/**
 * (a, b) ↔ ℝ as Bijectors' TruncatedBijector with both bounds: x = (b − a)·σ(y) + a, clamped into [a, b]
 * because the rounding of that sum can step just past b. Bijectors takes the log-Jacobian from x,
 * log((x − a)(b − x)/(b − a)), which is −∞ once x rounds onto a bound; here it is the same quantity from y,
 * log(b − a) + log σ(y) + log σ(−y), finite for every y so a sampler far out in a tail still sees a gradient.
 */
export function intervalBijector(lower: Real, upper: Real): Bijector {
  return {
    constrainedLength: 1,
    unconstrainedLength: 1,
    discrete: false,
    link(x) {
      checkLength('interval', 1, x.length);
      const a = value(lower);
      const b = value(upper);
      const xc = Math.min(Math.max(x[0]!, a), b);
      return Float64Array.of(logit((xc - a) / (b - a)));
    },
    invlink(y) {
      checkLength('interval', 1, y.length);
      const y0 = y[0]!;
      const yv = value(y0);
      const a = value(lower);
      const b = value(upper);
      const w = b - a;
      const s = logistic(yv);
      const raw = w * s + a;
      const x = raw < a ? lower : raw > b ? upper : node(raw, [y0, lower, upper], [w * s * (1 - s), 1 - s, s]);
      const logJac = node(Math.log(w) - log1pexp(-yv) - log1pexp(yv), [y0, lower, upper], [1 - 2 * s, -1 / w, 1 / w]);
      return { x: [x], logJac };
    },
  };
}
