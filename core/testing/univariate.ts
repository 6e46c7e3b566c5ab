import { expect } from 'vitest';
import { finiteDifferenceGradient, forwardGradient, value, type Real } from '../ad/index.js';
import type { Univariate } from '../dist/index.js';
import { Rng } from '../rng/index.js';
import { expectMoments, sample } from './moments.js';
import { expectReplayableNodes } from './replay.js';

/** Checks shared by the univariate distribution tests. */

export function expectClose(actual: Real, expected: number, rel = 1e-10, label = ''): void {
  const a = value(actual);
  if (!Number.isFinite(expected)) {
    expect(a, label).toBe(expected);
    return;
  }
  expect(Math.abs(a - expected), `${label} ${a} vs ${expected}`).toBeLessThanOrEqual(rel * Math.max(Math.abs(expected), 1e-300));
}

/** Forward-mode gradient equals central differences at θ, to `tol` relative (absolute below 1). */
function expectForwardGradient(f: (θ: readonly Real[]) => Real, θ: readonly number[], tol = 1e-6, label = ''): void {
  const fwd = forwardGradient(f, θ);
  const fd = finiteDifferenceGradient(f, θ);
  expect(fwd.value, label).toBe(value(f(θ)));
  for (let i = 0; i < θ.length; i++) {
    const a = fwd.grad[i]!;
    const b = fd.grad[i]!;
    expect(Math.abs(a - b), `${label} ∂/∂θ[${i}] at [${θ.join(', ')}]: forward ${a}, differences ${b}`).toBeLessThanOrEqual(tol * Math.max(1, Math.abs(b)));
  }
}

type Make = (params: readonly Real[]) => Univariate;

/**
 * logpdf, logcdf and logccdf differentiated with respect to x (continuous families only) and every
 * parameter, at each x where they are finite (differences of infinities say nothing); and every node
 * they build is replayable from its recompute rule.
 */
export function expectDistGradients(make: Make, params: readonly number[], xs: readonly number[], opts: { discrete?: boolean; tails?: boolean } = {}): void {
  const fns: ((d: Univariate, x: Real) => Real)[] = [(d, x) => d.logpdf(x)];
  if (opts.tails !== false) fns.push((d, x) => d.logcdf(x), (d, x) => d.logccdf(x));
  for (const x of xs) {
    for (const [k, fn] of fns.entries()) {
      const label = `${['logpdf', 'logcdf', 'logccdf'][k]}(${x})`;
      if (!Number.isFinite(value(fn(make(params), x)))) continue;
      if (opts.discrete) expectForwardGradient((θ) => fn(make(θ), x), params, 1e-6, label);
      else expectForwardGradient((θ) => fn(make(θ.slice(1)), θ[0]!), [x, ...params], 1e-6, label);
      expectReplayableNodes((lifted) => fn(make(lifted.slice(1)), opts.discrete ? x : lifted[0]!), [x, ...params], label);
    }
  }
}

/** cdf(quantile(p)) = p for continuous families; for discrete ones, quantile(p) is the smallest k with cdf(k) ≥ p. */
export function expectQuantileRoundTrip(d: Univariate, ps: readonly number[], rel = 1e-9): void {
  for (const p of ps) {
    const x = d.quantile(p);
    if (d.discrete) {
      expect(value(d.cdf(x)), `cdf(quantile(${p}))`).toBeGreaterThanOrEqual(p - 1e-12);
      expect(value(d.cdf(x - 1)), `cdf(quantile(${p}) − 1)`).toBeLessThan(p);
    } else {
      expectClose(d.cdf(x), p, rel, `cdf(quantile(${p}))`);
    }
  }
}

/** The sample mean and variance of n draws agree with the distribution's mean() and var(). */
export function expectRandMoments(d: Univariate, seed = 1, n = 20000): Float64Array {
  const rng = Rng.seeded(seed);
  const xs = sample(n, () => d.rand(rng));
  expectMoments(xs, value(d.mean()), value(d.var()));
  return xs;
}

/** Thrown as a DistributionArgumentError with exactly this message. */
export function expectArgumentError(construct: () => unknown, message: string): void {
  expect(construct).toThrow(expect.objectContaining({ name: 'DistributionArgumentError', message }));
}
