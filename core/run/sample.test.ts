import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { prepare } from '../lang/index.js';
import { samplerDiagnostics, summarize } from '../diagnostics/index.js';
import { missingLike, predict, sample } from './index.js';

const examples = join(import.meta.dirname, '../../resources/examples');

function load(name: string) {
  const p = prepare({ source: readFileSync(join(examples, `${name}.jl`), 'utf8'), data: { text: readFileSync(join(examples, `${name}.json`), 'utf8'), format: 'json' } });
  if (!p.ok) throw new Error(p.diagnostics[0]!.message);
  return p.value;
}

describe('sample', () => {
  const { model, args } = load('gdemo');
  const run = (seed: number, ad = 'forwarddiff') => sample(model, args, { sampler: 'nuts' }, { draws: 1000, warmup: 1000, chains: 4, seed, ad });

  it('NUTS on gdemo recovers the conjugate posterior means within 4 MCSE', () => {
    const chains = run(1);
    const rows = summarize(chains).rows;
    const s2 = rows.find((r) => r.parameter === 's²')!;
    const m = rows.find((r) => r.parameter === 'm')!;
    expect(Math.abs(s2.mean - 49 / 24)).toBeLessThan(4 * s2.mcse_mean);
    expect(Math.abs(m.mean - 7 / 6)).toBeLessThan(4 * m.mcse_mean);
    expect(s2.rhat).toBeLessThan(1.01);
    expect(chains.stats).toContain('is_divergent');
    expect(chains.info(0).sampler).toBe('NUTS');
  });

  it("keeps NUTS's depth cap and metric in the chains' information, so transitions that hit a cap other than 10 are counted", () => {
    const capped = sample(model, args, { sampler: 'nuts', maxTreeDepth: 1 }, { draws: 100, warmup: 100, chains: 1, seed: 2 });
    expect(capped.info(0)).toMatchObject({ maxTreeDepth: 1, metric: 'diagonal' });
    // Every transition of a tree capped at depth 1 reaches it (it was counted against 10: none).
    expect(samplerDiagnostics(capped)[0]!.treeDepthHits).toBe(100);
    expect(sample(model, args, { sampler: 'hmc', stepSize: 0.1, nSteps: 5 }, { draws: 10, warmup: 0, chains: 1, seed: 2 }).info(0)).toMatchObject({ sampler: 'HMC', metric: 'unit' });
  });

  it('is bit-identical for the same seed, and whatever forward mode’s chunk size', () => {
    const a = run(5);
    const b = sample(model, args, { sampler: 'nuts' }, { draws: 1000, warmup: 1000, chains: 4, seed: 5, ad: 'forwarddiff:chunk=1' });
    expect(Array.from(b.draws('m', 3))).toEqual(Array.from(a.draws('m', 3)));
  });

  it('runs auto on the compiled tape where it stands for the model: the same draws as asking for it', () => {
    const short = { draws: 200, warmup: 200, chains: 2, seed: 4 };
    const auto = sample(model, args, { sampler: 'nuts' }, short);
    const compiled = sample(model, args, { sampler: 'nuts' }, { ...short, ad: 'reversediff:compile' });
    expect(auto.info(1).adBackend).toBe('reversediff (compiled)');
    expect(Array.from(auto.draws('m', 1))).toEqual(Array.from(compiled.draws('m', 1)));
    expect(Array.from(auto.draws('s²', 0))).toEqual(Array.from(compiled.draws('s²', 0)));
  });

  it('samples one chain of a run exactly as the whole run does', () => {
    const whole = run(9);
    const third = sample(model, args, { sampler: 'nuts' }, { draws: 1000, warmup: 1000, chains: 4, seed: 9, ad: 'forwarddiff', chainIndices: [2] });
    expect(Array.from(third.draws('s²', 2))).toEqual(Array.from(whole.draws('s²', 2)));
  });
});

describe('initial values', () => {
  const { model, args } = load('eight_schools');
  // A random walk this small stays where it starts: the first draw is the initial point.
  const still = { sampler: 'mh', proposal: 'random-walk', scale: 1e-12 } as const;
  const first = (init: Record<string, number>, chains = 2) => sample(model, args, still, { draws: 1, warmup: 0, chains, seed: 2, init });

  it('start where given; a variable left out starts as Stan starts it, differently in each chain', () => {
    const chains = first({ μ: 3, τ: 2 });
    for (const c of [0, 1]) {
      expect(chains.draws('μ', c)[0]).toBeCloseTo(3, 9);
      expect(chains.draws('τ', c)[0]).toBeCloseTo(2, 9);
      expect(Math.abs(chains.draws('θ̃[1]', c)[0]!)).toBeLessThan(2);
    }
    expect(chains.draws('θ̃[1]', 0)[0]).not.toBe(chains.draws('θ̃[1]', 1)[0]);
    expect(Array.from(first({ μ: 3, τ: 2 }).draws('θ̃[4]', 1))).toEqual(Array.from(chains.draws('θ̃[4]', 1)));
    // A vector by its variable's name, as a JSON array.
    const byName = sample(model, args, still, { draws: 1, warmup: 0, chains: 1, seed: 2, init: { μ: 0, τ: 1, θ̃: [1, 2, 3, 4, 5, 6, 7, 8] } });
    expect(byName.draws('θ̃[7]', 0)[0]).toBeCloseTo(7, 9);
  });

  it('name what is wrong with them', () => {
    expect(() => first({ mu: 3 }, 1)).toThrow('the initial values name `mu`, which is not a parameter of the model; its parameters are `μ`, `τ`, `θ̃`');
    expect(() => first({ 'θ̃[1]': 0, 'θ̃[2]': 0 }, 1)).toThrow(/^the initial values give some elements of `θ̃` but not `θ̃\[3\]`, .*: give all of them or none$/);
    expect(() => first({ τ: -1 }, 1)).toThrow('the value given for `τ` (-1) is outside the support of Truncated: (0, ∞)');
    expect(() => sample(model, args, still, { draws: 1, warmup: 0, chains: 1, seed: 2, init: { μ: [0, 'x'] } as never })).toThrow('the initial value of `μ[2]` must be a finite number, got "x"');
  });
});

describe('points where the log density is not finite', () => {
  it('are counted per chain with why at the first, on the model line, under the compiled tape too', () => {
    const source = '@model function m(y)\n    s ~ Normal()\n    y ~ Normal(0, sqrt(s))\nend\n';
    const p = prepare({ source, data: { text: '{"y": 0.3}', format: 'json' } });
    if (!p.ok) throw new Error(p.diagnostics.map((d) => d.message).join('\n'));
    for (const ad of ['forwarddiff', 'reversediff:compile']) {
      const chains = sample(p.value.model, p.value.args, { sampler: 'nuts' }, { draws: 100, warmup: 100, chains: 1, seed: 2, ad });
      const nonFinite = chains.info(0).nonFinite;
      expect(nonFinite?.count, ad).toBeGreaterThan(0);
      expect(nonFinite?.reason, ad).toMatch(/^line 3: sqrt was called with -[\d.e-]+, outside its domain/);
    }
  });
});

describe('points where the model throws', () => {
  const prepared = (source: string) => {
    const p = prepare({ source });
    if (!p.ok) throw new Error(p.diagnostics.map((d) => d.message).join('\n'));
    return p.value;
  };

  it('are rejected under the compiled tape too, where the value that throws feeds nothing the log density needs', () => {
    const { model, args } = prepared('@model function g()\n    m ~ Normal(0, 1)\n    z := log(m)\nend\n');
    for (const ad of ['forwarddiff', 'reversediff:compile']) {
      const chains = sample(model, args, { sampler: 'nuts' }, { draws: 200, warmup: 200, chains: 1, seed: 2, ad });
      expect(Math.min(...chains.draws('m', 0)), ad).toBeGreaterThan(0);
      expect(chains.info(0).nonFinite?.reason, ad).toMatch(/^line 3: log was called with -/);
    }
  });

  it('are rejected under the compiled tape where cutpoints that are parameters come out of order (OrderedLogistic without `ordered`)', () => {
    // Observations in the outer categories only: unsorted cutpoints give every one a finite log mass, so only the check rejects them.
    const { model, args } = prepared('@model function g()\n    c ~ filldist(Normal(0, 5), 2)\n    1 ~ OrderedLogistic(0.0, c)\n    3 ~ OrderedLogistic(0.0, c)\nend\n');
    for (const ad of ['forwarddiff', 'reversediff:compile']) {
      const chains = sample(model, args, { sampler: 'nuts' }, { draws: 200, warmup: 200, chains: 1, seed: 3, ad });
      const [c1, c2] = [chains.draws('c[1]', 0), chains.draws('c[2]', 0)];
      expect(c1.every((x, i) => x <= c2[i]!), ad).toBe(true);
      expect(chains.info(0).nonFinite?.reason, ad).toMatch(/OrderedLogistic: cutpoints must be sorted/);
    }
  });

  it('lose no chain where the compiled tape keeps them: the draws hold what the run met before the throw, NaN after', () => {
    // The replay does not check that cholesky's argument is symmetric (A[1, 2] − A[2, 1] = 1e-8 m: not for m > 1),
    // so it keeps m near 2.75 where the model throws at every draw.
    const { model, args } = prepared('@model function g()\n    m ~ Normal(0, 1)\n    3.0 ~ Normal(m, 0.3)\n    z := cholesky([1.0 0.5 + 1e-8 * m; 0.5 1.0]).L[2, 2]\nend\n');
    const chains = sample(model, args, { sampler: 'nuts' }, { draws: 50, warmup: 50, chains: 1, seed: 1, ad: 'reversediff:compile' });
    const m = chains.draws('m', 0);
    expect(m).toHaveLength(50);
    expect(Math.min(...m)).toBeGreaterThan(1);
    expect(chains.draws('z', 0).every(Number.isNaN)).toBe(true);
    expect(chains.info(0).nonFinite).toEqual({ count: 50, reason: expect.stringMatching(/^a kept draw, line 4: cholesky: the matrix is not symmetric/) });
  });
});

describe('samplers for models with discrete parameters', () => {
  const { model, args } = load('changepoint');

  it('MH with prior proposals and the random walk run, and Gibbs (MH for s, NUTS for the rates) finds the change', () => {
    const options = { draws: 300, warmup: 200, chains: 4, seed: 3 };
    const short = { draws: 50, warmup: 0, chains: 1, seed: 3 };
    const prior = sample(model, args, { sampler: 'mh' }, short);
    expect(prior.parameters).toEqual(['s', 'e', 'l']);
    const walk = sample(model, args, { sampler: 'mh', proposal: 'random-walk', scale: 0.3 }, short);
    expect(walk.draws('s', 0).every(Number.isInteger)).toBe(true);
    const gibbs = sample(model, args, { sampler: 'gibbs', blocks: [{ variables: ['s'], sampler: 'mh' }, { variables: ['e', 'l'], sampler: 'nuts', ad: 'forwarddiff' }] }, options);
    // The disasters drop around 1890, the 40th year of the series (Jarrett 1979). Every chain finds it:
    // MH proposes s from its prior (a ±1 random walk left chains at s ≈ 93), and the NUTS block adapts
    // its step size to the rates' conditional (one found at the start left e and l frozen).
    for (let c = 0; c < 4; c++) {
      const mean = gibbs.draws('s', c).reduce((a, b) => a + b, 0) / gibbs.nDraws(c);
      expect(mean).toBeGreaterThan(35);
      expect(mean).toBeLessThan(46);
    }
  });

  it('NUTS refuses the discrete parameter with a message that suggests MH or Gibbs', () => {
    expect(() => sample(model, args, { sampler: 'nuts' }, { draws: 10, warmup: 10, chains: 1, seed: 1 })).toThrow(/`s` is a discrete parameter.*MH, Gibbs/);
  });

  it("an HMC block starts from the step size given, Turing's ϵ, and keeps it without warm-up", () => {
    const run = (stepSize?: number) =>
      sample(model, args, { sampler: 'gibbs', blocks: [{ variables: ['s'], sampler: 'mh' }, { variables: ['e', 'l'], sampler: 'hmc', nSteps: 2, ...(stepSize ? { stepSize } : {}) }] }, { draws: 50, warmup: 0, chains: 1, seed: 4 });
    const spread = (c: ReturnType<typeof run>) => Math.max(...c.draws('e', 0)) - Math.min(...c.draws('e', 0));
    // Two leapfrog steps of 1e-6 move e by about 1e-6 a sweep; the step found at the start moves it by far more.
    expect(spread(run(1e-6))).toBeLessThan(1e-3);
    expect(spread(run())).toBeGreaterThan(0.1);
  });

  it("MH samples a Dirac parameter at a count and at a real value (hakank's `p6 ~ Dirac(y >= 6)`, `g1 ~ Dirac(v[k])`)", () => {
    // A real-valued Dirac was a discrete coordinate off the integers: "internal error: coordinate … is discrete".
    const source = '@model function m(y)\n    μ ~ Normal(0, 1)\n    k ~ Poisson(3)\n    g ~ Dirac(μ + 0.25)\n    big ~ Dirac(k >= 3)\n    y ~ Normal(μ, 1)\nend\n';
    const p = prepare({ source, data: { text: '{"y": 0.4}', format: 'json' } });
    if (!p.ok) throw new Error(p.diagnostics[0]!.message);
    const chains = sample(p.value.model, p.value.args, { sampler: 'mh' }, { draws: 200, warmup: 0, chains: 1, seed: 4 });
    const [mu, k, g, big] = ['μ', 'k', 'g', 'big'].map((name) => Array.from(chains.draws(name, 0)));
    expect(g).toEqual(mu!.map((x) => x + 0.25));
    expect(big).toEqual(k!.map((x) => (x >= 3 ? 1 : 0)));
  });

  it('Gibbs names the variables no block samples, where they are drawn', () => {
    const run = () => sample(model, args, { sampler: 'gibbs', blocks: [{ variables: ['s'], sampler: 'pg', particles: 4 }] }, { draws: 5, warmup: 0, chains: 1, seed: 1 });
    expect(run).toThrow('no Gibbs block samples `e` and `l`, so they would never move: add them to a block');
    expect(run).toThrow(expect.objectContaining({ span: expect.objectContaining({ from: expect.any(Number) }) }));
  });

  it('Prior() draws from the prior alone', () => {
    const chains = sample(model, args, { sampler: 'prior' }, { draws: 1000, warmup: 0, chains: 1, seed: 2 });
    const e = summarize(chains).rows.find((r) => r.parameter === 'e')!;
    // Exponential(3) has mean 3 and sd 3.
    expect(Math.abs(e.mean - 3)).toBeLessThan(4 * e.mcse_mean);
  });
});

describe('elliptical slice sampling', () => {
  it('recovers a conjugate normal posterior: N(0, 1) prior, one observation 1 ~ N(m, 0.5) → N(0.8, √0.2)', () => {
    const p = prepare({ source: '@model function m()\n    m ~ Normal(0, 1)\n    1.0 ~ Normal(m, 0.5)\nend\n' });
    if (!p.ok) throw new Error(p.diagnostics[0]!.message);
    const chains = sample(p.value.model, p.value.args, { sampler: 'ess' }, { draws: 1000, warmup: 100, chains: 4, seed: 8 });
    const m = summarize(chains).rows.find((r) => r.parameter === 'm')!;
    expect(Math.abs(m.mean - 0.8)).toBeLessThan(4 * m.mcse_mean);
    expect(Math.abs(m.sd - Math.sqrt(0.2))).toBeLessThan(4 * m.mcse_sd);
  });

  it('refuses a model whose priors are not Gaussian, naming the parameter', () => {
    const { model, args } = load('gdemo');
    expect(() => sample(model, args, { sampler: 'ess' }, { draws: 10, warmup: 0, chains: 1, seed: 1 })).toThrow(/ESS needs a Gaussian prior.*`s²` has a InverseGamma prior/);
  });
});

describe('a named tuple returned by the model', () => {
  const source = '@model function m(X)\n    σ ~ Exponential(1)\n    β ~ filldist(Normal(0, 1), 2)\n    return (; σ, yhat = X * β)\nend\n';
  const p = prepare({ source, data: { text: '{"X": [[1, 2], [3, 4]]}', format: 'json' } });
  if (!p.ok) throw new Error(p.diagnostics[0]!.message);
  const { model, args } = p.value;

  it.each(['reversediff:compile', 'forwarddiff'])('fills a generated column per field, named after it, in every draw (NUTS with %s)', (ad) => {
    const chains = sample(model, args, { sampler: 'nuts' }, { draws: 50, warmup: 50, chains: 1, seed: 3, ad });
    expect(chains.generated).toEqual(['return.σ', 'return.yhat[1]', 'return.yhat[2]']);
    const [b1, b2] = [chains.draws('β[1]', 0), chains.draws('β[2]', 0)];
    expect(Array.from(chains.draws('return.σ', 0))).toEqual(Array.from(chains.draws('σ', 0)));
    chains.draws('return.yhat[2]', 0).forEach((y, i) => expect(y).toBeCloseTo(3 * b1[i]! + 4 * b2[i]!, 12));
  });
});

describe('a model that returns its data (`return y ~ …`, as Storopoli writes every model)', () => {
  it.each(['reversediff:compile', 'forwarddiff'])('records no return column: it would repeat the data in every draw (NUTS with %s)', (ad) => {
    const p = prepare({ source: '@model function m(y)\n    μ ~ Normal(0, 1)\n    return y ~ MvNormal(fill(μ, 3), I)\nend\n', data: { text: '{"y": [0.5, 1.5, 1.0]}', format: 'json' } });
    if (!p.ok) throw new Error(p.diagnostics[0]!.message);
    const chains = sample(p.value.model, p.value.args, { sampler: 'nuts' }, { draws: 20, warmup: 20, chains: 1, seed: 3, ad });
    expect(chains.parameters).toEqual(['μ']);
    expect(chains.generated).toEqual([]);
  });

  it('nor for a model that ends in `c := …`, whose value is c, a column of its own already', () => {
    const p = prepare({ source: '@model function m()\n    μ ~ Normal(0, 1)\n    c := 2μ\nend\n' });
    if (!p.ok) throw new Error(p.diagnostics[0]!.message);
    const chains = sample(p.value.model, p.value.args, { sampler: 'nuts' }, { draws: 20, warmup: 20, chains: 1, seed: 3, ad: 'forwarddiff' });
    expect(chains.generated).toEqual(['c']);
  });
});

describe('a Cholesky factor (LKJCholesky)', () => {
  const source = "@model function m(y)\n    Ω ~ LKJCholesky(2, 2.0)\n    y ~ MvNormal(zeros(2), Ω.L * Ω.L')\nend\n";
  const p = prepare({ source, data: { text: '{"y": [0.5, 0.4]}', format: 'json' } });
  if (!p.ok) throw new Error(p.diagnostics[0]!.message);
  const { model, args } = p.value;

  it('is held by the chains as DynamicPPL names it: Ω.L[i, j] over the lower triangle, the zeros left out', () => {
    const chains = sample(model, args, { sampler: 'nuts' }, { draws: 30, warmup: 30, chains: 1, seed: 2, ad: 'forwarddiff' });
    expect(chains.parameters).toEqual(['Ω.L[1, 1]', 'Ω.L[2, 1]', 'Ω.L[2, 2]']);
    const [l21, l22] = [chains.draws('Ω.L[2, 1]', 0), chains.draws('Ω.L[2, 2]', 0)];
    l21.forEach((x, i) => expect(x * x + l22[i]! ** 2).toBeCloseTo(1, 12));
  });

  it('starts from initial values given by those names, and predicts at draws that hold only them', () => {
    const init = { 'Ω.L[1, 1]': 1, 'Ω.L[2, 1]': 0.6, 'Ω.L[2, 2]': 0.8 };
    const chains = sample(model, args, { sampler: 'mh' }, { draws: 1, warmup: 0, chains: 1, seed: 2, init });
    expect(chains.draws('Ω.L[2, 1]', 0).length).toBe(1);
    const predicted = predict(model, new Map([['y', missingLike(args.get('y'))]]), chains, 1);
    expect(predicted.parameters).toEqual(['y[1]', 'y[2]']);
    // The factor given whole, as a matrix row by row: its upper zero passed over.
    const whole = sample(model, args, { sampler: 'mh' }, { draws: 1, warmup: 0, chains: 1, seed: 2, init: { Ω: [[1, 0], [0.6, 0.8]] } });
    expect(Array.from(whole.draws('Ω.L[2, 1]', 0))).toEqual(Array.from(chains.draws('Ω.L[2, 1]', 0)));
  });
});
