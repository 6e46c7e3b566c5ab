import { describe, expect, it } from 'vitest';
import { PriorContext } from '../model/index.js';
import { Rng } from '../rng/index.js';
import { checkModel, compile, type CheckRequest } from './index.js';

/** Turing's "Getting started" example, pasted whole with the line that samples it. */
const GETTING_STARTED = `using Turing
using StatsPlots

@model function gdemo(x, y)
    s² ~ InverseGamma(2, 3)
    m ~ Normal(0, sqrt(s²))
    x ~ Normal(m, sqrt(s²))
    return y ~ Normal(m, sqrt(s²))
end

chn = sample(gdemo(1.5, 2), NUTS(), 1000, progress=false)
`;

const json = (value: object) => ({ text: JSON.stringify(value), format: 'json' as const });

function run(req: CheckRequest) {
  const outcome = checkModel(req);
  if (!outcome.ok) throw new Error(outcome.diagnostics.map((d) => d.message).join('; '));
  return outcome;
}

const params = { 's²': 1.5, m: 0.4 };

describe("the script's own call of the model supplies the data it leaves out", () => {
  it('runs the Getting Started script as pasted, with the data of `sample(gdemo(1.5, 2), …)`', () => {
    const pasted = run({ source: GETTING_STARTED, params });
    const explicit = run({ source: GETTING_STARTED, data: json({ x: 1.5, y: 2 }), params });
    expect(pasted.value.loglikelihood).toBe(explicit.value.loglikelihood);
    const info = pasted.warnings.find((w) => w.severity === 'info');
    expect(info).toMatchObject({ line: 11, column: 14, message: 'this call gives `gdemo` its data for `x`, `y`, where the data you give leaves them out' });
  });

  it('lets the data the user gives win, argument by argument', () => {
    const mixed = run({ source: GETTING_STARTED, data: json({ y: 3 }), params });
    const explicit = run({ source: GETTING_STARTED, data: json({ x: 1.5, y: 3 }), params });
    expect(mixed.value.loglikelihood).toBe(explicit.value.loglikelihood);
  });

  it('takes top-level constants and keyword arguments, from `model = m(…)` as well', () => {
    const source = `data = [1, 0, 1, 1]\n@model function coinflip(y; N = length(y))\n    p ~ Beta(1, 1)\n    for i in 1:N\n        y[i] ~ Bernoulli(p)\n    end\nend\nmodel = coinflip(data; N = 3)\nchain = sample(model, NUTS(), 1000)\n`;
    const outcome = run({ source, params: { p: 0.25 } });
    expect(outcome.value.loglikelihood).toBeCloseTo(2 * Math.log(0.25) + Math.log(0.75), 12);
    const [model] = compile(source).models;
    expect(model?.params.map((p) => [p.name, p.fromScript ?? false])).toEqual([
      ['y', true],
      ['N', true],
    ]);
  });

  it('skips a call whose arguments cannot be known before the model runs, and then the data is missing', () => {
    const source = GETTING_STARTED.replace('gdemo(1.5, 2)', 'gdemo(df.x, df.y)');
    const outcome = checkModel({ source });
    expect(outcome.ok ? [] : outcome.diagnostics.filter((d) => d.severity === 'error').map((d) => d.message)).toEqual(['no data for the model argument `x`, and it has no default value']);
  });

  it('gives the model its own copies: writing into them changes nothing the next run sees', () => {
    const source = 'xs = [1.0, 2.0]\n@model function m(x)\n    μ ~ Normal(0, 1)\n    x[1] = x[1] + 1.0\n    return x[1]\nend\nm(xs)\n';
    const [model] = compile(source).models;
    const runs = [1, 2].map(() => model!.run(new PriorContext(Rng.seeded(1)), new Map()));
    expect(runs).toEqual([2, 2]);
  });
});
