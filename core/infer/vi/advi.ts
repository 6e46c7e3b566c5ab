import type { Rng } from '../../rng/index.js';
import { evaluate, type Target } from '../target.js';
import { dowgInit, dowgStep, type DowgState } from './dowg.js';
import { drawGaussian, entropy, gaussianLayout, gaussianParameters, locationScale, type GaussianFamily, type GaussianLayout } from './family.js';

/**
 * ADVI as Turing ≥ 0.40 runs `vi(model, q, n)`: AdvancedVI's `KLMinRepGradProxDescent` with 10 draws per gradient,
 * its DoWG optimiser and polynomial averaging (η = 8). The energy E_q[log p(z)] is estimated with the
 * reparameterisation z = μ + L u, u ~ N(0, I); the entropy log |det L| is left out of the gradient and
 * handled exactly by its proximal operator after each step, which also keeps the scale's diagonal positive.
 */
export interface AdviState {
  readonly layout: GaussianLayout;
  /** The current iterate [μ; scale entries]. */
  readonly params: Float64Array;
  /** The polynomial average of the iterates: the approximation the run returns (AdvancedVI's `q_avg`). */
  readonly averaged: Float64Array;
  readonly averagedSteps: number;
  readonly optimizer: DowgState;
}

export interface AdviParams {
  readonly target: Target;
  /** Monte-Carlo draws per gradient (Turing's `n_samples`, 10 in its `vi`). */
  readonly samples: number;
}

export interface AdviInfo {
  /** The ELBO estimate at the iterate before the step: the draws' mean log density plus q's entropy. */
  readonly elbo: number;
  readonly gradientNorm: number;
  readonly stepSize: number;
  /**
   * Some draw had a log density or gradient that was not finite: the step is skipped, as Stan's ADVI drops such
   * evaluations, rather than letting one NaN spoil every later iterate.
   */
  readonly skipped: boolean;
}

/** AdvancedVI's `PolynomialAveraging()` default: weight (η + 1)/(t + η) on the t-th iterate. */
const AVERAGING_ETA = 8;

/** Turing's `q_initialize_scale`: halve the initial scale up to 10 times until 10 draws give a finite mean log density. */
const SCALE_TRIES = 10;
const SCALE_DRAWS = 10;

export class AdviInitError extends Error {}

/**
 * q = N(location, I) shrunk until its draws have a finite log density, as Turing's `q_meanfield_gaussian` and
 * `q_fullrank_gaussian` start (their location is 0 unless given).
 */
export function adviInit(rng: Rng, target: Target, location: Float64Array, family: GaussianFamily): AdviState {
  const layout = gaussianLayout(family, target.dimension);
  const u = new Float64Array(layout.dimension);
  const z = new Float64Array(layout.dimension);
  const grad = new Float64Array(layout.dimension);
  let scale = 1;
  for (let trial = 0; trial <= SCALE_TRIES; trial++, scale /= 2) {
    const params = gaussianParameters(layout, location, scale);
    let total = 0;
    for (let s = 0; s < SCALE_DRAWS; s++) {
      drawGaussian(layout, params, rng, u, z);
      total += evaluate(target, z, grad);
    }
    if (Number.isFinite(total)) return { layout, params, averaged: params.slice(), averagedSteps: 1, optimizer: dowgInit(params) };
  }
  throw new AdviInitError(`no initial Gaussian approximation had a finite log density at its draws: the scale was halved ${SCALE_TRIES} times from 1`);
}

export function adviStep(rng: Rng, state: AdviState, { target, samples }: AdviParams): { state: AdviState; info: AdviInfo } {
  const { layout, params: x } = state;
  const d = layout.dimension;
  const grad = new Float64Array(x.length);
  const g = new Float64Array(d);
  const u = new Float64Array(d);
  const z = new Float64Array(d);
  let energy = 0;
  for (let s = 0; s < samples; s++) {
    for (let i = 0; i < d; i++) u[i] = rng.normal();
    locationScale(layout, x, u, z);
    const value = evaluate(target, z, g);
    if (value === -Infinity) return { state, info: { elbo: -Infinity, gradientNorm: NaN, stepSize: 0, skipped: true } };
    energy += value;
    // ∂z/∂μ = I and ∂z_i/∂L_ij = u_j.
    for (let i = 0; i < d; i++) grad[i]! += g[i]!;
    for (let e = 0; e < layout.rows.length; e++) grad[d + e]! += g[layout.rows[e]!]! * u[layout.cols[e]!]!;
  }
  let squares = 0;
  for (let k = 0; k < grad.length; k++) {
    grad[k]! /= samples;
    squares += grad[k]! * grad[k]!;
  }
  const elbo = energy / samples + entropy(layout, x);
  const { stepSize, state: optimizer } = dowgStep(state.optimizer, x, grad);
  const next = x.slice();
  for (let k = 0; k < next.length; k++) next[k]! += stepSize * grad[k]!;
  // The proximal map of −γ log L_ii: the positive root of L′² − L L′ − γ = 0.
  for (const k of layout.diagonal) next[k] = 0.5 * (next[k]! + Math.sqrt(next[k]! * next[k]! + 4 * stepSize));
  const t = state.averagedSteps;
  const w = (AVERAGING_ETA + 1) / (t + AVERAGING_ETA);
  const averaged = state.averaged.map((a, k) => (1 - w) * a + w * next[k]!);
  return { state: { layout, params: next, averaged, averagedSteps: t + 1, optimizer }, info: { elbo, gradientNorm: Math.sqrt(squares), stepSize, skipped: false } };
}

/** A draw z of the averaged approximation, with log q(z). */
export function drawApproximation(rng: Rng, state: AdviState): { z: Float64Array; logq: number } {
  const d = state.layout.dimension;
  const z = new Float64Array(d);
  const logq = drawGaussian(state.layout, state.averaged, rng, new Float64Array(d), z);
  return { z, logq };
}
