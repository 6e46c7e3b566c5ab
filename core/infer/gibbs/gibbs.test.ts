import { describe, expect, it } from 'vitest';
import { digamma, lgamma, trigamma } from '../../math/index.js';
import { Rng } from '../../rng/index.js';
import type { DrawsMatrix } from '../../chains/index.js';
import { nuts, unitMetric, type NutsInfo } from '../index.js';
import { randomWalkMH, randomWalkProposal, type MHInfo } from '../mh/index.js';
import { adaptiveStepBlock, block, Gibbs, type DensityTarget, type GibbsInfo, type GibbsState, type GradientTarget, type Kernel } from './index.js';
import { expectMean, expectMoments, mapDraws, run, type Run } from './test-support.js';

/** N(0, [[1, ρ], [ρ, 1]]). */
const correlated = (rho: number): DensityTarget => ({
  dimension: 2,
  logdensity: (x) => (-0.5 * (x[0]! ** 2 - 2 * rho * x[0]! * x[1]! + x[1]! ** 2)) / (1 - rho * rho),
});

interface TinyHmcState {
  readonly position: Float64Array;
  readonly value: number;
  readonly grad: Float64Array;
  readonly target: GradientTarget;
}

/** Static HMC with a unit metric, only to drive a gradient block in these tests. */
const tinyHmc: Kernel<GradientTarget, TinyHmcState, { stepSize: number; steps: number }, { is_accept: boolean }> = {
  init: (position, target) => ({ position, ...target.logdensityAndGradient(position), target }),
  step: (rng, state, { stepSize, steps }) => {
    const q = state.position.slice();
    const p = Float64Array.from(q, () => rng.normal());
    const kinetic = (m: Float64Array) => 0.5 * m.reduce((s, v) => s + v * v, 0);
    const h0 = -state.value + kinetic(p);
    let g = state.grad;
    let value = state.value;
    for (let s = 0; s < steps; s++) {
      for (let i = 0; i < q.length; i++) p[i]! += 0.5 * stepSize * g[i]!;
      for (let i = 0; i < q.length; i++) q[i]! += stepSize * p[i]!;
      ({ value, grad: g } = state.target.logdensityAndGradient(q));
      for (let i = 0; i < q.length; i++) p[i]! += 0.5 * stepSize * g[i]!;
    }
    const accept = Math.log(rng.uniform()) < h0 - (-value + kinetic(p));
    return accept ? { state: { position: q, value, grad: g, target: state.target }, info: { is_accept: true } } : { state, info: { is_accept: false } };
  },
};

/**
 * k ~ Poisson(λ), λ ~ Gamma(2, 1), z ~ N(log λ, 1), sampled as (k, η = log λ, z), k discrete. Closed forms:
 * E[k] = E[λ] = 2, Var k = 4, Var λ = 2, E[z] = E[η] = ψ(2), Var z = 1 + ψ′(2).
 */
const poissonGammaNormal: GradientTarget = {
  dimension: 3,
  discrete: [true, false, false],
  logdensity: (t) => {
    const [k, eta, z] = [t[0]!, t[1]!, t[2]!];
    if (k < 0) return -Infinity;
    return k * eta - lgamma(k + 1) + 2 * eta - 2 * Math.exp(eta) - 0.5 * (z - eta) ** 2;
  },
  logdensityAndGradient: (t) => {
    const [k, eta, z] = [t[0]!, t[1]!, t[2]!];
    // No derivative in the discrete k: a gradient block never sees that coordinate.
    return { value: poissonGammaNormal.logdensity(t), grad: Float64Array.of(NaN, k + 2 - 2 * Math.exp(eta) + (z - eta), eta - z) };
  },
};

function expectPoissonGammaNormal(gibbs: Kernel<GradientTarget, GibbsState<GradientTarget>, void, GibbsInfo>, seed: number): Run<GibbsInfo> {
  const result = run(gibbs, poissonGammaNormal, undefined, Float64Array.of(2, 0, 0), { seed, chains: 4, draws: 2500, warmup: 200 });
  const [k, eta, z] = result.coordinates as [DrawsMatrix, DrawsMatrix, DrawsMatrix];
  expect(k.data.every((v) => Number.isInteger(v) && v >= 0)).toBe(true);
  expectMoments(k, 2, 4, 'k');
  expectMoments(mapDraws(eta, Math.exp), 2, 2, 'λ');
  expectMoments(z, digamma(2), 1 + trigamma(2), 'z');
  return result;
}

describe('Gibbs', () => {
  it('with two random-walk blocks recovers a correlated Gaussian', () => {
    const rho = 0.6;
    const proposal = randomWalkProposal(1, { scale: 2 });
    const gibbs = Gibbs([block([0], randomWalkMH, () => proposal), block([1], randomWalkMH, () => proposal)]);
    const { coordinates } = run(gibbs, correlated(rho), undefined, Float64Array.of(3, -3), { seed: 21, chains: 4, draws: 3000, warmup: 200 });
    const [x, y] = coordinates as [DrawsMatrix, DrawsMatrix];
    expectMoments(x, 0, 1, 'x');
    expectMoments(y, 0, 1, 'y');
    expectMean({ ...x, data: x.data.map((v, k) => v * y.data[k]!) }, rho, 'covariance');
  });

  it('with a discrete random-walk block and a gradient block recovers a Poisson–Gamma–Normal model', () => {
    const gibbs = Gibbs([block([0], randomWalkMH, () => randomWalkProposal(1)), block([1, 2], tinyHmc, () => ({ stepSize: 0.3, steps: 5 }))]);
    const { infos } = expectPoissonGammaNormal(gibbs, 22);
    const hmcAccepted = infos.filter((i) => (i.blocks[1] as { is_accept: boolean }).is_accept).length / infos.length;
    expect(hmcAccepted).toBeGreaterThan(0.5);
  });

  it('takes the NUTS kernel of core/infer as a gradient block as it stands', () => {
    const kernel = nuts();
    const metric = unitMetric(2);
    const gibbs = Gibbs([block([0], randomWalkMH, () => randomWalkProposal(1)), block([1, 2], kernel, (target) => ({ target, stepSize: 0.5, metric }))]);
    const { infos } = expectPoissonGammaNormal(gibbs, 26);
    expect(infos.every((i) => (i.blocks[1] as NutsInfo).is_divergent === false)).toBe(true);
  });

  it('adapts a gradient block’s step size over the warm-up sweeps to the target acceptance, then keeps it', () => {
    const warmup = 300;
    const normal: GradientTarget = {
      dimension: 2,
      logdensity: (x) => -0.5 * (x[0]! ** 2 + (x[1]! / 3) ** 2),
      logdensityAndGradient: (x) => ({ value: normal.logdensity(x), grad: Float64Array.of(-x[0]!, -x[1]! / 9) }),
    };
    // A step size far too large to start from: without adaptation NUTS would reject nearly everything.
    const adaptive = adaptiveStepBlock([0, 1], nuts(), (target: GradientTarget, stepSize) => ({ target, stepSize, metric: unitMetric(2) }), { stepSize: 20, warmup });
    const { coordinates, infos } = run(Gibbs([adaptive]), normal, undefined, Float64Array.of(1, 1), { seed: 27, chains: 4, draws: 2000, warmup });
    expectMoments(coordinates[0]!, 0, 1, 'x');
    expectMoments(coordinates[1]!, 0, 9, 'y');
    const stats = infos.map((i) => i.blocks[0] as NutsInfo);
    const acceptance = stats.reduce((sum, i) => sum + i.acceptance_rate, 0) / stats.length;
    expect(acceptance).toBeGreaterThan(0.7);
    expect(acceptance).toBeLessThan(0.95);
    // After warm-up every sweep of a chain uses one step size, far below the one it started from.
    for (let c = 0; c < 4; c++) expect(new Set(stats.slice(c * 2000, (c + 1) * 2000).map((i) => i.step_size)).size).toBe(1);
    expect(stats[0]!.step_size).toBeLessThan(5);
  });

  it('reports the full log density after the sweep and each block’s info in order', () => {
    const target = correlated(0.3);
    const gibbs = Gibbs([block([1], randomWalkMH, () => randomWalkProposal(1)), block([0, 1], randomWalkMH, () => randomWalkProposal(2))]);
    let state = gibbs.init(Float64Array.of(0, 0), target);
    const rng = Rng.seeded(23);
    for (let t = 0; t < 20; t++) {
      const { state: next, info } = gibbs.step(rng, state);
      expect(info.lp).toBe(target.logdensity(next.position));
      expect(next.lp).toBe(info.lp);
      expect(info.blocks).toHaveLength(2);
      expect((info.blocks[1] as MHInfo).lp).toBe(info.lp);
      state = next;
    }
  });

  it('leaves the state it was given untouched', () => {
    const gibbs = Gibbs([block([0, 1], randomWalkMH, () => randomWalkProposal(2))]);
    const state = gibbs.init(Float64Array.of(0.5, -0.5), correlated(0));
    gibbs.step(Rng.seeded(24), state);
    expect(state.position).toEqual(Float64Array.of(0.5, -0.5));
  });

  it('is deterministic', () => {
    const gibbs = Gibbs([block([0], randomWalkMH, () => randomWalkProposal(1)), block([1], randomWalkMH, () => randomWalkProposal(1))]);
    const options = { seed: 25, chains: 2, draws: 200, warmup: 0 };
    const a = run(gibbs, correlated(0.5), undefined, Float64Array.of(0, 0), options);
    const b = run(gibbs, correlated(0.5), undefined, Float64Array.of(0, 0), options);
    expect(b.coordinates[0]!.data).toEqual(a.coordinates[0]!.data);
    expect(b.coordinates[1]!.data).toEqual(a.coordinates[1]!.data);
  });

  it('refuses no blocks, and a coordinate no block moves', () => {
    expect(() => Gibbs([])).toThrow(/at least one block/);
    const gibbs = Gibbs([block([0], randomWalkMH, () => randomWalkProposal(1))]);
    expect(() => gibbs.init(Float64Array.of(0, 0), correlated(0))).toThrow(/coordinate 1 is in no Gibbs block/);
    expect(() => gibbs.init(Float64Array.of(0), correlated(0))).toThrow(/position has 1 coordinates, the target 2/);
  });
});
