import { describe, expect, it } from 'vitest';
import { bijectorFor } from '../bijectors/index.js';
import { Rng } from '../rng/index.js';
import { Beta, Dirichlet, Exponential, Normal, Poisson, pushforward, supportBijector, truncated, type Univariate } from './index.js';

const logistic = (y: number): number => 1 / (1 + Math.exp(-y));

/** Bijectors' `transformed(D)`: D pushed through its own support's map onto ℝⁿ. */
const transformed = (d: Parameters<typeof supportBijector>[0]) => pushforward(d, supportBijector(d));

describe("Bijectors' transformed(D): the distribution of y = b(x) for x ~ D, b D's map onto ℝⁿ", () => {
  it('has log density D at b⁻¹(y) plus log|J_{b⁻¹}(y)|: Beta through logit, Exponential through log', () => {
    const y = 0.8;
    const x = logistic(y);
    // Beta(2, 3): 12 x (1 − x)², times dx/dy = x (1 − x).
    expect(transformed(Beta(2, 3)).logpdf(y)).toBeCloseTo(Math.log(12 * x * (1 - x) ** 2 * x * (1 - x)), 12);
    expect(transformed(Exponential(2)).logpdf(y)).toBeCloseTo(-Math.log(2) - Math.exp(y) / 2 + y, 12);
    expect(transformed(Beta(2, 3)).support()).toEqual({ kind: 'real' });
  });

  it('reads the tails the right way round where b decreases (an upper bound maps through log(b − x))', () => {
    const d = truncated(Normal(), undefined, 1);
    const t = transformed(d) as Univariate;
    const y = -0.3;
    const x = 1 - Math.exp(y);
    expect(t.logcdf(y)).toBeCloseTo(d.logccdf(x) as number, 12);
    expect(t.logccdf(y)).toBeCloseTo(d.logcdf(x) as number, 12);
    // Its quantile is b of D's upper quantile, so that cdf(quantile(p)) = p.
    expect(Math.exp(t.logcdf(t.quantile(0.3)) as number)).toBeCloseTo(0.3, 10);
    const rng = Rng.seeded(3);
    const draws = Array.from({ length: 4000 }, () => t.rand(rng));
    expect(draws.filter((v) => v <= t.quantile(0.3)).length / draws.length).toBeCloseTo(0.3, 1);
  });

  it("a Dirichlet lands on ℝᴷ⁻¹ through the stick-breaking map; Dirichlet(2, 3)'s first stick is Beta(2, 3)", () => {
    const t = transformed(Dirichlet([2, 3]));
    expect(t.shape).toEqual([1]);
    const y = -0.4;
    expect(t.logpdf([y])).toBeCloseTo(transformed(Beta(2, 3)).logpdf(y) as number, 12);
    expect(t.rand(Rng.seeded(1))).toHaveLength(1);
  });

  it("through b's inverse, from ℝⁿ into b's support: exp of a normal is log-normal, with that support and its tails", () => {
    const positive = { kind: 'lower', lower: 0 } as const;
    const t = pushforward(Normal(0.5, 2), bijectorFor(positive), positive) as Univariate;
    expect(t.support()).toEqual(positive);
    expect(t.logpdf(1.5)).toBeCloseTo((Normal(0.5, 2).logpdf(Math.log(1.5)) as number) - Math.log(1.5), 12);
    expect(t.logcdf(1.5)).toBeCloseTo(Normal(0.5, 2).logcdf(Math.log(1.5)) as number, 12);
    expect([t.minimum(), t.maximum()]).toEqual([0, Infinity]);
    expect(t.quantile(0.5)).toBeCloseTo(Math.exp(0.5), 12);
    expect(() => pushforward(Normal(), bijectorFor({ kind: 'simplex', dim: 2 }), { kind: 'simplex', dim: 2 })).toThrow('transformed: the transform makes 2 values of the one Normal draws');
  });

  it('refuses a discrete distribution and a transform of another size', () => {
    expect(() => transformed(Poisson(2))).toThrow('transformed: Bijectors transforms continuous distributions only, got Poisson');
    expect(() => pushforward(Dirichlet([1, 1, 1]), bijectorFor({ kind: 'simplex', dim: 2 }))).toThrow('transformed: the transform takes 2 values where Dirichlet draws 3');
  });
});
