import { describe, expect, it } from 'vitest';
import { expectGradient } from '../testing/index.js';
import { checkModel } from './check.js';
import { checked as run, jsonData as json, normalLogpdf } from './testing.js';

/**
 * DynamicPPL's conditioning: data that names a random variable of the model (not an argument) makes it
 * observed, as `condition(model, y = …)` and `model | (; y = …)` do in Turing.
 */

const DEMO = '@model function demo()\n    x ~ Normal()\n    y ~ Normal(x, 1)\nend\n';

describe('conditioning a random variable by naming it in the data', () => {
  it('observes `y ~ D` at the value given, leaving the other variables parameters', () => {
    const outcome = run({ source: DEMO, data: json({ y: 1.5 }), params: { x: 0.3 } });
    expect(outcome.value.parameters.map((p) => p.name)).toEqual(['x']);
    expect(outcome.value.loglikelihood).toBeCloseTo(normalLogpdf(1.5, 0.3, 1), 12);
    expect(outcome.warnings.map((w) => [w.severity, w.message])).toEqual([
      ['info', "the data's `y` is not an argument of `demo`: it conditions the random variable `y`, which is then observed (Turing's `demo(…) | (; y = …)`)"],
    ]);
  });

  it('observes `y[i] ~ D` element by element even where the model makes its own `y`; `null` elements stay parameters', () => {
    const source = '@model function gen(n)\n    μ ~ Normal()\n    y = Vector{Float64}(undef, n)\n    for i in 1:n\n        y[i] ~ Normal(μ, 1)\n    end\n    return sum(y)\nend\n';
    const outcome = run({ source, data: json({ n: 3, y: [0.1, 0.2, null] }), params: { μ: 0.5, 'y[3]': 2.0 } });
    expect(outcome.value.parameters.map((p) => p.name)).toEqual(['μ', 'y[3]']);
    expect(outcome.value.loglikelihood).toBeCloseTo(normalLogpdf(0.1, 0.5, 1) + normalLogpdf(0.2, 0.5, 1), 12);
    expect(outcome.value.generated['return']).toBeCloseTo(2.3, 12);
  });

  it('observes `y .~ D` at the given values even where the model makes its own `y`, as `y[i] ~ D` does', () => {
    const source = '@model function gen(n)\n    μ ~ Normal()\n    y = Vector{Float64}(undef, n)\n    y .~ Normal(μ, 1)\n    return sum(y)\nend\n';
    const outcome = run({ source, data: json({ n: 3, y: [0.1, 0.2, null] }), params: { μ: 0.5, 'y[3]': 2.0 } });
    expect(outcome.value.parameters.map((p) => p.name)).toEqual(['μ', 'y[3]']);
    expect(outcome.value.loglikelihood).toBeCloseTo(normalLogpdf(0.1, 0.5, 1) + normalLogpdf(0.2, 0.5, 1), 12);
    expect(outcome.value.generated['return']).toBeCloseTo(2.3, 12);
    const observed = run({ source, data: json({ n: 2, y: [0.1, 0.2] }), params: { μ: 0.5 } });
    expect(observed.value.parameters.map((p) => p.name)).toEqual(['μ']);
    expect(observed.value.generated['return']).toBeCloseTo(0.3, 12);
  });

  it('says so, on the `.~`, when the data conditions `y` with another size than the model gives it', () => {
    const source = '@model function gen(n)\n    μ ~ Normal()\n    y = Vector{Float64}(undef, n)\n    y .~ Normal(μ, 1)\nend\n';
    const outcome = checkModel({ source, seed: 1, data: json({ n: 2, y: [0.1, 0.2, 0.3] }) });
    expect(outcome.ok).toBe(false);
    const error = !outcome.ok ? outcome.diagnostics.find((d) => d.severity === 'error') : undefined;
    expect(error?.message).toBe("the data's `y` is a vector of length 3, the model's `y` a vector of length 2: `y .~ …` needs them to have the same size");
    expect(source.slice(error!.from, error!.to)).toBe('y');
  });

  it('refuses, on the left of `~`, a whole `y` with missing elements, whether the data conditions it or it is an argument', () => {
    const errorOf = (source: string) => {
      const outcome = checkModel({ source, seed: 1, data: json({ y: [0.1, null] }) });
      const error = !outcome.ok ? outcome.diagnostics.find((d) => d.severity === 'error') : undefined;
      return error && [error.message, source.slice(error.from, error.to)];
    };
    const body = '    μ ~ Normal()\n    y ~ MvNormal(fill(μ, 2), I)\nend\n';
    expect(errorOf(`@model function m()\n${body}`)).toEqual(["the data's `y` holds missing values: write its elements as `y[i] ~ …` in a loop so that the missing ones are sampled", 'y']);
    expect(errorOf(`@model function m(y)\n${body}`)).toEqual(['`y` holds missing values: write its elements as `y[i] ~ …` in a loop so that the missing ones are sampled', 'y']);
  });

  it('reads `m() | (; y = …)` and `condition(m(), y = …)` in a pasted script the same way', () => {
    for (const line of ['model = demo() | (; y = 1.5)', 'model = condition(demo(), y = 1.5)', 'chain = sample(demo() | (; y = 1.5), NUTS(), 1000)']) {
      const outcome = run({ source: `${DEMO}${line}\n`, params: { x: 0.3 } });
      expect(outcome.value.parameters.map((p) => p.name), line).toEqual(['x']);
      expect(outcome.value.loglikelihood, line).toBeCloseTo(normalLogpdf(1.5, 0.3, 1), 12);
    }
  });

  it('has exact gradients with every backend', () => {
    expectGradient('@model function m()\n    μ ~ Normal()\n    σ ~ Exponential(1)\n    y ~ MvNormal(fill(μ, 3), σ^2 * I)\nend\n', JSON.stringify({ y: [0.5, -0.2, 1.1] }));
  });

  it('still ignores, with a warning, data that names neither an argument nor a random variable', () => {
    const outcome = run({ source: DEMO, data: json({ z: 1 }), params: { x: 0.3, y: 0.1 } });
    expect(outcome.warnings.map((w) => [w.severity, w.message])).toEqual([['warning', 'the data has `z`, which is not an argument of `demo`; it is ignored']]);
    expect(outcome.value.parameters.map((p) => p.name)).toEqual(['x', 'y']);
  });
});
