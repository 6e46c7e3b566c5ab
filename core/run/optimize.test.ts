import { describe, expect, it } from 'vitest';
import { prepare } from '../lang/index.js';
import { optimize } from './index.js';

function load(source: string, data: string) {
  const p = prepare({ source, data: { text: data, format: 'json' } });
  if (!p.ok) throw new Error(p.diagnostics[0]!.message);
  return p.value;
}

describe('optimize', () => {
  it('MLE of a normal mean and sd is the sample mean and the uncorrected sd, with SE sd/√n', () => {
    const y = [1.2, 0.4, 2.2, 1.9, 0.8, 1.5];
    const { model, args } = load('@model function m(y)\n    μ ~ Normal(0, 10)\n    σ ~ Exponential(1)\n    y .~ Normal(μ, σ)\nend\n', JSON.stringify({ y }));
    const r = optimize(model, args, { kind: 'mle', seed: 1 });
    const mean = y.reduce((a, b) => a + b) / y.length;
    const sd = Math.sqrt(y.reduce((a, b) => a + (b - mean) ** 2, 0) / y.length);
    expect(r.converged).toBe(true);
    expect(r.mode['μ']).toBeCloseTo(mean, 6);
    expect(r.mode['σ']).toBeCloseTo(sd, 6);
    expect(r.se['μ']).toBeCloseTo(sd / Math.sqrt(y.length), 4);
  });

  it("`@addlogprob! (; logprior = …)` (Turing 0.40) is prior: MLE leaves it out, MAP counts it", () => {
    const source = '@model function m(y)\n    μ ~ Flat()\n    @addlogprob! (; logprior = logpdf(Normal(5, 0.1), μ))\n    y ~ Normal(μ, 1)\nend\n';
    const { model, args } = load(source, '{"y": 0}');
    expect(optimize(model, args, { kind: 'mle', seed: 1 }).mode['μ']).toBeCloseTo(0, 6);
    // Precisions 1 and 100: the mode is the precision-weighted mean of 0 and 5.
    expect(optimize(model, args, { kind: 'map', seed: 1 }).mode['μ']).toBeCloseTo((100 * 5) / 101, 6);
  });

  it('MAP of a Beta–Bernoulli is the posterior mode (a + s − 1)/(a + b + n − 2)', () => {
    const { model, args } = load('@model function m(y)\n    p ~ Beta(2, 2)\n    y .~ Bernoulli(p)\nend\n', '{"y": [1, 1, 1, 0, 1, 1, 0, 1, 1, 1]}');
    const r = optimize(model, args, { kind: 'map', seed: 1 });
    expect(r.mode['p']).toBeCloseTo((2 + 8 - 1) / (2 + 2 + 10 - 2), 6);
  });

  it('is not stranded where a bounded scale flattens the objective: the best of several starts is the mode (Rethinking m4.5)', () => {
    // Heights near 145 against a prior centred on 178: from Stan's start alone, σ ~ Uniform(0, 50) ran to its bound and stopped there.
    const w = Array.from({ length: 60 }, (_, i) => -2 + (4 * i) / 59);
    const height = w.map((x, i) => 145 + 22 * x - 6 * x * x + 6 * Math.sin(7 * i));
    const source = '@model function m(height, w)\n    a ~ Normal(178, 20)\n    b1 ~ LogNormal(0, 1)\n    b2 ~ Normal(0, 1)\n    σ ~ Uniform(0, 50)\n    μ = a .+ b1 .* w .+ b2 .* w .^ 2\n    height ~ MvNormal(μ, σ^2 * I)\nend\n';
    const { model, args } = load(source, JSON.stringify({ height, w }));
    const results = [1, 2, 3].map((seed) => optimize(model, args, { kind: 'map', seed }));
    for (const [k, r] of results.entries()) {
      expect(r.mode['σ'], `seed ${k + 1}`).toBeLessThan(10);
      // Every seed finds the same optimum.
      expect(r.value, `seed ${k + 1}`).toBeCloseTo(results[0]!.value, 6);
    }
  });

  it("starts from the user's initial values alone, as Turing's initial_params: the mode nearest them, of two", () => {
    // y = 4 ~ Normal(μ², 1): the likelihood peaks at μ = −2 and at μ = 2.
    const { model, args } = load('@model function m(y)\n    μ ~ Normal(0, 10)\n    y ~ Normal(μ^2, 1)\nend\n', '{"y": 4}');
    expect(optimize(model, args, { kind: 'mle', seed: 1, init: { μ: -1 } }).mode['μ']).toBeCloseTo(-2, 5);
    expect(optimize(model, args, { kind: 'mle', seed: 1, init: { μ: 0.5 } }).mode['μ']).toBeCloseTo(2, 5);
  });

  it('names what is wrong with initial values: a name that is no parameter, a value outside the support', () => {
    const { model, args } = load('@model function m(y)\n    σ ~ Exponential(1)\n    y ~ Normal(0, σ)\nend\n', '{"y": 1}');
    expect(() => optimize(model, args, { kind: 'map', seed: 1, init: { s: 1 } })).toThrow(/`s`, which is not a parameter of the model; its parameters are `σ`/);
    expect(() => optimize(model, args, { kind: 'map', seed: 1, init: { σ: -1 } })).toThrow(/the value given for `σ` \(-1\) is outside/);
  });
});
