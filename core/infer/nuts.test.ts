import { describe, expect, it } from 'vitest';
import { Rng } from '../rng/index.js';
import { diagonalMetric, initState, nuts, runChain, unitMetric } from './index.js';
import { column, correlatedGaussian, expectMoments, funnel, gaussian, halfNormal, statColumn } from './test-support.js';

const SDS = [0.1, 0.3, 0.5, 1, 2, 3, 5, 7, 10, 20];
const MEANS = [1, -1, 0, 2, 5, -3, 0.5, 10, -20, 4];

const count = (xs: Float64Array, hit: (x: number) => boolean) => xs.reduce((n, x) => n + (hit(x) ? 1 : 0), 0);

describe('NUTS', () => {
  it('recovers the means and variances of a 10-d Gaussian with scales from 0.1 to 20 (diagonal metric)', () => {
    const result = runChain(gaussian(MEANS, SDS), { sampler: 'nuts' }, { rng: Rng.seeded(1).split(0), init: new Float64Array(10), warmup: 1000, draws: 2000 });
    SDS.forEach((sd, j) => expectMoments(result, j, MEANS[j]!, sd * sd));
    // The adapted metric has found the scales, so the trees stay shallow.
    result.metric.inverseMass.forEach((v, j) => expect(Math.sqrt(v) / SDS[j]!).toBeGreaterThan(0.7));
    expect(Math.max(...statColumn(result, 'tree_depth'))).toBeLessThanOrEqual(4);
    expect(count(statColumn(result, 'is_divergent'), (x) => x === 1)).toBe(0);
  });

  it('recovers a correlated 2-d Gaussian with the dense metric, which learns the covariance', () => {
    const [s1, s2, rho] = [1, 3, 0.95];
    const result = runChain(correlatedGaussian(s1, s2, rho), { sampler: 'nuts', metric: 'dense' }, { rng: Rng.seeded(2).split(0), init: new Float64Array(2), warmup: 1000, draws: 2000 });
    expectMoments(result, 0, 0, s1 * s1);
    expectMoments(result, 1, 0, s2 * s2);
    const x = column(result.sampling.draws, 2, 0);
    const y = column(result.sampling.draws, 2, 1);
    const products = x.map((xi, i) => xi * y[i]!);
    expect(products.reduce((a, b) => a + b) / products.length).toBeCloseTo(rho * s1 * s2, 0);
    const m = result.metric.inverseMass;
    expect(m[1]! / Math.sqrt(m[0]! * m[3]!)).toBeGreaterThan(0.85);
    // With the correlation absorbed, NUTS needs few steps where a diagonal metric would need many.
    expect(statColumn(result, 'n_steps').reduce((a, b) => a + b) / result.sampling.count).toBeLessThan(8);
  });

  it('reports tree depths, steps and energies consistently', () => {
    const result = runChain(gaussian(MEANS, SDS), { sampler: 'nuts', metric: 'unit', maxTreeDepth: 5 }, { rng: Rng.seeded(3).split(0), init: Float64Array.from(MEANS), warmup: 300, draws: 300 });
    const depth = statColumn(result, 'tree_depth');
    const steps = statColumn(result, 'n_steps');
    const error = statColumn(result, 'hamiltonian_energy_error');
    const maxError = statColumn(result, 'max_hamiltonian_energy_error');
    const energy = statColumn(result, 'hamiltonian_energy');
    const lp = statColumn(result, 'lp');
    // Unit metric on scales up to 200× apart: the trees run into the cap.
    expect(Math.max(...depth)).toBe(5);
    depth.forEach((k, i) => {
      expect(k).toBeLessThanOrEqual(5);
      // k doublings take 2ᵏ − 1 steps; below the cap a rejected last subtree adds up to 2ᵏ more.
      expect(steps[i]!).toBeGreaterThanOrEqual(2 ** k - 1);
      expect(steps[i]!).toBeLessThanOrEqual(k === 5 ? 2 ** 5 - 1 : 2 ** (k + 1) - 1);
      expect(Math.abs(error[i]!)).toBeLessThanOrEqual(Math.abs(maxError[i]!));
      // H = K − log π with K ≥ 0.
      expect(energy[i]!).toBeGreaterThanOrEqual(-lp[i]!);
    });
    statColumn(result, 'acceptance_rate').forEach((a) => expect(a >= 0 && a <= 1).toBe(true));
    statColumn(result, 'step_size').forEach((e) => expect(e).toBe(result.stepSize));
  });

  it('leaves the state it was given untouched', () => {
    const t = gaussian([0, 0], [1, 1]);
    const kernel = nuts();
    const state = initState(Float64Array.of(0.5, -0.5), t);
    const copy = { position: Float64Array.from(state.position), gradient: Float64Array.from(state.gradient), logdensity: state.logdensity };
    const rng = Rng.seeded(4);
    let moved = 0;
    for (let i = 0; i < 20; i++) {
      const { state: next } = kernel.step(rng, state, { target: t, stepSize: 0.7, metric: unitMetric(2) });
      if (next !== state) moved++;
    }
    expect(moved).toBeGreaterThan(15);
    expect(state).toEqual(copy);
  });

  it('a funnel yields divergent draws, not an exception', () => {
    const result = runChain(funnel(10), { sampler: 'nuts' }, { rng: Rng.seeded(4).split(0), init: new Float64Array(10), warmup: 500, draws: 1000 });
    const divergent = statColumn(result, 'is_divergent');
    expect(count(divergent, (x) => x === 1)).toBeGreaterThan(0);
    expect(result.sampling.draws.every(Number.isFinite)).toBe(true);
    // A divergent transition flags an energy error beyond 1000 (or an unusable point).
    const maxError = statColumn(result, 'max_hamiltonian_energy_error');
    divergent.forEach((d, i) => d === 1 && expect(maxError[i]!).toBeGreaterThan(1000));
  });

  it.each(['infinite', 'throw'] as const)('a target that answers %s outside its support gives divergences and the chain goes on inside', (outside) => {
    const result = runChain(halfNormal(2, outside), { sampler: 'nuts' }, { rng: Rng.seeded(6).split(0), init: Float64Array.of(1, 0), warmup: 500, draws: 1000 });
    expect(count(statColumn(result, 'is_divergent'), (x) => x === 1)).toBeGreaterThan(0);
    expect(column(result.sampling.draws, 2, 0).every((x) => x > 0)).toBe(true);
    expect(statColumn(result, 'lp').every(Number.isFinite)).toBe(true);
    // Inside, the draws are still a half-normal's: E|θ₁| = √(2/π), E θ₁² = 1; θ₂ is a plain normal.
    expectMoments(result, 1, 0, 1);
    const x = column(result.sampling.draws, 2, 0);
    expect(x.reduce((a, b) => a + b) / x.length).toBeCloseTo(Math.sqrt(2 / Math.PI), 1);
  });

  it('a divergent step size in a fixed metric stays on the start point and says so', () => {
    const t = gaussian([0], [0.01]);
    const state = initState(Float64Array.of(0.001), t);
    const { state: next, info } = nuts().step(Rng.seeded(7), state, { target: t, stepSize: 10, metric: diagonalMetric(Float64Array.of(1)) });
    expect(info.is_divergent).toBe(true);
    expect(info.tree_depth).toBe(0);
    expect(info.n_steps).toBe(1);
    expect(next).toBe(state);
    expect(info.hamiltonian_energy_error).toBe(0);
  });
});
