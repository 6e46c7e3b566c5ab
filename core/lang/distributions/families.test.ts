import { describe, expect, it } from 'vitest';
import { expectGradient } from '../../testing/index.js';
import { checkModel, distributionSignatures, type CheckRequest } from '../index.js';
import { normalLogpdf } from '../testing.js';

const json = (text: string) => ({ text, format: 'json' as const });

function loglikelihood(source: string, data: object, params: Record<string, unknown>): number {
  const outcome = checkModel({ source, data: json(JSON.stringify(data)), params });
  if (!outcome.ok) throw new Error(outcome.diagnostics.map((d) => d.message).join('; '));
  return outcome.value.loglikelihood;
}

function firstError(req: CheckRequest) {
  const outcome = checkModel(req);
  if (outcome.ok) throw new Error('expected the check to fail');
  const d = outcome.diagnostics.find((x) => x.severity === 'error')!;
  return { ...d, text: req.source.slice(d.from, d.to) };
}

describe('the Distributions.jl families Turing models paste', () => {
  it('TruncatedNormal and the capitalised Truncated are truncated(Normal(μ, σ), l, u)', () => {
    const model = (rhs: string) => `@model function m(y)\n    μ ~ Normal(0, 1)\n    y ~ ${rhs}\nend\n`;
    const reference = loglikelihood(model('truncated(Normal(μ, 2); lower = 0, upper = 3)'), { y: 1.2 }, { μ: 0.4 });
    expect(loglikelihood(model('TruncatedNormal(μ, 2, 0, 3)'), { y: 1.2 }, { μ: 0.4 })).toBe(reference);
    expect(loglikelihood(model('Truncated(Normal(μ, 2), 0, 3)'), { y: 1.2 }, { μ: 0.4 })).toBe(reference);
  });

  it('censored observations: positional and keyword bounds, the masses at them and the density inside', () => {
    const source = '@model function m(y)\n    μ ~ Normal(0, 1)\n    for i in eachindex(y)\n        y[i] ~ censored(Normal(μ, 2); lower = -1, upper = 3)\n    end\nend\n';
    // SciPy: norm(1, 2).logcdf(-1), .logsf(3), .logpdf(0.5)
    expect(loglikelihood(source, { y: [-1, 3, 0.5] }, { μ: 1 })).toBeCloseTo(-1.8410216450092634 * 2 - 1.643335713764618, 12);
    const positional = source.replace('censored(Normal(μ, 2); lower = -1, upper = 3)', 'censored(Normal(μ, 2), -1, 3)');
    expect(loglikelihood(positional, { y: [-1, 3, 0.5] }, { μ: 1 })).toBeCloseTo(-1.8410216450092634 * 2 - 1.643335713764618, 12);
    const rightOnly = source.replace('censored(Normal(μ, 2); lower = -1, upper = 3)', 'censored(Normal(μ, 2); upper = 3)');
    expect(loglikelihood(rightOnly, { y: [3] }, { μ: 1 })).toBeCloseTo(-1.8410216450092634, 12);
  });

  it('a parameter with a censored continuous distribution is an error at its `~` that points to truncated', () => {
    const source = '@model function m(y)\n    x ~ censored(Normal(0, 1), -1, 1)\n    y ~ Normal(x, 1)\nend\n';
    const e = firstError({ source, data: json('{"y": 0.5}') });
    expect(e.message).toMatch(/^censored: a censored Normal has point masses at its bounds, so it can only be observed.*use truncated\(d, lower, upper\)$/);
    expect([e.line, e.column, e.text]).toEqual([2, 5, 'x ~ censored(Normal(0, 1), -1, 1)']);
  });

  it('BetaBinomial counts are checked like Binomial’s', () => {
    const source = '@model function m(k)\n    a ~ Gamma(2, 1)\n    k ~ BetaBinomial(10, a, 2)\nend\n';
    expect(firstError({ source, data: json('{"k": -1}') }).message).toBe('`k` = -1 is not a valid BetaBinomial observation: counts cannot be negative');
  });

  it('DiscreteNonParametric observes its own support points, integers or not; Skellam observes negative counts', () => {
    const dnp = '@model function m(y)\n    p ~ Dirichlet(3, 1.0)\n    y ~ DiscreteNonParametric([0.5, -1.5, 2.0], p)\nend\n';
    expect(loglikelihood(dnp, { y: -1.5 }, { p: [0.2, 0.3, 0.5] })).toBeCloseTo(Math.log(0.3), 14);
    const skellam = '@model function m(y)\n    μ ~ Gamma(2, 1)\n    y ~ Skellam(μ, 1.5)\nend\n';
    // SciPy: skellam(3.2, 1.5).logpmf(-3)
    expect(loglikelihood(skellam, { y: -3 }, { μ: 3.2 })).toBeCloseTo(-4.190380158744309, 12);
    const binomials = '@model function m(k)\n    p ~ filldist(Beta(2, 2), 2)\n    k ~ PoissonBinomial(p)\nend\n';
    expect(firstError({ source: binomials, data: json('{"k": -1}') }).message).toBe('`k` = -1 is not a valid PoissonBinomial observation: counts cannot be negative');
  });

  it('DirichletMultinomial(n, k) has α = ones(k)', () => {
    const source = (rhs: string) => `@model function m(y)\n    y ~ ${rhs}\nend\n`;
    const ones = loglikelihood(source('DirichletMultinomial(4, [1.0, 1.0, 1.0])'), { y: [1, 1, 2] }, {});
    expect(loglikelihood(source('DirichletMultinomial(4, 3)'), { y: [1, 1, 2] }, {})).toBe(ones);
  });

  it('constructors take Distributions.jl’s arities and defaults', () => {
    const source = (rhs: string) => `@model function m(y)\n    y ~ ${rhs}\nend\n`;
    expect(firstError({ source: source('GeneralizedExtremeValue(0, 1)'), data: json('{"y": 0.5}') }).message).toBe('GeneralizedExtremeValue takes 3 arguments, got 2');
    expect(loglikelihood(source('BetaPrime(3)'), { y: 0.7 }, {})).toBe(loglikelihood(source('BetaPrime(3, 3)'), { y: 0.7 }, {}));
    expect(loglikelihood(source('TriangularDist(0, 2)'), { y: 0.5 }, {})).toBe(loglikelihood(source('TriangularDist(0, 2, 1)'), { y: 0.5 }, {}));
    expect(loglikelihood(source('Arcsine(3)'), { y: 0.5 }, {})).toBe(loglikelihood(source('Arcsine(0, 3)'), { y: 0.5 }, {}));
    expect(loglikelihood(source('Skellam(2)'), { y: 1 }, {})).toBe(loglikelihood(source('Skellam(2, 2)'), { y: 1 }, {}));
  });

  it("LKJCholesky(d, η, 'U') draws the upper factor: `.U` is it and `.L` its transpose, so `U'U` is the correlation matrix", () => {
    const source = "@model function m()\n    x ~ LKJCholesky(2, 1, 'U')\n    U := x.U\n    C := x.U' * x.U\n    D := x.L * x.L'\nend\n";
    const outcome = checkModel({ source, params: { x: [[1, 0.6], [0, 0.8]] } });
    if (!outcome.ok) throw new Error(outcome.diagnostics[0]!.message);
    const g = outcome.value.generated;
    expect([g['U[1, 2]'], g['U[2, 1]']]).toEqual([0.6, 0]);
    for (const m of ['C', 'D']) expect([g[`${m}[1, 1]`], g[`${m}[2, 1]`], g[`${m}[2, 2]`]].map((v) => Number(v?.toFixed(12)))).toEqual([1, 0.6, 1]);
  });

  it("Distributions.jl's deprecated MvNormal(d, σ) is d-dimensional, mean zero, σ the standard deviation (Turing's own test models write it)", () => {
    const model = (rhs: string) => `@model function m(x)\n    x ~ ${rhs}\nend\n`;
    const normalSum = (xs: number[], σ: number) => xs.reduce((t, x) => t + normalLogpdf(x, 0, σ), 0);
    const reference = loglikelihood(model('MvNormal(zeros(3), 0.7^2 * I)'), { x: [0.2, -1.1, 0.5] }, {});
    expect(reference).toBeCloseTo(normalSum([0.2, -1.1, 0.5], 0.7), 12);
    expect(loglikelihood(model('MvNormal(3, 0.7)'), { x: [0.2, -1.1, 0.5] }, {})).toBeCloseTo(reference, 12);
    expect(loglikelihood(model('MvLogNormal(3, 0.7)'), { x: [1.2, 0.4, 2.5] }, {})).toBeCloseTo(normalSum([1.2, 0.4, 2.5].map(Math.log), 0.7) - Math.log(1.2 * 0.4 * 2.5), 12);
    expect(firstError({ source: model('MvNormal(0, 0.7)'), data: json('{"x": []}') }).message).toBe('MvNormal: the dimension d must be at least 1, got 0');
  });

  it('MixtureModel(F, params, prior) makes one F per parameter tuple, as MixtureModel([F(…), …], prior) does', () => {
    const source = (rhs: string) => `@model function m(y)\n    μ ~ Normal(0, 1)\n    y ~ ${rhs}\nend\n`;
    const listed = loglikelihood(source('MixtureModel([Normal(μ, 1.0), Normal(3, 2.0)], [0.3, 0.7])'), { y: 1.1 }, { μ: -0.5 });
    // log(0.3 φ(1.1; −0.5, 1) + 0.7 φ(1.1; 3, 2)) by hand.
    const phi = (x: number, m: number, s: number) => Math.exp(-0.5 * ((x - m) / s) ** 2) / (s * Math.sqrt(2 * Math.PI));
    expect(listed).toBeCloseTo(Math.log(0.3 * phi(1.1, -0.5, 1) + 0.7 * phi(1.1, 3, 2)), 13);
    expect(loglikelihood(source('MixtureModel(Normal, [(μ, 1.0), (3, 2.0)], [0.3, 0.7])'), { y: 1.1 }, { μ: -0.5 })).toBe(listed);
    expect(loglikelihood(source('MixtureModel(Normal, [μ, 3.0])'), { y: 1.1 }, { μ: -0.5 })).toBeCloseTo(Math.log(0.5 * phi(1.1, -0.5, 1) + 0.5 * phi(1.1, 3, 1)), 13);
    expect(firstError({ source: source('MixtureModel(Normal, 3)'), data: json('{"y": 1}') }).message).toBe('MixtureModel(Normal, params): params must be a vector of parameter tuples, got the integer 3');
  });

  it('a mixture prior may be the Categorical itself, and Distributions.UnivariateGMM(μ, σ, prior) is the Normal mixture (Turing issue #1276)', () => {
    const source = (rhs: string) => `@model function m(y)\n    μ ~ Normal(0, 1)\n    y ~ ${rhs}\nend\n`;
    const listed = loglikelihood(source('MixtureModel([Normal(μ, 1.0), Normal(3, 2.0)], [0.3, 0.7])'), { y: 1.1 }, { μ: -0.5 });
    expect(loglikelihood(source('MixtureModel([Normal(μ, 1.0), Normal(3, 2.0)], Categorical([0.3, 0.7]))'), { y: 1.1 }, { μ: -0.5 })).toBe(listed);
    expect(loglikelihood(source('Distributions.UnivariateGMM([μ, 3], [1.0, 2.0], Categorical([0.3, 0.7]))'), { y: 1.1 }, { μ: -0.5 })).toBe(listed);
    expect(firstError({ source: source('UnivariateGMM([μ, 3], [1.0], Categorical([0.3, 0.7]))'), data: json('{"y": 1}') }).message).toBe('UnivariateGMM: μ has 2 components and σ 1');
  });

  it('every new family has an editor signature', () => {
    for (const name of ['BetaBinomial', 'censored', 'TruncatedNormal', 'Truncated', 'InverseGaussian', 'LogitNormal', 'Rayleigh', 'Frechet', 'Erlang', 'BetaPrime', 'Kumaraswamy', 'GeneralizedExtremeValue', 'LogUniform', 'TriangularDist', 'Levy', 'NormalCanon', 'Arcsine', 'Skellam', 'DiscreteNonParametric', 'DirichletMultinomial', 'PoissonBinomial', 'UnivariateGMM']) {
      expect(distributionSignatures.has(name), name).toBe(true);
    }
    expect(distributionSignatures.get('censored')).toBe('censored(d, lower, upper) / censored(d; lower, upper)');
  });
});

describe('FDist, NoncentralT and Hypergeometric', () => {
  it('observe and differentiate as Distributions.jl (R’s df, dnt, dhyper)', () => {
    const source =
      '@model function m(f, t, k)\n    ν ~ Gamma(20, 0.5)\n    λ ~ Normal(1, 1)\n    f ~ FDist(3.5, ν)\n    t ~ NoncentralT(ν, λ)\n    k ~ Hypergeometric(5, 7, 4)\nend\n';
    const data = { f: 0.7, t: 1.3, k: 2 };
    // R: df(0.7, 3.5, 9.5, log = TRUE) + dt(1.3, 9.5, 1.2, log = TRUE) + dhyper(2, 5, 7, 4, log = TRUE)
    expect(loglikelihood(source, data, { ν: 9.5, λ: 1.2 })).toBeCloseTo(-0.5678965168582897 - 0.9947953033681969 - 0.8574502318512214, 10);
    expectGradient(source, JSON.stringify(data));
  });
});
