import { node, nodeByRule, ops, value, type Real, type Recompute } from '../ad/index.js';
import { logistic, logit } from '../math/index.js';
import type { Bijector } from './types.js';
import { checkLength } from './length.js';

/** Julia's eps(Float64): Bijectors nudges every stick fraction into [ϵ, 1 − ϵ] by it. */
const EPS = Number.EPSILON;
const SHRINK = 1 - 2 * EPS;

/**
 * Stick k on the inputs [y_k, S_k], S_k the sum of the sticks before it: the fraction σ(y_k − offset) of
 * what is left. Julia's _clamp returns the constant bound, so a clamped stick has no derivative; the
 * clamp is decided inside the rule, so a replay decides it again.
 */
function stickRule(offset: number, first: boolean): Recompute {
  return (v, p) => {
    const z = logistic(v[0]! - offset);
    const left = (1 + EPS - v[1]!) / SHRINK;
    // Bijectors writes the first stick without the running sum; the two differ in the last bit.
    const raw = first ? (z - EPS) / SHRINK : left * z - EPS;
    const inside = raw >= 0 && raw <= 1;
    p[0] = inside ? (first ? (z * (1 - z)) / SHRINK : left * z * (1 - z)) : 0;
    p[1] = inside && !first ? -z / SHRINK : 0;
    return raw < 0 ? 0 : raw > 1 ? 1 : raw;
  };
}

/** The last stick, 1 − S on the input [S], clamped into [0, 1] as the others. */
const lastStickRule: Recompute = (v, p) => {
  const last = 1 - v[0]!;
  p[0] = last < 0 || last > 1 ? 0 : -1;
  return last < 0 ? 0 : last > 1 ? 1 : last;
};

/**
 * Probability vectors of length K ↔ ℝᴷ⁻¹: Bijectors' SimplexBijector (reduced form, Bijectors ≥ 0.13),
 * stick-breaking where stick k takes the fraction σ(y_k − log(K − k)) of what is left. The offset makes
 * y = 0 the uniform vector. The ϵ nudges, clamps and max(·, ϵ) guards are Bijectors' own, kept so that
 * values and log-Jacobians agree with Turing's to rounding even at the edges of the simplex.
 */
export function simplexBijector(dim: number): Bijector {
  if (!Number.isInteger(dim) || dim < 2) throw new RangeError(`simplex bijector: dimension must be an integer ≥ 2 (as in Bijectors.jl), got ${dim}`);
  const K = dim;
  // Made at every evaluation of a model with a simplex (its bijector is found per run): loops, not Array.from's generic path.
  const offsets = new Float64Array(K - 1);
  const stickRules: Recompute[] = new Array(K - 1);
  for (let k = 0; k < K - 1; k++) {
    offsets[k] = Math.log(K - 1 - k);
    stickRules[k] = stickRule(offsets[k]!, k === 0);
  }
  const logJacRule: Recompute = (x, g) => simplexLogJac(x, K, g);
  return {
    constrainedLength: K,
    unconstrainedLength: K - 1,
    discrete: false,
    link(x) {
      checkLength('simplex', K, x.length);
      const y = new Float64Array(K - 1);
      y[0] = logit(x[0]! * SHRINK + EPS) + offsets[0]!;
      let sum = 0;
      for (let k = 1; k < K - 1; k++) {
        sum += x[k - 1]!;
        y[k] = logit(((x[k]! + EPS) * SHRINK) / (1 + EPS - sum)) + offsets[k]!;
      }
      return y;
    },
    invlink(y) {
      checkLength('simplex', K - 1, y.length);
      const x: Real[] = new Array(K);
      const p = new Float64Array(2);
      // The running sum is itself a node, so each x_k is one node of two inputs and the whole map is O(K).
      let sum: Real = 0;
      for (let k = 0; k < K - 1; k++) {
        const yk = y[k]!;
        const rule = stickRules[k]!;
        x[k] = node(rule([value(yk), value(sum)], p), [yk, sum], p, rule);
        sum = ops.add(sum, x[k]!);
      }
      x[K - 1] = node(lastStickRule([value(sum)], p), [sum], p, lastStickRule);
      const n = K - 1;
      return { x, logJac: nodeByRule(x.slice(0, n), logJacRule) };
    },
    linkReal(x) {
      checkLength('simplex', K, x.length);
      const y: Real[] = [ops.add(ops.logitOp(ops.add(ops.mul(x[0]!, SHRINK), EPS)), offsets[0]!)];
      let sum: Real = 0;
      for (let k = 1; k < K - 1; k++) {
        sum = ops.add(sum, x[k - 1]!);
        y.push(ops.add(ops.logitOp(ops.div(ops.mul(ops.add(x[k]!, EPS), SHRINK), ops.sub(1 + EPS, sum))), offsets[k]!));
      }
      return y;
    },
  };
}

/**
 * Bijectors' logabsdetjac of the inverse, computed as it does from x: Σ log z_k + log(1 − z_k) + log(1 − S_k)
 * over the first K − 1 sticks, z_k = x_k / (1 − S_k), S_k the sum before x_k, every log guarded by max(·, ϵ).
 * The partials with respect to x_1..x_{K−1} go to `g`; the dependence through S_k reaches every earlier
 * x_j, collected as a suffix sum.
 */
function simplexLogJac(x: ArrayLike<number>, K: number, g: Float64Array): number {
  const n = K - 1;
  const dS = new Float64Array(n);
  let lp = 0;
  let sum = 0;
  for (let k = 0; k < n; k++) {
    const xk = x[k]!;
    const rest = 1 - sum;
    const m = k === 0 ? 1 : Math.max(rest, EPS);
    const z = xk / m;
    lp += Math.log(Math.max(z, EPS)) + Math.log(Math.max(1 - z, EPS));
    const dz = (z >= EPS ? 1 / z : 0) - (1 - z >= EPS ? 1 / (1 - z) : 0);
    g[k] = dz / m;
    if (k > 0) {
      lp += Math.log(m);
      dS[k] = rest >= EPS ? -(dz * (-z / m) + 1 / m) : 0;
    }
    sum += xk;
  }
  let later = 0;
  for (let j = n - 1; j >= 0; j--) {
    g[j]! += later;
    later += dS[j]!;
  }
  return lp;
}
