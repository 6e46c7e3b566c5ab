import { node, ops, value, type Real, type Recompute } from '../ad/index.js';
import { log1pexp, logistic, logit } from '../math/index.js';
import type { Bijector } from './types.js';
import { checkLength } from './length.js';

/**
 * x = (b − a)·σ(y) + a on the inputs [y, a, b]. The clamp is Julia's, which returns the bound itself, so
 * a clamped x follows that bound and nothing else; it is decided here, so a replay decides it again.
 */
const clampedRule: Recompute = (v, p) => {
  const a = v[1]!;
  const b = v[2]!;
  const s = logistic(v[0]!);
  const raw = (b - a) * s + a;
  p.fill(0, 0, 3);
  if (raw < a) {
    p[1] = 1;
    return a;
  }
  if (raw > b) {
    p[2] = 1;
    return b;
  }
  p[0] = (b - a) * s * (1 - s);
  p[1] = 1 - s;
  p[2] = s;
  return raw;
};

/** log(b − a) + log σ(y) + log σ(−y) on the inputs [y, a, b]. */
const logJacRule: Recompute = (v, p) => {
  const yv = v[0]!;
  const w = v[2]! - v[1]!;
  const s = logistic(yv);
  p[0] = 1 - 2 * s;
  p[1] = -1 / w;
  p[2] = 1 / w;
  return Math.log(w) - log1pexp(-yv) - log1pexp(yv);
};

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
      const inputs = [y[0]!, lower, upper];
      const v = Float64Array.of(value(y[0]!), value(lower), value(upper));
      const p = new Float64Array(3);
      const x = node(clampedRule(v, p), inputs, p, clampedRule);
      return { x: [x], logJac: node(logJacRule(v, p), inputs, p, logJacRule) };
    },
    linkReal(x) {
      checkLength('interval', 1, x.length);
      return [ops.logitOp(ops.div(ops.sub(x[0]!, lower), ops.sub(upper, lower)))];
    },
  };
}
