import { describe, expect, it } from 'vitest';
import { Rng } from '../rng/index.js';
import { prepare } from '../lang/index.js';
import { CompiledTapeError } from '../ad/index.js';
import { BoundModel } from '../model/index.js';

function bind(source: string, data = '{}') {
  const p = prepare({ source, data: { text: data, format: 'json' } });
  if (!p.ok) throw new Error(p.diagnostics[0]!.message);
  return BoundModel.discover(p.value.model, p.value.args, Rng.seeded(3)).bound;
}

describe('BoundModel.discover', () => {
  const prepared = (source: string) => {
    const p = prepare({ source, data: { text: '{"y": 0.5}', format: 'json' } });
    if (!p.ok) throw new Error(p.diagnostics[0]!.message);
    return p.value;
  };

  it('passes over prior draws the model cannot be evaluated at, keeping what they threw', () => {
    const { model, args } = prepared('@model function m(y)\n    x ~ Normal()\n    y ~ Normal(0, x)\nend\n');
    const outcomes = [1, 2, 3, 4, 5, 6, 7, 8].map((seed) => BoundModel.discover(model, args, Rng.seeded(seed)));
    // Half the draws give a negative scale: some seeds' first draws fail, and every seed finds one that does not.
    expect(outcomes.some((o) => o.failures.length > 0)).toBe(true);
    for (const o of outcomes) {
      expect(o.prior.variables[0]!.value[0]).toBeGreaterThan(0);
      for (const f of o.failures) expect([f.message, f.span?.from]).toEqual([expect.stringMatching(/^Normal: σ must be/), expect.any(Number)]);
    }
  });

  it('falls back on Stan\'s initial region when a prior is too vague for its draws to be evaluated', () => {
    // Gamma(1e-6, 1e6) draws 0 in floating point 99.9 % of the time: I / tau is infinite (posteriordb's dugongs, Gamma(1e-4, 1e4), 93 %).
    const p = prepare({ source: '@model function m(y)\n    tau ~ Gamma(1e-6, 1e6)\n    y ~ MvNormal(zeros(2), I / tau)\nend\n', data: { text: '{"y": [0.5, 0.2]}', format: 'json' } });
    if (!p.ok) throw new Error(p.diagnostics[0]!.message);
    for (const seed of [1, 2, 3, 4]) {
      const { prior, failures } = BoundModel.discover(p.value.model, p.value.args, Rng.seeded(seed));
      expect(prior.initRegion).toBe(true);
      expect(failures.length).toBeGreaterThanOrEqual(10);
      const tau = prior.variables[0]!.value[0]!;
      expect(Math.log(tau)).toBeGreaterThan(-2);
      expect(Math.log(tau)).toBeLessThan(2);
    }
  });

  it('throws the first draw\'s error when no draw can be evaluated', () => {
    const { model, args } = prepared('@model function m(y)\n    x ~ Normal()\n    y ~ Normal(0, -1 - x^2)\nend\n');
    expect(() => BoundModel.discover(model, args, Rng.seeded(1))).toThrow(/^Normal: σ must be/);
  });
});

describe('BoundModel', () => {
  it('maps θ back to constrained values, generated quantities and density terms', () => {
    const bound = bind('@model function m(x)\n    s ~ Exponential(1)\n    w ~ Dirichlet(3, 1.0)\n    t := 2s\n    x ~ Normal(0, s)\n    return 2w[1]\nend\n', '{"x": 0.5}');
    expect(bound.parameterNames).toEqual(['s', 'w[1]', 'w[2]', 'w[3]']);
    expect(bound.dimension).toBe(3);
    const draw = bound.constrain([Math.log(2), 0, 0]);
    expect(draw.values[0]).toBeCloseTo(2, 14);
    expect(draw.values[1]! + draw.values[2]! + draw.values[3]!).toBeCloseTo(1, 14);
    expect(draw.generated).toEqual([
      ['t', 4],
      ['return', 2 * draw.values[1]!],
    ]);
    expect(draw.parts.logdensity).toBeCloseTo(bound.partsAt([Math.log(2), 0, 0]).logdensity, 14);
  });

  it('constrains on a compiled tape exactly as by running the model, at points other than the recorded one', () => {
    const source = [
      '@model function m(x, X)',
      '    s ~ truncated(Normal(0, 2); lower=0)',
      '    w ~ Dirichlet(3, 1.0)',
      '    β ~ filldist(Normal(0, 1), 2)',
      '    μ = X * β .+ s',
      '    t := 2s .* w',
      '    x ~ MvNormal(μ, s^2 * I)',
      '    return (sum(μ), w[1] / s)',
      'end',
    ].join('\n');
    const bound = bind(source, '{"x": [0.5, -1, 2], "X": [[1, 0.5], [0.2, -1], [3, 1]]}');
    const compiled = bound.compileConstrain([0.1, 0.2, -0.3, 0.4, 0.5]);
    for (const theta of [[Math.log(2), 0, 0, 1, -1], [-3, 2, -1, 0.2, 5], [4, -2, 0.5, -0.7, 0.1]]) {
      const expected = bound.constrain(theta);
      const actual = compiled(theta, expected.parts.logdensity);
      expect(Array.from(actual.values)).toEqual(Array.from(expected.values));
      expect(actual.generated.map(([n]) => n)).toEqual(expected.generated.map(([n]) => n));
      actual.generated.forEach(([, v], j) => expect(v).toBeCloseTo(expected.generated[j]![1], 13));
      expect(actual.logjoint).toBeCloseTo(expected.logjoint, 12);
    }
  });

  it('keeps a draw at which the model throws with the parameters met before the throw, the rest NaN', () => {
    const bound = bind('@model function m()\n    a ~ Normal(0, 1)\n    z := log(a)\n    b ~ Exponential(1)\nend\n');
    const draw = bound.constrainOrPartial([-1, 0]);
    expect([Array.from(draw.values), draw.generated, draw.logjoint, draw.error?.message]).toEqual([[-1, NaN], [], NaN, 'log was called with -1, outside its domain (DomainError)']);
    const fine = bound.constrainOrPartial([Math.E, 0]);
    expect([Array.from(fine.values), fine.generated, fine.error]).toEqual([[Math.E, 1], [['z', 1]], undefined]);
  });

  it('refuses a compiled constrain where the model branches on a parameter', () => {
    const bound = bind('@model function m()\n    a ~ Normal(0, 1)\n    if a > 0\n        b ~ Normal(a, 1)\n    else\n        b ~ Normal(-a, 2)\n    end\nend\n');
    expect(() => bound.compileConstrain([0.5, 0.1])).toThrow(CompiledTapeError);
  });

  it('refuses gradients for discrete parameters, naming the variable and where it is', () => {
    const source = '@model function m()\n    k ~ Poisson(3)\n    x ~ Normal(k, 1)\nend\n';
    const bound = bind(source);
    expect(() => bound.gradient('forwarddiff')).toThrow(/`k` is a discrete parameter \(Poisson\).*Use MH, Gibbs/);
  });
});

describe('BoundModel.nonFiniteTermAt', () => {
  it('says where a scalar ran out of floating point (σ = e^y overflowed), which its prior’s support does not explain', () => {
    const bound = bind('@model function m(y)\n    μ ~ Normal(0, 5)\n    σ ~ truncated(Normal(0, 3), 0, Inf)\n    y ~ Normal(μ, σ)\nend\n', '{"y": 0.5}');
    expect(bound.nonFiniteTermAt([0, 800])).toMatchObject({ what: 'the prior of `σ` at σ = ∞', logdensity: -Infinity });
    // The logistic rounds to 1 at y = 40: a Beta(2, 2) prior's end, reached the same way.
    const beta = bind('@model function m()\n    p ~ Beta(2, 2)\nend\n');
    expect(beta.nonFiniteTermAt([40])).toMatchObject({ what: 'the prior of `p` at p = 1', logdensity: -Infinity });
    expect(beta.nonFiniteTermAt([0])).toBeUndefined();
  });
});
