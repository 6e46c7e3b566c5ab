import { log1mexp, logsumexp } from '../../math/index.js';

/** Plain-number helpers shared by the families. */

/** The Euler–Mascheroni constant γ, as Julia's MathConstants.γ. */
export const EULER_GAMMA = 0.5772156649015329;

/** x log y with 0 log 0 = 0, as StatsFuns' `xlogy`: the boundary densities (Gamma at 0 with α = 1) need it. */
export function xlogy(x: number, y: number): number {
  return x === 0 && !Number.isNaN(y) ? 0 : x * Math.log(y);
}

/** x log(1 + y) with 0 log 0 = 0. */
export function xlog1py(x: number, y: number): number {
  return x === 0 && !Number.isNaN(y) ? 0 : x * Math.log1p(y);
}

/**
 * log p for a probability known together with its complement q = 1 − p: log p is accurate while
 * p ≤ 1/2, log1p(−q) where p is close to 1 and only q carries full relative precision.
 */
export function logProb(p: number, q: number): number {
  return p <= 0.5 ? Math.log(p) : Math.log1p(-q);
}

/**
 * df/dt by Richardson-extrapolated central differences (error O(h⁴), so h = 10⁻³ keeps both truncation
 * and rounding near 10⁻¹²). Used only for derivatives of incomplete gamma/beta functions with respect to
 * their shape, which have no cheap closed form; the step stays below t/4 so positive shapes stay positive.
 */
export function numericPartial(f: (t: number) => number, t: number): number {
  let h = 1e-3 * Math.max(1, Math.abs(t));
  if (t !== 0) h = Math.min(h, Math.abs(t) / 4);
  const d1 = (f(t + h) - f(t - h)) / (2 * h);
  const d2 = (f(t + h / 2) - f(t - h / 2)) / h;
  return (4 * d2 - d1) / 3;
}

/**
 * x with cdf(x) = p for a continuous, non-decreasing cdf on [lo, hi]: bracket outwards from `guess`,
 * then bisect until the bracket cannot shrink in floating point. Slow but sure; for families whose
 * quantile has no closed form (von Mises, skew normal, mixtures).
 */
export function invertCdf(cdf: (x: number) => number, p: number, lo: number, hi: number, guess = 0): number {
  let a = Math.max(lo, Math.min(hi, guess));
  let b = a;
  let step = 1;
  while (a > lo && cdf(a) > p) {
    a = Math.max(lo, a - step);
    step *= 2;
  }
  step = 1;
  while (b < hi && cdf(b) < p) {
    b = Math.min(hi, b + step);
    step *= 2;
  }
  for (let i = 0; i < 2200; i++) {
    const m = a + (b - a) / 2;
    if (m === a || m === b) break;
    if (cdf(m) < p) a = m;
    else b = m;
  }
  return b;
}

/** The smallest integer k in [lo, hi] with cdf(k) ≥ p (Distributions.jl's discrete quantile), searched from `guess`. */
export function discreteQuantile(cdf: (k: number) => number, p: number, lo: number, hi: number, guess: number): number {
  let b = Math.max(lo, Math.min(hi, Math.round(guess)));
  let a = b;
  let step = 1;
  // Gallop to a bracket cdf(a) < p ≤ cdf(b), with a = lo − 1 standing for cdf = 0.
  if (cdf(b) >= p) {
    for (;;) {
      a = Math.max(lo - 1, b - step);
      if (a < lo || cdf(a) < p) break;
      b = a;
      step *= 2;
    }
  } else {
    for (;;) {
      a = b;
      b = Math.min(hi, b + step);
      if (b === hi || cdf(b) >= p) break;
      step *= 2;
    }
  }
  while (b - a > 1) {
    const m = Math.floor((a + b) / 2);
    if (cdf(m) >= p) b = m;
    else a = m;
  }
  return b;
}

/**
 * log P(X ≤ k) and log P(X > k) of a discrete family from its log masses at lo, lo + 1, … (all of its
 * mass, k among them): the side of smaller mass is summed and the other is its complement, so both keep
 * their relative precision.
 */
export function discreteTails(logMass: Float64Array, lo: number, k: number): { lower: number; upper: number; lowerSummed: boolean } {
  const split = k - lo + 1;
  const lower = logsumexp(logMass.subarray(0, split));
  if (lower <= -Math.LN2) return { lower, upper: log1mexp(lower), lowerSummed: true };
  const upper = logsumexp(logMass.subarray(split));
  return { lower: log1mexp(upper), upper, lowerSummed: false };
}

/**
 * (∂F(k)/∂θᵢ)/P(X = k) for each parameter of a discrete family: P(X = j)/P(X = k) · ∂ log P(X = j)/∂θᵢ
 * summed over the side `discreteTails` summed (minus the sum over j > k on the upper side), so it has
 * that tail's precision. `partials(j)` is in `lpdfGrad`'s layout, [∂/∂x, ∂/∂θ₁, …].
 */
export function discreteCdfGrad(logMass: Float64Array, lo: number, k: number, lowerSummed: boolean, partials: (j: number) => ArrayLike<number>, count: number): number[] {
  const [from, to, sign] = lowerSummed ? [lo, k, 1] : [k + 1, lo + logMass.length - 1, -1];
  const atK = logMass[k - lo]!;
  const g = new Array<number>(count).fill(0);
  for (let j = from; j <= to; j++) {
    const w = sign * Math.exp(logMass[j - lo]! - atK);
    if (w === 0) continue;
    const d = partials(j);
    for (let i = 0; i < count; i++) g[i]! += w * d[i + 1]!;
  }
  return g;
}
