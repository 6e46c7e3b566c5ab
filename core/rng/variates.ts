import { lgamma, logistic } from '../math/index.js';
import type { Rng } from './rng.js';

/**
 * Random variates for the standard families, each exact (no normal approximations for large counts).
 * Parameters are assumed valid: the distribution constructors check them once, so the hot loops don't.
 */

/**
 * log of a Gamma(shape, 1) draw. Working in logs keeps shapes far below 1 usable: the boost
 * G(a) = G(a + 1) · U^(1/a) underflows to 0 for a ≲ 0.01 in linear space, and Beta and Dirichlet
 * draws need the ratio of such values, not zero over zero.
 */
export function logRandGamma(rng: Rng, shape: number): number {
  if (shape < 1) return logRandGamma(rng, shape + 1) + Math.log(rng.uniform()) / shape;
  return Math.log(marsagliaTsang(rng, shape));
}

/** Marsaglia & Tsang (2000), shape ≥ 1. */
function marsagliaTsang(rng: Rng, shape: number): number {
  const d = shape - 1 / 3;
  const c = 1 / Math.sqrt(9 * d);
  for (;;) {
    let x: number;
    let v: number;
    do {
      x = rng.normal();
      v = 1 + c * x;
    } while (v <= 0);
    v = v * v * v;
    const u = rng.uniform();
    const x2 = x * x;
    if (u < 1 - 0.0331 * x2 * x2) return d * v;
    if (Math.log(u) < 0.5 * x2 + d * (1 - v + Math.log(v))) return d * v;
  }
}

/** Gamma with shape α and SCALE θ (Distributions.jl's parameterisation). */
export function randGamma(rng: Rng, shape: number, scale: number): number {
  if (shape >= 1) return marsagliaTsang(rng, shape) * scale;
  return Math.exp(logRandGamma(rng, shape)) * scale;
}

/** Beta(a, b) as X / (X + Y) for gamma X, Y, formed from logs so tiny shapes still give values in [0, 1]. */
export function randBeta(rng: Rng, a: number, b: number): number {
  return logistic(logRandGamma(rng, a) - logRandGamma(rng, b));
}

export function randChisq(rng: Rng, nu: number): number {
  return randGamma(rng, nu / 2, 2);
}

/** Student's t with ν degrees of freedom: Z / √(χ²_ν / ν); Z itself for ν = Inf, as Distributions.jl draws it. */
export function randTDist(rng: Rng, nu: number): number {
  if (nu === Infinity) return rng.normal();
  return rng.normal() / Math.sqrt(randChisq(rng, nu) / nu);
}

/** Poisson(λ): inversion by sequential search below λ = 10, Hörmann's PTRS (1993) above. */
export function randPoisson(rng: Rng, lambda: number): number {
  if (lambda === 0) return 0;
  if (lambda < 10) return poissonInversion(rng, lambda);
  return poissonPTRS(rng, lambda);
}

function poissonInversion(rng: Rng, lambda: number): number {
  let p = Math.exp(-lambda);
  let cdf = p;
  let k = 0;
  const u = rng.uniform();
  // The 200 cap only matters when rounding leaves cdf a hair below u; the tail beyond it is < 1e-150.
  while (u > cdf && k < 200) {
    k++;
    p *= lambda / k;
    cdf += p;
  }
  return k;
}

function poissonPTRS(rng: Rng, lambda: number): number {
  const slam = Math.sqrt(lambda);
  const loglam = Math.log(lambda);
  const b = 0.931 + 2.53 * slam;
  const a = -0.059 + 0.02483 * b;
  const invalpha = 1.1239 + 1.1328 / (b - 3.4);
  const vr = 0.9277 - 3.6224 / (b - 2);
  for (;;) {
    const u = rng.uniform() - 0.5;
    const v = rng.uniform();
    const us = 0.5 - Math.abs(u);
    const k = Math.floor(((2 * a) / us + b) * u + lambda + 0.43);
    if (us >= 0.07 && v <= vr) return k;
    if (k < 0 || (us < 0.013 && v > us)) continue;
    if (Math.log(v) + Math.log(invalpha) - Math.log(a / (us * us) + b) <= -lambda + k * loglam - lgamma(k + 1)) return k;
  }
}

/** Binomial(n, p): inversion while n·min(p, 1−p) < 10, Hörmann's BTRS (1993) above. */
export function randBinomial(rng: Rng, n: number, p: number): number {
  if (n === 0 || p === 0) return 0;
  if (p === 1) return n;
  // Both algorithms are fastest and best conditioned for p ≤ 1/2; reflect the rest.
  if (p > 0.5) return n - randBinomial(rng, n, 1 - p);
  if (n * p < 10) return binomialInversion(rng, n, p);
  return binomialBTRS(rng, n, p);
}

function binomialInversion(rng: Rng, n: number, p: number): number {
  const q = 1 - p;
  const qn = Math.exp(n * Math.log1p(-p));
  const np = n * p;
  // Restarting past this bound (a > 10σ event) keeps rounding in the running sum from looping forever.
  const bound = Math.min(n, np + 10 * Math.sqrt(np * q + 1));
  for (;;) {
    let k = 0;
    let pk = qn;
    let u = rng.uniform();
    while (u > pk) {
      k++;
      if (k > bound) break;
      u -= pk;
      pk = ((n - k + 1) * p * pk) / (k * q);
    }
    if (k <= bound) return k;
  }
}

function binomialBTRS(rng: Rng, n: number, p: number): number {
  const q = 1 - p;
  const spq = Math.sqrt(n * p * q);
  const b = 1.15 + 2.53 * spq;
  const a = -0.0873 + 0.0248 * b + 0.01 * p;
  const c = n * p + 0.5;
  const vr = 0.92 - 4.2 / b;
  const alpha = (2.83 + 5.1 / b) * spq;
  const lpq = Math.log(p / q);
  const m = Math.floor((n + 1) * p);
  const h = lgamma(m + 1) + lgamma(n - m + 1);
  for (;;) {
    const u = rng.uniform() - 0.5;
    const v = rng.uniform();
    const us = 0.5 - Math.abs(u);
    const k = Math.floor(((2 * a) / us + b) * u + c);
    if (k < 0 || k > n) continue;
    if (us >= 0.07 && v <= vr) return k;
    const lv = Math.log((v * alpha) / (a / (us * us) + b));
    if (lv <= h - lgamma(k + 1) - lgamma(n - k + 1) + (k - m) * lpq) return k;
  }
}

/** NegativeBinomial(r, p), failures before the r-th success, as the gamma–Poisson mixture (any real r > 0). */
export function randNegativeBinomial(rng: Rng, r: number, p: number): number {
  if (p === 1) return 0;
  return randPoisson(rng, randGamma(rng, r, (1 - p) / p));
}

/**
 * An index in 0..K−1 drawn with probabilities proportional to `p` (0-based: add 1 for Julia's
 * Categorical). Scaling the uniform by the total tolerates weights that sum to 1 only up to rounding.
 */
export function randCategorical(rng: Rng, p: ArrayLike<number>): number {
  let total = 0;
  for (let i = 0; i < p.length; i++) total += p[i]!;
  const u = rng.uniform() * total;
  let cum = 0;
  let last = 0;
  for (let i = 0; i < p.length; i++) {
    if (p[i]! <= 0) continue;
    cum += p[i]!;
    last = i;
    if (u < cum) return i;
  }
  return last;
}

/**
 * von Mises(μ, κ) on [μ − π, μ + π] by Best & Fisher (1979), as Distributions.jl samples it. ρ is
 * rationalised because (τ − √(2τ))/(2κ) would lose every digit to cancellation for small κ.
 */
export function randVonMises(rng: Rng, mu: number, kappa: number): number {
  const tau = 1 + Math.sqrt(1 + 4 * kappa * kappa);
  const rho = (2 * kappa) / (tau + Math.sqrt(2 * tau)); // = (τ − √(2τ))/(2κ), rationalised
  const r = (1 + rho * rho) / (2 * rho);
  for (;;) {
    const z = Math.cos(Math.PI * rng.uniform());
    const f = (1 + r * z) / (r + z);
    const c = kappa * (r - f);
    const u = rng.uniform();
    if (c * (2 - c) > u || Math.log(c / u) + 1 - c >= 0) {
      const angle = Math.acos(Math.max(-1, Math.min(1, f)));
      return rng.uniform() < 0.5 ? mu - angle : mu + angle;
    }
  }
}
