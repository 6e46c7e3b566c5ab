import { node, ops, value, type Real } from '../../ad/index.js';
import { logsubexp } from '../../math/index.js';

/** log(eᵃ − eᵇ), a ≥ b: ∂a = −1/expm1(b − a), ∂b = −1/expm1(a − b). */
function logsubexpRule(v: ArrayLike<number>, p: Float64Array): number {
  const a = v[0]!;
  const b = v[1]!;
  p[0] = -1 / Math.expm1(b - a);
  p[1] = -1 / Math.expm1(a - b);
  return logsubexp(a, b);
}

/** log(eᵃ − eᵇ) on `Real`s, the log of a difference of probabilities known by their logs. */
export function logsubexpOp(a: Real, b: Real): Real {
  if (value(b) === -Infinity) return a;
  const p = new Float64Array(2);
  return node(logsubexpRule([value(a), value(b)], p), [a, b], p, logsubexpRule);
}

/** log(eᵃ + eᵇ) on `Real`s. */
export function logaddexpOp(a: Real, b: Real): Real {
  return value(b) === -Infinity ? a : ops.logsumexpOf([a, b]);
}
