import { describe, expect, it } from 'vitest';
import { Rng } from '../rng/index.js';
import { prepare } from '../lang/index.js';
import { BoundModel } from '../model/index.js';

function bind(source: string, data = '{}') {
  const p = prepare({ source, data: { text: data, format: 'json' } });
  if (!p.ok) throw new Error(p.diagnostics[0]!.message);
  return BoundModel.discover(p.value.model, p.value.args, Rng.seeded(3)).bound;
}

describe('BoundModel', () => {
  it('maps θ back to constrained values, generated quantities and density terms', () => {
    const bound = bind('@model function m(x)\n    s ~ Exponential(1)\n    w ~ Dirichlet(3, 1.0)\n    t := 2s\n    x ~ Normal(0, s)\n    return w[1]\nend\n', '{"x": 0.5}');
    expect(bound.parameterNames).toEqual(['s', 'w[1]', 'w[2]', 'w[3]']);
    expect(bound.dimension).toBe(3);
    const draw = bound.constrain([Math.log(2), 0, 0]);
    expect(draw.values[0]).toBeCloseTo(2, 14);
    expect(draw.values[1]! + draw.values[2]! + draw.values[3]!).toBeCloseTo(1, 14);
    expect(draw.generated).toEqual([
      ['t', 4],
      ['return', draw.values[1]],
    ]);
    expect(draw.parts.logdensity).toBeCloseTo(bound.partsAt([Math.log(2), 0, 0]).logdensity, 14);
  });

  it('refuses gradients for discrete parameters, naming the variable and where it is', () => {
    const source = '@model function m()\n    k ~ Poisson(3)\n    x ~ Normal(k, 1)\nend\n';
    const bound = bind(source);
    expect(() => bound.gradient('forwarddiff')).toThrow(/`k` is a discrete parameter \(Poisson\).*Use MH, Gibbs/);
  });
});
