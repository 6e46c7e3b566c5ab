import { describe, expect, it } from 'vitest';
import { expectGradient } from '../../testing/index.js';
import { checkModel } from '../index.js';
import { normalLogpdf } from '../testing.js';

/** The log likelihood of a model at given parameter values. */
function loglikelihood(source: string, data: object, params: Record<string, unknown>): number {
  const outcome = checkModel({ source, data: { text: JSON.stringify(data), format: 'json' }, params });
  if (!outcome.ok) throw new Error(outcome.diagnostics.map((d) => d.message).join('; '));
  return outcome.value.loglikelihood;
}

describe('loglikelihood(d, x), as Distributions.jl sums it', () => {
  const univariate = '@model function m(x)\n    μ ~ Normal(0, 10)\n    σ ~ InverseGamma(2, 3)\n    Turing.@addlogprob! loglikelihood(Normal(μ, σ), x)\nend\n';

  it('sums a univariate distribution over every element of an array', () => {
    const x = [1.2, 0.5, 2.3, 1.9];
    const expected = x.reduce((s, xi) => s + normalLogpdf(xi, 0.7, 1.5), 0);
    expect(loglikelihood(univariate, { x }, { μ: 0.7, σ: 1.5 })).toBeCloseTo(expected, 10);
    const matrix = [
      [1.2, 0.5],
      [2.3, 1.9],
    ];
    expect(loglikelihood(univariate, { x: matrix }, { μ: 0.7, σ: 1.5 })).toBeCloseTo(expected, 10);
  });

  it('is logpdf for one value, and 0 for no values', () => {
    expect(loglikelihood(univariate, { x: 1.2 }, { μ: 0.7, σ: 1.5 })).toBeCloseTo(normalLogpdf(1.2, 0.7, 1.5), 12);
    expect(loglikelihood(univariate, { x: [] }, { μ: 0.7, σ: 1.5 })).toBe(0);
  });

  it('sums a vector-variate distribution over the columns of a matrix', () => {
    const source = '@model function m(X)\n    μ ~ MvNormal(zeros(2), I)\n    @addlogprob! loglikelihood(MvNormal(μ, 0.5^2 * I), X)\nend\n';
    const X = [
      [1.0, 0.5, -0.2],
      [0.3, -1.0, 0.4],
    ];
    let expected = 0;
    for (let j = 0; j < 3; j++) expected += normalLogpdf(X[0]![j]!, 0.1, 0.5) + normalLogpdf(X[1]![j]!, -0.4, 0.5);
    expect(loglikelihood(source, { X }, { μ: [0.1, -0.4] })).toBeCloseTo(expected, 10);
  });

  it('has exact gradients with every backend', () => {
    expectGradient(univariate, JSON.stringify({ x: [1.2, 0.5, 2.3, 1.9] }));
    expectGradient('@model function m(X)\n    μ ~ MvNormal(zeros(2), I)\n    s ~ Exponential(1)\n    @addlogprob! loglikelihood(MvNormal(μ, s^2 * I), X)\nend\n', JSON.stringify({ X: [[1.0, 0.5, -0.2], [0.3, -1.0, 0.4]] }));
  });
});

describe('mode, entropy, skewness and kurtosis of a distribution', () => {
  it('are Distributions.jl’s closed forms, differentiable in the parameters', () => {
    const source =
      '@model function m(x)\n    α ~ Gamma(3, 1)\n    θ ~ Exponential(1)\n    d = Gamma(α, θ)\n    @addlogprob! entropy(d) - skewness(d) * kurtosis(d) + mode(LogNormal(α, θ))\n    x ~ d\nend\n';
    const [α, θ] = [2.5, 1.5];
    const gammaEntropy = 2.135413017613219;
    const added = gammaEntropy - (2 / Math.sqrt(α)) * (6 / α) + Math.exp(α - θ * θ);
    const logpdf = 1.5 * Math.log(1.2) - 1.2 / θ - 2.5 * Math.log(θ) - 0.2846828704729196;
    expect(loglikelihood(source, { x: 1.2 }, { α, θ })).toBeCloseTo(added + logpdf, 10);
    expectGradient(source, JSON.stringify({ x: 1.2 }));
  });

  it('a mode that branches on a parameter is refused by a compiled tape, as a comparison is', () => {
    const source = '@model function m()\n    α ~ Uniform(1.5, 3)\n    @addlogprob! mode(Gamma(α, 2))\nend\n';
    expect(loglikelihood(source, {}, { α: 2.5 })).toBeCloseTo(3, 12);
    expectGradient(source, undefined, 'prior', { compiledRefuses: /`mode` depends on a parameter's value/ });
  });

  it('say which family does not have one', () => {
    const outcome = checkModel({ source: '@model function m()\n    x ~ Normal()\n    k = mode(Frechet(2, 1))\nend\n', data: { text: '{}', format: 'json' }, params: { x: 0 } });
    expect(outcome.ok ? [] : outcome.diagnostics.map((d) => [d.line, d.message])).toEqual([[3, 'mode of a Frechet distribution is not available']]);
  });
});

describe('reshape(d, dims...) and vec(d) of a distribution', () => {
  // DynamicPPL's demo_assume_matrix_observe_matrix_index: s is a 1×2 matrix of InverseGamma(2, 3) draws.
  const source = `@model function demo(x = transpose([1.5 2.0;]))
    n = length(x)
    s ~ reshape(product_distribution(fill(InverseGamma(2, 3), n)), n ÷ 2, 2)
    m ~ MvNormal(zeros(n), Diagonal(vec(s)))
    x[:, 1] ~ MvNormal(m, Diagonal(vec(s)))
end
`;

  it('draws a matrix with the density of the distribution reshaped, as DynamicPPL gives it', () => {
    const outcome = checkModel({ source, params: { s: [[2, 2]], m: [1, 1] } });
    if (!outcome.ok) throw new Error(outcome.diagnostics.map((d) => d.message).join('; '));
    expect(outcome.value.parameters.find((p) => p.name === 's')?.shape).toEqual([1, 2]);
    // DynamicPPL's test suite: logprior −5.795458, loglikelihood −2.843524 at s = (2, 2), m = (1, 1).
    expect(outcome.value.logprior).toBeCloseTo(-5.795458, 6);
    expect(outcome.value.loglikelihood).toBeCloseTo(-2.843524, 6);
    expectGradient(source, undefined);
  });

  it('vec(d) reads a matrix distribution as a vector; a univariate one cannot be reshaped', () => {
    const vecSource = '@model function m()\n    s ~ vec(filldist(Exponential(1), 2, 2))\nend\n';
    const outcome = checkModel({ source: vecSource, params: { s: [1, 2, 3, 4] } });
    expect(outcome.ok && outcome.value.logprior).toBeCloseTo(-10, 12);
    const univariate = checkModel({ source: '@model function m()\n    s ~ reshape(Normal(), 1, 1)\nend\n' });
    expect(univariate.ok ? [] : univariate.diagnostics.map((d) => d.message)).toEqual(['reshape needs a multivariate or matrix distribution, got the univariate Normal']);
  });
});

describe('quantile(d, p) of parameters', () => {
  it("is differentiated through d's parameters and p on every backend, and the compiled tape, which cannot replay its search, refuses", () => {
    const source = '@model function m(y)\n    μ ~ Normal(0, 1)\n    σ ~ Exponential(1)\n    p ~ Beta(2, 2)\n    y ~ Normal(quantile(Normal(μ, σ), p) + quantile(Gamma(2, σ), 0.3), 1)\nend\n';
    expectGradient(source, JSON.stringify({ y: 1.2 }), 'prior', { compiledRefuses: /`quantile`, computed by a search on plain numbers/ });
  });
});
