import { describe, expect, it } from 'vitest';
import { summarize } from '../diagnostics/index.js';
import { predict, sample } from '../run/index.js';
import { bindSource, expectGradient } from '../testing/index.js';
import { checkModel, parse, prepare } from './index.js';
import { checked as run, jsonData } from './testing.js';

/**
 * The distribution types users write when Distributions.jl lacks one (Turing's "Custom Distributions" page, forum
 * threads): a `struct … <: ContinuousUnivariateDistribution` with `logpdf`, `rand` and its support as methods.
 */

const MY_LAPLACE = `struct MyLaplace{T<:Real} <: ContinuousUnivariateDistribution
    μ::T
    b::T
end
Distributions.logpdf(d::MyLaplace, x::Real) = -log(2d.b) - abs(x - d.μ) / d.b
Distributions.rand(rng::AbstractRNG, d::MyLaplace) = d.μ + d.b * (rand(rng) < 0.5 ? log(2rand(rng)) : -log(2rand(rng)))
Distributions.minimum(d::MyLaplace) = -Inf; Distributions.maximum(d::MyLaplace) = Inf
`;

/** The same model with the user's Laplace or the built-in one, `y` observed in a loop. */
const laplaceModel = (family: string) => `${MY_LAPLACE}@model function m(y)
    μ ~ Normal(0, 5); b ~ Exponential(1)
    for i in eachindex(y); y[i] ~ ${family}(μ, b); end
end
`;

const Y = JSON.stringify({ y: [0.3, 1.2, -0.5, 2.0, 0.9, 1.4, 0.1] });

const laplace = (x: number, mu: number, b: number) => -Math.log(2 * b) - Math.abs(x - mu) / b;

describe('distribution types of the file', () => {
  it("runs the custom-distribution page's CustomUniform: its bijector (either definition), or its minimum and maximum, is the support", () => {
    const page = `using Distributions, Turing, Random, Bijectors
struct CustomUniform <: ContinuousUnivariateDistribution end
Distributions.rand(rng::AbstractRNG, d::CustomUniform) = rand(rng)
Distributions.logpdf(d::CustomUniform, x::Real) = zero(x)
Bijectors.bijector(d::CustomUniform) = Logit(0.0, 1.0)
dist = Gamma(2,3)
b = bijector(dist)
transformed_dist = transformed(dist, b)
`;
    const model = '@model function demo(y)\n    p ~ CustomUniform()\n    y ~ Bernoulli(p)\nend\n';
    const bounds = 'Distributions.minimum(d::CustomUniform) = 0.0\nDistributions.maximum(d::CustomUniform) = 1.0\n';
    const sources = [
      `${page}${model}`,
      `${page}${bounds}Bijectors.bijector(d::CustomUniform) = Logit(minimum(d), maximum(d))\n${model}`,
      `${page.replace(/^Bijectors.*$/m, '')}${bounds}${model}`,
    ];
    for (const source of sources) {
      const outcome = run({ source, data: jsonData({ y: true }), params: { p: 0.3 } });
      expect(outcome.value.parameters.map((p) => [p.name, p.support]), source).toEqual([['p', '(0, 1)']]);
      expect(outcome.value.logprior, source).toBe(0);
      expect(outcome.value.loglikelihood, source).toBeCloseTo(Math.log(0.3), 12);
      // Sampled on the logit scale, with its log-Jacobian log p(1 − p).
      expect(outcome.value.logdensity, source).toBeCloseTo(Math.log(0.3) + Math.log(0.3 * 0.7), 12);
      expect(outcome.warnings.filter((w) => w.severity !== 'info').map((w) => w.message), source).toEqual([]);
    }
    // The posterior is Beta(2, 1): mean 2/3.
    const prepared = prepare({ source: sources[1]!, data: jsonData({ y: true }) });
    if (!prepared.ok) throw new Error(prepared.diagnostics.map((d) => d.message).join('\n'));
    const chains = sample(prepared.value.model, prepared.value.args, { sampler: 'nuts' }, { draws: 1000, warmup: 500, chains: 1, seed: 3, ad: 'auto' });
    const p = summarize(chains).rows.find((r) => r.parameter === 'p')!;
    expect(Math.abs(p.mean - 2 / 3)).toBeLessThan(4 * p.mcse_mean);
  });

  it('a lower bound alone (`minimum(d)`) gives the log transform, and a `rand(d)` method without a generator draws from Tilde\'s', () => {
    const source = `struct Expo <: Distribution{Univariate, Continuous}
    θ::Float64
end
Distributions.logpdf(d::Expo, x::Real) = -log(d.θ) - x / d.θ
Distributions.rand(d::Expo) = -d.θ * log(rand())
Distributions.minimum(d::Expo) = 0.0
ys = rand(Expo(2.0), 2000)
@model function m(y)
    x ~ Expo(3.0)
    s := sum(y) / length(y)
end
model = m(ys)
`;
    const outcome = run({ source, params: { x: 1.5 } });
    expect(outcome.value.parameters.map((p) => [p.name, p.support])).toEqual([['x', '(0, ∞)']]);
    expect(outcome.value.logdensity).toBeCloseTo(-Math.log(3) - 0.5 + Math.log(1.5), 12);
    // The script's 2000 draws of Expo(2): their mean is 2 within four standard errors (2 / √2000 each).
    expect(Math.abs((outcome.value.generated.s as number) - 2)).toBeLessThan((4 * 2) / Math.sqrt(2000));
  });

  it("gives MyLaplace the built-in Laplace's log density and gradient on every backend, and its posterior under NUTS", () => {
    const mine = bindSource(laplaceModel('MyLaplace'), Y);
    const builtin = bindSource(laplaceModel('Laplace'), Y);
    const points = [
      [0.4, Math.log(1.3)],
      [-1.2, Math.log(0.4)],
      [2.1, 0.3],
    ];
    for (const theta of points) {
      expect(mine.bound.logdensity(theta)).toBeCloseTo(builtin.bound.logdensity(theta) as number, 12);
      const [mu, b] = [theta[0]!, Math.exp(theta[1]!)];
      const y = (JSON.parse(Y) as { y: number[] }).y;
      expect(mine.bound.logdensity(theta)).toBeCloseTo(y.reduce((s, x) => s + laplace(x, mu, b), 0) - Math.log(5) - 0.5 * Math.log(2 * Math.PI) - (mu * mu) / 50 - b + theta[1]!, 10);
      for (const backend of ['forwarddiff', 'reversediff', 'tracker'] as const) {
        const ours = mine.bound.gradient(backend)(theta).grad;
        const theirs = builtin.bound.gradient(backend)(theta).grad;
        for (let k = 0; k < 2; k++) expect(ours[k], `${backend} ∂${k}`).toBeCloseTo(theirs[k]!, 10);
      }
    }
    // Every backend, the compiled tape too, against finite differences.
    expectGradient(laplaceModel('MyLaplace'), Y);
    const means = (family: string) => {
      const prepared = prepare({ source: laplaceModel(family), data: { text: Y, format: 'json' } });
      if (!prepared.ok) throw new Error(prepared.diagnostics.map((d) => d.message).join('\n'));
      const chains = sample(prepared.value.model, prepared.value.args, { sampler: 'nuts' }, { draws: 1000, warmup: 500, chains: 2, seed: 7, ad: 'auto' });
      return new Map(summarize(chains).rows.map((r) => [r.parameter, r]));
    };
    const [ours, theirs] = [means('MyLaplace'), means('Laplace')];
    for (const name of ['μ', 'b']) {
      const [a, c] = [ours.get(name)!, theirs.get(name)!];
      expect(Math.abs(a.mean - c.mean), name).toBeLessThan(4 * Math.hypot(a.mcse_mean, c.mcse_mean));
      expect(Math.abs(a.sd / c.sd - 1), name).toBeLessThan(0.15);
    }
  });

  it('observes through filldist, arraydist and `.~`, takes outer constructors and a plain `logpdf` after `import Distributions: logpdf`, and dispatches logpdf, pdf and loglikelihood in user code', () => {
    const source = `import Distributions: logpdf
struct MyLaplace{T<:Real} <: ContinuousUnivariateDistribution
    μ::T
    b::T
end
logpdf(d::MyLaplace, x::Real) = -log(2d.b) - abs(x - d.μ) / d.b
MyLaplace(μ) = MyLaplace(μ, 1.0)
@model function m(y)
    μ ~ Normal(0, 5); b ~ Exponential(1)
    y ~ filldist(MyLaplace(μ, b), length(y))
    z ~ MyLaplace(μ)
    y .~ MyLaplace(μ, b)
    y ~ arraydist([MyLaplace(μ, b) for _ in y])
    @addlogprob! logpdf(MyLaplace(μ, b), 0.1) + loglikelihood(MyLaplace(μ, b), y) + log(pdf(MyLaplace(μ, 2b), 1.0)) + logpdf(Normal(μ, 1), 0.0)
end
`;
    const y = [0.3, 1.2, -0.5];
    const outcome = run({ source, data: jsonData({ y }), params: { μ: 0.5, b: 1.5, z: 0.2 } });
    const sum = y.reduce((s, x) => s + laplace(x, 0.5, 1.5), 0);
    expect(outcome.value.logprior).toBeCloseTo(-Math.log(5) - 0.5 * Math.log(2 * Math.PI) - 0.125 / 25 - 1.5 + laplace(0.2, 0.5, 1), 12);
    expect(outcome.value.loglikelihood).toBeCloseTo(4 * sum + laplace(0.1, 0.5, 1.5) + laplace(1, 0.5, 3) - 0.5 * Math.log(2 * Math.PI) - 0.125, 12);
    expectGradient(source, JSON.stringify({ y }));
  });

  it("takes a user's Poisson (DiscreteUnivariateDistribution) for observed counts as the built-in, and MH samples a discrete parameter of one through its rand", () => {
    const myPoisson = `struct MyPoisson <: DiscreteUnivariateDistribution
    λ::Float64
end
Distributions.logpdf(d::MyPoisson, k::Int) = k * log(d.λ) - d.λ - loggamma(k + 1)
Distributions.rand(rng::AbstractRNG, d::MyPoisson) = rand(rng, Poisson(d.λ))
`;
    const counts = (family: string) => `${myPoisson}@model function m(y)\n    λ ~ Gamma(2, 2)\n    for i in eachindex(y)\n        y[i] ~ ${family}(λ)\n    end\nend\n`;
    const data = JSON.stringify({ y: [3, 0, 5, 2, 4] });
    const [mine, builtin] = [bindSource(counts('MyPoisson'), data), bindSource(counts('Poisson'), data)];
    for (const theta of [[0.2], [1.5], [-0.7]]) {
      expect(mine.bound.logdensity(theta)).toBeCloseTo(builtin.bound.logdensity(theta) as number, 12);
      expect(mine.bound.gradient('forwarddiff')(theta).grad[0]).toBeCloseTo(builtin.bound.gradient('forwarddiff')(theta).grad[0]!, 10);
    }
    // A count parameter, drawn by MH from its prior: k | y = 4 under k ~ Poisson(3), y ~ Normal(k, 1).
    const discrete = `${myPoisson}@model function m(y)\n    k ~ MyPoisson(3.0)\n    y ~ Normal(k, 1)\nend\n`;
    const outcome = run({ source: discrete, data: jsonData({ y: 4 }), params: { k: 2 } });
    expect(outcome.value.parameters.map((p) => [p.name, p.discrete])).toEqual([['k', true]]);
    expect(outcome.value.logprior).toBeCloseTo(2 * Math.log(3) - 3 - Math.log(2), 12);
    const prepared = prepare({ source: discrete, data: jsonData({ y: 4 }) });
    if (!prepared.ok) throw new Error(prepared.diagnostics.map((d) => d.message).join('\n'));
    const chains = sample(prepared.value.model, prepared.value.args, { sampler: 'mh' }, { draws: 4000, warmup: 500, chains: 1, seed: 5, ad: 'auto' });
    const k = summarize(chains).rows.find((r) => r.parameter === 'k')!;
    // The exact posterior mean, summed over k = 0…40.
    const weights = Array.from({ length: 41 }, (_, j) => Math.exp(j * Math.log(3) - 3 - logFactorial(j) - 0.5 * (4 - j) ** 2));
    const exact = weights.reduce((s, w, j) => s + j * w, 0) / weights.reduce((s, w) => s + w, 0);
    expect(Math.abs(k.mean - exact)).toBeLessThan(5 * k.mcse_mean);
  });

  it('a logpdf that branches on a parameter is refused by the compiled tape, as any model that does; an `insupport` method bounds the density', () => {
    const branching = `struct Asym <: ContinuousUnivariateDistribution
    μ
end
Distributions.logpdf(d::Asym, x::Real) = x < d.μ ? -2 * (d.μ - x) : -(x - d.μ)
@model function m(y)
    μ ~ Normal(0, 1)
    y ~ Asym(μ)
end
`;
    expectGradient(branching, JSON.stringify({ y: 0.3 }), undefined, { compiledRefuses: /a comparison \(`<`\) depends on a parameter's value/ });
    const bounded = `struct Tri <: ContinuousUnivariateDistribution
    c
end
Distributions.logpdf(d::Tri, x::Real) = log(2) - log(d.c) + log(1 - x / d.c)
Distributions.insupport(d::Tri, x::Real) = 0 <= x <= d.c
@model function m(y)
    c ~ Uniform(1, 3)
    y ~ Tri(c)
end
`;
    expect(run({ source: bounded, data: jsonData({ y: 0.5 }), params: { c: 2 } }).value.loglikelihood).toBeCloseTo(Math.log(0.75) - Math.log(2) + Math.log(2), 12);
    expect(run({ source: bounded, data: jsonData({ y: 2.5 }), params: { c: 2 } }).value.loglikelihood).toBe(-Infinity);
  });

  it('names the type, the method it lacks and the line: no logpdf at `~`, no rand where a draw is needed (not at the start of a chain)', () => {
    const noLogpdf = 'struct D <: ContinuousUnivariateDistribution\n    a\nend\n@model function m(y)\n    y ~ D(1.0)\nend\n';
    const outcome = checkModel({ source: noLogpdf, data: jsonData({ y: 0.5 }) });
    expect(outcome.ok ? [] : outcome.diagnostics.map((d) => [d.line, d.message])).toEqual([[5, 'D has no `logpdf(d::D, x::Real)` method, which gives its log density: define `Distributions.logpdf(d::D, x::Real) = …`']]);
    // Without rand, NUTS starts it where Stan would; MH's prior proposals and predictions need draws, and say so.
    const model = (rand: boolean) => `${rand ? MY_LAPLACE : MY_LAPLACE.replace(/^Distributions.rand.*\n/m, '')}@model function m(y)\n    μ ~ Normal(0, 5)\n    z ~ MyLaplace(μ, 1.0)\n    y ~ MyLaplace(z, 1.0)\nend\n`;
    const load = (rand: boolean, y: number | null) => {
      const prepared = prepare({ source: model(rand), data: jsonData({ y }) });
      if (!prepared.ok) throw new Error(prepared.diagnostics.map((d) => d.message).join('\n'));
      return prepared.value;
    };
    const fit = load(false, 0.5);
    const chains = sample(fit.model, fit.args, { sampler: 'nuts' }, { draws: 300, warmup: 300, chains: 1, seed: 1, ad: 'auto' });
    expect(chains.draws('z', 0)).toHaveLength(300);
    expect(() => sample(fit.model, fit.args, { sampler: 'mh' }, { draws: 10, warmup: 0, chains: 1, seed: 1, ad: 'auto' })).toThrow(/MH draws `z` from its prior, but that prior \(MyLaplace\) is improper or has no `rand` method/);
    const future = load(false, null);
    expect(() => predict(future.model, future.args, chains, 2)).toThrow('MyLaplace has no `rand(rng::AbstractRNG, d::MyLaplace)` method, which draws from it (prior draws, predictions, discrete parameters): define `Distributions.rand(rng::AbstractRNG, d::MyLaplace) = …`');
    // With its rand, y's predictions are z's draws plus Laplace(0, 1) noise (variance 2).
    const drawn = load(true, null);
    const predicted = predict(drawn.model, drawn.args, chains, 2);
    const y = summarize(predicted).rows.find((r) => r.parameter === 'y')!;
    const z = summarize(chains).rows.find((r) => r.parameter === 'z')!;
    expect(Math.abs(y.mean - z.mean)).toBeLessThan(4 * y.mcse_mean + 4 * z.mcse_mean);
    expect(Math.abs(y.sd - Math.sqrt(z.sd ** 2 + 2))).toBeLessThan(4 * y.mcse_sd + 0.1);
  });

  it("takes a vector type (`<: ContinuousMultivariateDistribution`) with Distributions.jl's `length`, `_logpdf` and `_rand!`, as MvNormal; a matrix type is refused with the reason and the `@addlogprob!` recipe", () => {
    const mv = (prior: string, likelihood: string) => `struct MyMvNormal{T} <: ContinuousMultivariateDistribution
    μ::Vector{T}
    σ::T
end
Base.length(d::MyMvNormal) = length(d.μ)
Distributions._logpdf(d::MyMvNormal, x::AbstractVector{<:Real}) = sum(logpdf.(Normal.(d.μ, d.σ), x))
function Distributions._rand!(rng::AbstractRNG, d::MyMvNormal, x::AbstractVector{<:Real})
    x .= d.μ .+ d.σ .* randn(rng, length(x))
    return x
end
@model function m(y)
    σ ~ Exponential(1)
    θ ~ ${prior}
    y ~ ${likelihood}
end
`;
    const data = JSON.stringify({ y: [0.5, -1.0, 2.0] });
    const mine = bindSource(mv('MyMvNormal(zeros(3), 2.0)', 'MyMvNormal(θ, σ)'), data);
    const builtin = bindSource(mv('MvNormal(zeros(3), 4.0 * I)', 'MvNormal(θ, σ^2 * I)'), data);
    expect(mine.bound.parameterNames).toEqual(['σ', 'θ[1]', 'θ[2]', 'θ[3]']);
    for (const theta of [[-0.3, 0.1, 0.2, 0.3], [0.4, -1, 2, 0.5]]) {
      expect(mine.bound.logdensity(theta)).toBeCloseTo(builtin.bound.logdensity(theta) as number, 12);
      const [ours, theirs] = [mine.bound.gradient('reversediff')(theta).grad, builtin.bound.gradient('reversediff')(theta).grad];
      for (let k = 0; k < 4; k++) expect(ours[k], `∂${k}`).toBeCloseTo(theirs[k]!, 10);
    }
    expectGradient(mv('MyMvNormal(zeros(3), 2.0)', 'MyMvNormal(θ, σ)'), data);
    // Its prior draws are `_rand!`'s: θ's spread is 2.
    const draws = Array.from({ length: 400 }, (_, seed) => mine.priorDraw(seed + 1)[1]!);
    const sd = Math.sqrt(draws.reduce((s, x) => s + x * x, 0) / draws.length);
    expect(Math.abs(sd - 2)).toBeLessThan(0.3);
    // A bijector gives the support: positive elements, sampled on the log scale.
    const positive = 'struct PosVec <: ContinuousMultivariateDistribution\n    n::Int\nend\nBase.length(d::PosVec) = d.n\nDistributions.logpdf(d::PosVec, x::AbstractVector) = -sum(x)\nBijectors.bijector(d::PosVec) = elementwise(log)\n@model function m()\n    x ~ PosVec(2)\nend\n';
    const outcome = run({ source: positive, params: { x: [0.5, 2] } });
    expect(outcome.value.parameters.map((p) => [p.name, p.support])).toEqual([['x', '(0, ∞)']]);
    expect(outcome.value.logdensity).toBeCloseTo(-2.5 + Math.log(0.5) + Math.log(2), 12);
    const matrix = checkModel({ source: 'struct MyMat <: ContinuousMatrixDistribution\n    n::Int\nend\n@model function m()\n    x ~ Normal()\nend\n' });
    expect(matrix.ok ? [] : matrix.diagnostics.map((d) => [d.line, d.column, d.message.replace(/\. Write.*/, '')])).toEqual([
      [1, 8, "`struct MyMat <: ContinuousMatrixDistribution`: Tilde has the file's univariate and vector distribution types (`<: ContinuousUnivariateDistribution`, `<: DiscreteUnivariateDistribution`, `<: ContinuousMultivariateDistribution`) only"],
    ]);
  });

  it("ignores, with a warning, a method the file adds to a package's function for a type that is none of its distribution types", () => {
    const source = 'Base.length(x::Foo) = 3\n@model function m(y)\n    μ ~ Normal()\n    for i in 1:length(y)\n        y[i] ~ Normal(μ, 1)\n    end\nend\n';
    const outcome = run({ source, data: jsonData({ y: [0.5, 1.5] }), params: { μ: 0 } });
    expect(outcome.value.loglikelihood).toBeCloseTo(-Math.log(2 * Math.PI) - 0.125 - 1.125, 12);
    expect(outcome.warnings.filter((w) => w.severity === 'warning').map((w) => [w.line, w.message])).toEqual([
      [1, "`Base.length` here adds a method for a type that is not one of the file's own: Tilde ignores it, and its own `length` serves every value"],
    ]);
  });

  it('an inner constructor is refused; a struct that is no distribution is a plain one (plain-structs.test.ts)', () => {
    expect(parse('struct Point\n    x::Float64\nend\n').diagnostics).toEqual([]);
    const inner = parse('struct D <: ContinuousUnivariateDistribution\n    a::Float64\n    D(a) = new(a)\nend\n').diagnostics;
    expect(inner.map((d) => [d.line, d.message])).toEqual([[3, "`struct D`: Tilde reads a struct's fields (`μ::T`), not inner constructors or other code: write a constructor outside it, `D(μ) = D(μ, 1.0)`"]]);
  });
});

function logFactorial(n: number): number {
  let s = 0;
  for (let j = 2; j <= n; j++) s += Math.log(j);
  return s;
}
