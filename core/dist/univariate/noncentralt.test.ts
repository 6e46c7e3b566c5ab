import { describe, expect, it } from 'vitest';
import { expectArgumentError, expectClose, expectDistGradients, expectQuantileRoundTrip, expectRandMoments } from '../../testing/univariate.js';
import { forwardGradient } from '../../ad/index.js';
import { Rng } from '../../rng/index.js';
import { expectMoments, sample } from '../../testing/moments.js';
import { Normal, NoncentralT, TDist } from '../index.js';

describe('NoncentralT', () => {
  it('logpdf, cdf and logccdf are R’s dnt and pnt, which Distributions.jl calls', () => {
    const cases: [x: number, ν: number, λ: number, logpdf: number, cdf: number, logccdf: number][] = [
      [1, 2, 1, -1.1461701516779161, 0.4557458087862223, -0.6083388779990564],
      [-1.5, 2, 1, -3.72064092222681708, 0.02442166631965437, -0.02472482108670528],
      [0, 5, 2, -2.96861958905472401, 0.02275013194817921, -0.02301290932896349],
      [3, 5.5, 2.5, -1.3486000791514325, 0.6025770391024954, -0.9227541727340354],
      [0.5, 10, -1, -2.0801485232808243, 0.9303983163067016, -2.6649665209386932],
      [20, 3, 10, -4.0216299985503214, 0.8591782314532792, -1.9602602410528076],
      [-0.3, 1.2, 0.7, -1.6744981290099852, 0.175145296836784, -0.1925480255358626],
      [1e-9, 4, 1, -1.4808292530117262, 0.1586552541589061, -0.1727537792937897],
    ];
    for (const [x, ν, λ, lp, c, lcc] of cases) {
      const d = NoncentralT(ν, λ);
      expectClose(d.logpdf(x), lp, 1e-12, `logpdf(${x}; ${ν}, ${λ})`);
      expectClose(d.cdf(x), c, 1e-12, `cdf(${x}; ${ν}, ${λ})`);
      expectClose(d.logccdf(x), lcc, 1e-12, `logccdf(${x}; ${ν}, ${λ})`);
    }
  });

  it('is TDist at λ = 0', () => {
    for (const x of [-2, 0.3, 4]) expect(NoncentralT(3.5, 0).logpdf(x)).toBe(TDist(3.5).logpdf(x));
  });

  it('partials in x, ν and λ, taken numerically', () => {
    expectDistGradients((p) => NoncentralT(p[0]!, p[1]!), [5.5, 1.3], [-1, 0.4, 2.5]);
  });

  it('quantile inverts the cdf as R’s qnt; moments and draws', () => {
    const d = NoncentralT(5, 1.5);
    expectClose(d.quantile(0.3), 1.000983463516476, 1e-12);
    expectQuantileRoundTrip(d, [0.01, 0.5, 0.95]);
    expectClose(d.mean(), 1.7841241161527712, 1e-13);
    expectClose(d.var(), 2.23356780482876, 1e-12);
    expect([NoncentralT(1, 1).mean(), NoncentralT(2, 1).var()]).toEqual([NaN, NaN]);
    expectRandMoments(NoncentralT(12, 0.8));
  });

  it('ν = Inf is Normal(λ, 1), which Distributions.jl accepts and Rmath gives', () => {
    const d = NoncentralT(Infinity, 1.5);
    const n = Normal(1.5, 1);
    for (const x of [-1, 0.2, 3]) {
      expectClose(d.logpdf(x), n.logpdf(x) as number, 1e-14);
      expectClose(d.cdf(x), n.cdf(x) as number, 1e-14);
    }
    expect(d.mean()).toBe(1.5);
    const g = forwardGradient(([x, ν, λ]) => NoncentralT(ν!, λ!).logpdf(x!), [0.2, Infinity, 1.5]);
    expect(g.grad[1]).toBe(0);
    expectClose(g.grad[0]!, 1.3, 1e-7);
    expectClose(g.grad[2]!, -1.3, 1e-7);
    // Distributions.jl's var is ν(1 + λ²)/(ν − 2) − mean², NaN at ν = Inf: the draws are checked against Normal(λ, 1).
    expect(d.var()).toBeNaN();
    const rng = Rng.seeded(1);
    expectMoments(sample(20000, () => d.rand(rng)), 1.5, 1);
    expect(NoncentralT(Infinity, 0).logpdf(0.2)).toBe(Normal(0, 1).logpdf(0.2));
  });

  it('rejects bad arguments by name', () => {
    expectArgumentError(() => NoncentralT(0, 1), 'NoncentralT: degrees of freedom ν must be positive, got 0');
    expectArgumentError(() => NoncentralT(2, NaN), 'NoncentralT: noncentrality λ must be finite, got NaN');
  });
});
