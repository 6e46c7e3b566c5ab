import { describe, expect, it } from 'vitest';
import { ADNum, value, type NodeFactory, type Real } from '../ad/index.js';
import { bindSource, expectGradient } from './index.js';

/**
 * Vectorised likelihoods as Turing users write them, over data vectors long enough (N ≥ 64) that the
 * linear predictor is one block on a tape: each family's parts then sum in one node over its columns.
 */
const N = 70;
const column = (f: (i: number) => number): number[] => Array.from({ length: N }, (_, i) => f(i + 1));
const X = column((i) => Math.sin(i)).map((s, i) => [s, Math.cos(3 * (i + 1)), ((i % 7) - 3) / 3]);
const bits = column((i) => (Math.sin(2.5 * i) > 0.2 ? 1 : 0));
const counts = column((i) => Math.floor(3 * (1 + Math.sin(1.7 * i))));
const trials = column((i) => 1 + (i % 9));
const successes = trials.map((n, i) => Math.min(n, Math.floor(n * (0.5 + 0.45 * Math.sin(0.9 * (i + 1))))));
const reals = column((i) => Math.sin(0.7 * i) + 0.3 * Math.cos(5 * i));

const json = (data: Record<string, unknown>): string => JSON.stringify({ X, ...data });
/** Whole numbers written as floats in the data (`1.0`), which the model must take as the same outcomes. */
const asFloats = (xs: number[]): string => `[${xs.map((x) => x.toFixed(1)).join(', ')}]`;

const PRIORS = 'α ~ Normal(0, 1)\n    β ~ filldist(Normal(0, 1), 3)';
const model = (args: string, body: string): string => `@model function m(X, ${args})\n    ${PRIORS}\n    ${body}\nend\n`;

/** [form, its source, the data, and the same likelihood one observation per statement] */
const FORMS: [string, string, string, string][] = [
  ['y ~ arraydist(BernoulliLogit.(η))', model('y', 'y ~ arraydist(BernoulliLogit.(α .+ X * β))'), json({ y: bits }), model('y', 'η = α .+ X * β\n    for i in eachindex(y)\n        y[i] ~ BernoulliLogit(η[i])\n    end')],
  ['y .~ BernoulliLogit.(η), outcomes as floats', model('y', 'y .~ BernoulliLogit.(α .+ X * β)'), `{"X": ${JSON.stringify(X)}, "y": ${asFloats(bits)}}`, model('y', 'η = α .+ X * β\n    for i in eachindex(y)\n        y[i] ~ BernoulliLogit(η[i])\n    end')],
  ['@. y ~ BernoulliLogit(η)', model('y', 'η = α .+ X * β\n    @. y ~ BernoulliLogit(η)'), json({ y: bits }), model('y', 'η = α .+ X * β\n    for i in eachindex(y)\n        y[i] ~ BernoulliLogit(η[i])\n    end')],
  ['y ~ arraydist(Poisson.(exp.(η)))', model('y', 'y ~ arraydist(Poisson.(exp.(α .+ X * β)))'), json({ y: counts }), model('y', 'λ = exp.(α .+ X * β)\n    for i in eachindex(y)\n        y[i] ~ Poisson(λ[i])\n    end')],
  ['y ~ arraydist(LogPoisson.(η)), counts as floats', model('y', 'y ~ arraydist(LogPoisson.(α .+ X * β))'), `{"X": ${JSON.stringify(X)}, "y": ${asFloats(counts)}}`, model('y', 'η = α .+ X * β\n    for i in eachindex(y)\n        y[i] ~ LogPoisson(η[i])\n    end')],
  ['k ~ arraydist(BinomialLogit.(n, η))', model('k, n', 'k ~ arraydist(BinomialLogit.(n, α .+ X * β))'), json({ k: successes, n: trials }), model('k, n', 'η = α .+ X * β\n    for i in eachindex(k)\n        k[i] ~ BinomialLogit(n[i], η[i])\n    end')],
  ['y ~ arraydist(Normal.(μ, σ)), σ shared', model('y', 'σ ~ Exponential(1)\n    y ~ arraydist(Normal.(α .+ X * β, σ))'), json({ y: reals }), model('y', 'σ ~ Exponential(1)\n    μ = α .+ X * β\n    for i in eachindex(y)\n        y[i] ~ Normal(μ[i], σ)\n    end')],
  ['y .~ Normal.(μ, σ), σ a vector', model('y', 'σ ~ Exponential(1)\n    y .~ Normal.(α .+ X * β, σ .* exp.(X[:, 3]))'), json({ y: reals }), model('y', 'σ ~ Exponential(1)\n    μ = α .+ X * β\n    s = σ .* exp.(X[:, 3])\n    for i in eachindex(y)\n        y[i] ~ Normal(μ[i], s[i])\n    end')],
  ['z ~ arraydist(Normal.(μ, τ)), a vector of parameters', model('y', 'τ ~ Exponential(1)\n    z ~ arraydist(Normal.(α .+ X * β, τ))\n    y ~ arraydist(Normal.(z, 1.0))'), json({ y: reals }), model('y', 'τ ~ Exponential(1)\n    μ = α .+ X * β\n    z = Vector{Real}(undef, length(y))\n    for i in eachindex(y)\n        z[i] ~ Normal(μ[i], τ)\n        y[i] ~ Normal(z[i], 1.0)\n    end')],
];

describe('vectorised likelihoods over data vectors', () => {
  it.each(FORMS)('%s: every backend agrees with finite differences, near the tails too', (_, source, data) => {
    expectGradient(source, data);
    // α far out puts every logit (or log rate) deep in a tail, where the terms lose nothing to rounding.
    expectGradient(source, data, 'prior', { draws: 1, seed: 5, set: { α: 30 } });
    expectGradient(source, data, 'prior', { draws: 1, seed: 6, set: { α: -30 } });
  });

  it.each(FORMS)('%s: the log density is the one of a statement per observation', (_, source, data, loop) => {
    const fused = bindSource(source, data);
    const looped = bindSource(loop, data);
    expect(looped.bound.dimension).toBe(fused.bound.dimension);
    for (const seed of [1, 2, 3]) {
      const θ = Array.from(fused.priorDraw(seed));
      const expected = value(looped.bound.logdensity(θ));
      expect(Math.abs(value(fused.bound.logdensity(θ)) - expected)).toBeLessThanOrEqual(1e-12 * Math.max(1, Math.abs(expected)));
    }
  });

  it.each([
    ['BernoulliLogit', 'logitp', bits],
    ['LogPoisson', 'logλ', counts],
  ])('%s of arguments that overflow: every backend throws where plain evaluation throws', (family, argument, y) => {
    // 0.01 log(1 + e^(1000 m x)): moderate at m = 0.1, +Inf once e^(1000 m x) overflows at m = 0.9.
    const source = `@model function m(X, y)\n    m ~ Normal(0, 1)\n    y ~ arraydist(${family}.(0.01 .* log1p.(exp.(1000 .* m .* X[:, 1]))))\nend\n`;
    expectGradient(source, json({ y }), [[0.1], [0.9]], { recordAt: [0.2], throws: new RegExp(`${family}: ${argument} must be finite, got Inf`) });
  });
});

/** A backend that only counts the nodes a log density builds. */
class NodeCounter implements NodeFactory {
  nodes = 0;

  node(v: number): ADNum {
    this.nodes++;
    return new Counted(v, this);
  }
}

class Counted extends ADNum {
  constructor(
    readonly v: number,
    readonly backend: NodeCounter,
  ) {
    super();
  }
}

describe('terms of a loop', () => {
  const sites = column((i) => 1 + (i % 5));
  /** A loop over observations of three families, one of them without a loop of its own (Gamma), and a missing value among them. */
  const mixed = `@model function m(y, c, b, g, site)
    μ ~ Normal(0, 1)
    τ ~ Exponential(1)
    a ~ filldist(Normal(μ, τ), 5)
    for i in eachindex(y)
        c[i] ~ LogPoisson(a[site[i]])
        y[i] ~ Normal(a[site[i]], τ)
        b[i] ~ BernoulliLogit(a[site[i]] - 1)
        g[i] ~ Gamma(2, τ)
    end
end
`;
  const data = JSON.stringify({ y: [null, ...reals.slice(1)], c: counts, b: bits, g: reals.map((r) => Math.abs(r) + 0.1), site: sites });

  it('observing one family are summed as one node, not one per statement', () => {
    const source = '@model function m(c, site)\n    a ~ filldist(Normal(0, 1), 5)\n    for i in eachindex(c)\n        c[i] ~ LogPoisson(a[site[i]])\n    end\nend\n';
    const { bound } = bindSource(source, JSON.stringify({ c: counts, site: sites }));
    const counter = new NodeCounter();
    bound.logdensity([0.1, 0.2, 0.3, 0.4, 0.5].map((v): Real => new Counted(v, counter)));
    expect(counter.nodes).toBeLessThan(10);
  });

  it('of parameters drawn one by one sum as one node too', () => {
    const source = '@model function m(y)\n    τ ~ Exponential(1)\n    z = Vector{Real}(undef, length(y))\n    for i in eachindex(y)\n        z[i] ~ Normal(0.5, τ)\n    end\n    y ~ MvNormal(z, I)\nend\n';
    const { bound } = bindSource(source, JSON.stringify({ y: reals }));
    const counter = new NodeCounter();
    bound.logdensity(Array.from({ length: bound.dimension }, (_, i): Real => new Counted(0.01 * i, counter)));
    expect(counter.nodes).toBeLessThan(N);
  });

  it('of several families, with a missing value drawn among them: every backend agrees with finite differences', () => {
    expectGradient(mixed, data);
    expectGradient(mixed, data, 'prior', { draws: 1, seed: 9, set: { τ: Math.log(1e-3) } });
  });
});
