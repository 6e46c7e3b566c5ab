import { describe, expect, it } from 'vitest';
import { lbeta, logistic, logit } from '../../math/index.js';
import { Rng, randBeta } from '../../rng/index.js';
import { expectMoments, mapDraws, run } from '../gibbs/test-support.js';
import { priorMH, type PriorProposalTarget } from './index.js';

/** p ~ Beta(a, b), s successes in n Bernoulli trials, sampled as θ = logit p (log-Jacobian log p(1 − p)). */
function betaBernoulli(a: number, b: number, s: number, n: number): PriorProposalTarget {
  const loglikelihood = (theta: Float64Array): number => {
    const p = logistic(theta[0]!);
    return s * Math.log(p) + (n - s) * Math.log1p(-p);
  };
  return {
    dimension: 1,
    drawPrior: (rng) => Float64Array.of(logit(randBeta(rng, a, b))),
    loglikelihood,
    logdensity: (theta) => {
      const p = logistic(theta[0]!);
      return loglikelihood(theta) + a * Math.log(p) + b * Math.log1p(-p) - lbeta(a, b);
    },
  };
}

describe('MH with prior proposals', () => {
  it('recovers a Beta–Bernoulli posterior: mean (a + s) / (a + b + n)', () => {
    const [a, b, s, n] = [2, 3, 7, 20];
    const { coordinates, infos } = run(priorMH, betaBernoulli(a, b, s, n), undefined, Float64Array.of(0), { seed: 11, chains: 4, draws: 3000, warmup: 100 });
    const [pa, pb] = [a + s, b + n - s];
    const mean = pa / (pa + pb);
    expectMoments(mapDraws(coordinates[0]!, logistic), mean, (mean * (1 - mean)) / (pa + pb + 1), 'p');
    for (const info of infos) expect(info.lp).toBeLessThan(0);
  });

  it('reports the log joint of the accepted point and the likelihood ratio as acceptance rate', () => {
    const target = betaBernoulli(1, 1, 3, 4);
    const rng = Rng.seeded(12);
    let state = priorMH.init(Float64Array.of(0), target);
    for (let t = 0; t < 50; t++) {
      const before = state;
      const { state: next, info } = priorMH.step(rng, state, undefined);
      expect(info.lp).toBe(target.logdensity(next.position));
      expect(info.is_accept).toBe(next !== before);
      if (info.is_accept) expect(info.acceptance_rate).toBeCloseTo(Math.min(1, Math.exp(next.loglikelihood - before.loglikelihood)), 12);
      state = next;
    }
  });

  it('rejects a prior draw the target cannot evaluate, with the message, and stays put', () => {
    const target: PriorProposalTarget = {
      dimension: 1,
      drawPrior: (rng) => Float64Array.of(rng.normal()),
      loglikelihood: (theta) => {
        if (theta[0]! > 0) throw new Error('Poisson: λ must be non-negative, got -1');
        return 0;
      },
      logdensity: (theta) => (theta[0]! < -1 ? -Infinity : 0),
    };
    const { coordinates, infos } = run(priorMH, target, undefined, Float64Array.of(-0.5), { seed: 13, chains: 1, draws: 300, warmup: 0 });
    expect(coordinates[0]!.data.every((x) => x <= 0 && x >= -1)).toBe(true);
    expect(infos.some((i) => i.error === 'Poisson: λ must be non-negative, got -1' && !i.is_accept && i.acceptance_rate === 0)).toBe(true);
    // Accepted by the likelihood but outside the support of the joint: refused without a message.
    expect(infos.some((i) => i.error === undefined && !i.is_accept && i.acceptance_rate === 0)).toBe(true);
  });

  it('is deterministic', () => {
    const options = { seed: 14, chains: 2, draws: 100, warmup: 0 };
    const a = run(priorMH, betaBernoulli(2, 2, 1, 5), undefined, Float64Array.of(0), options);
    const b = run(priorMH, betaBernoulli(2, 2, 1, 5), undefined, Float64Array.of(0), options);
    expect(b.coordinates[0]!.data).toEqual(a.coordinates[0]!.data);
  });
});
