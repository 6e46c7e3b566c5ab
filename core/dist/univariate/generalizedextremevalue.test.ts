import { describe, expect, it } from 'vitest';
import { expectArgumentError, expectClose, expectDistGradients, expectQuantileRoundTrip, expectRandMoments } from '../../testing/univariate.js';
import { GeneralizedExtremeValue, Gumbel } from '../index.js';

describe('GeneralizedExtremeValue', () => {
  // SciPy's genextreme has c = −ξ.
  it('logpdf, cdf, upper tail and moments match SciPy for ξ > 0, ξ < 0 and ξ = 0', () => {
    const cases: [number, number[]][] = [
      [0.3, [-1.3680066911836812, 0.5090077788788576, -2.1562444773509033, 1.6922213305902307, 8.53139035428683]],
      [-0.2, [-1.177594913260704, 0.5234949745096175, -4.383616452161903, 0.9909875456014363, 1.5922792073922232]],
      [0, [-1.258228853661065, 0.5172439648429208, -2.9436015402680646, 1.1926587978818395, 2.368705056261446]],
    ];
    for (const [ξ, [lp, cdf, lsf, mean, v]] of cases) {
      const d = GeneralizedExtremeValue(0.5, 1.2, ξ);
      expectClose(d.logpdf(1), lp!, 1e-13, `ξ = ${ξ}`);
      expectClose(d.cdf(1), cdf!, 1e-13, `ξ = ${ξ}`);
      expectClose(d.logccdf(4), lsf!, 1e-13, `ξ = ${ξ}`);
      expectClose(d.mean(), mean!, 1e-12, `ξ = ${ξ}`);
      expectClose(d.var(), v!, 1e-12, `ξ = ${ξ}`);
    }
    expectClose(GeneralizedExtremeValue(0.5, 1.2, 0).logpdf(1.7), Gumbel(0.5, 1.2).logpdf(1.7) as number, 1e-15);
  });

  it('is continuous through ξ = 0, where |ξ| < eps is the Gumbel case (50-digit closed form at x = −2)', () => {
    const cases: [number, number][] = [[1e-3, -6.143396586361825], [1e-12, -6.130183219541054], [0, -6.130183219527879], [-1e-12, -6.130183219514704], [-1e-3, -6.117045721011984]];
    for (const [ξ, lp] of cases) expectClose(GeneralizedExtremeValue(0.5, 1.2, ξ).logpdf(-2), lp, 1e-14, `ξ = ${ξ}`);
  });

  it('has the support Distributions.jl gives it, endpoint μ − σ/ξ', () => {
    const right = GeneralizedExtremeValue(0.5, 1.2, 0.3);
    expectClose(right.minimum(), 0.5 - 1.2 / 0.3, 1e-15);
    expect(right.logpdf(-3.6)).toBe(-Infinity);
    expect(right.logcdf(-3.6)).toBe(-Infinity);
    const left = GeneralizedExtremeValue(0.5, 1.2, -0.2);
    expect(left.support().kind).toBe('upper');
    expectClose(left.maximum(), 0.5 + 1.2 / 0.2, 1e-15);
    expect(left.logpdf(6.6)).toBe(-Infinity);
    expect(left.logccdf(6.6)).toBe(-Infinity);
    expect(GeneralizedExtremeValue(0, 1, 0).support()).toEqual({ kind: 'real' });
    expect(GeneralizedExtremeValue(0, 1, 1).mean()).toBe(Infinity);
  });

  it('partials in x, μ, σ and ξ, including ξ near and at 0', () => {
    for (const ξ of [0.3, -0.2, 1e-3, -1e-3, 1e-5, 1e-12, -1e-12, 0]) {
      expectDistGradients(([m, s, k]) => GeneralizedExtremeValue(m!, s!, k!), [0.5, 1.2, ξ], [-0.5, 1, 3]);
    }
  });

  it('quantiles and draws', () => {
    for (const ξ of [0.3, -0.2, 0]) expectQuantileRoundTrip(GeneralizedExtremeValue(0.5, 1.2, ξ), [1e-9, 0.3, 0.5, 1 - 1e-9]);
    expectRandMoments(GeneralizedExtremeValue(0.5, 1.2, -0.2));
    expectRandMoments(GeneralizedExtremeValue(0.5, 1.2, 0.1));
  });

  it('rejects bad arguments by name', () => {
    expectArgumentError(() => GeneralizedExtremeValue(0, -1, 0.1), 'GeneralizedExtremeValue: scale σ must be positive, got -1');
  });
});
