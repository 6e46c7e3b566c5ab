import { describe, expect, it } from 'vitest';
import { Chains, drawsMatrix } from '../chains/index.js';
import { loo, LooError } from '../diagnostics/index.js';
import { prepare } from '../lang/index.js';
import { ModelError } from '../model/index.js';
import { runLoo } from './index.js';

const Y = [1.2, -0.3, 0.8, 2.9];

function load(body: string, data: Record<string, unknown> = { y: Y }) {
  const p = prepare({ source: `@model function m(${Object.keys(data).join(', ')})\n    μ ~ Normal(0, 10)\n    σ ~ Exponential(1)\n${body}\nend\n`, data: { text: JSON.stringify(data), format: 'json' } });
  if (!p.ok) throw new Error(p.diagnostics[0]!.message);
  return p.value;
}

/** Two chains of μ and σ, autocorrelated a little so that each chain's efficiency differs from 1. */
function posterior(): Chains {
  const chains = new Chains({ parameters: ['μ', 'σ'] }, 2);
  for (let c = 0; c < 2; c++) {
    const mu = Array.from({ length: 300 }, (_, i) => 1 + 0.4 * Math.sin(0.9 * i + c) + 0.1 * Math.cos(2.3 * i * (c + 1)));
    const sigma = Array.from({ length: 300 }, (_, i) => 1.2 + 0.3 * Math.sin(1.7 * i + 2 * c));
    chains.appendColumns(c, [mu, sigma]);
  }
  return chains;
}

const normalLogpdf = (x: number, m: number, s: number) => -0.5 * ((x - m) / s) ** 2 - Math.log(s) - 0.5 * Math.log(2 * Math.PI);

/** PSIS-LOO from the log-likelihoods written out by hand from the same draws. */
function byHand(chains: Chains) {
  const n = chains.nDraws();
  const matrices = Y.map((y) => {
    const data = new Float64Array(2 * n);
    for (let c = 0; c < 2; c++) for (let i = 0; i < n; i++) data[c * n + i] = normalLogpdf(y, chains.draws('μ', c)[i]!, chains.draws('σ', c)[i]!);
    return drawsMatrix(data, n, 2);
  });
  return loo(matrices, Y.map((_, i) => `y[${i + 1}]`));
}

describe('runLoo', () => {
  const chains = posterior();
  const expected = byHand(chains);

  it.each([
    ['a loop', '    for i in eachindex(y)\n        y[i] ~ Normal(μ, σ)\n    end'],
    ['.~', '    y .~ Normal(μ, σ)'],
    ['filldist, a term per element', '    y ~ filldist(Normal(μ, σ), length(y))'],
    ['arraydist', '    y ~ arraydist([Normal(μ, σ) for _ in y])'],
  ])('takes each observation’s log-likelihood at every draw: %s', (_, body) => {
    const { model, args } = load(body);
    const result = runLoo(model, args, chains);
    expect(result.names).toEqual(['y[1]', 'y[2]', 'y[3]', 'y[4]']);
    expect(result.notes).toEqual([]);
    expect(result.observed).toEqual(Y);
    result.pointwise.forEach((p, i) => {
      expect(p.elpdLoo).toBeCloseTo(expected.pointwise[i]!.elpdLoo, 10);
      expect(p.paretoK).toBeCloseTo(expected.pointwise[i]!.paretoK, 10);
    });
    expect(result.elpdLoo.estimate).toBeCloseTo(expected.elpdLoo.estimate, 10);
    expect(result.elpdLoo.se).toBeCloseTo(expected.elpdLoo.se, 10);
  });

  it('takes a column of a matrix of multivariate observations as one observation', () => {
    // Y is 2 × 2 (JSON rows): columns [1.2, 0.8] and [-0.3, 2.9], each one MvNormal draw.
    const { model, args } = load('    Y ~ filldist(MvNormal(fill(μ, 2), σ^2 * I), 2)', { Y: [[1.2, -0.3], [0.8, 2.9]] });
    const result = runLoo(model, args, chains);
    expect(result.names).toEqual(['Y[:, 1]', 'Y[:, 2]']);
    expect(result.notes).toEqual([]);
    expect(result.observed).toEqual([1.2, 0.8, -0.3, 2.9]);
    const n = chains.nDraws();
    const columns = [[1.2, 0.8], [-0.3, 2.9]].map((column) => {
      const data = new Float64Array(2 * n);
      for (let c = 0; c < 2; c++) for (let i = 0; i < n; i++) data[c * n + i] = column.reduce((a, y) => a + normalLogpdf(y, chains.draws('μ', c)[i]!, chains.draws('σ', c)[i]!), 0);
      return drawsMatrix(data, n, 2);
    });
    const expectedColumns = loo(columns, result.names);
    result.pointwise.forEach((p, j) => expect(p.elpdLoo).toBeCloseTo(expectedColumns.pointwise[j]!.elpdLoo, 10));
  });

  it('says when a vector is observed whole, and that @addlogprob! terms are left out', () => {
    const { model, args } = load('    y ~ MvNormal(fill(μ, length(y)), σ^2 * I)\n    @addlogprob! -0.5 * μ^2');
    const result = runLoo(model, args, chains);
    expect(result.names).toEqual(['y']);
    expect(result.notes).toEqual([
      expect.stringMatching(/^`y` is observed as one MvNormal value of 4 elements, so leave-one-out leaves them out together/),
      'terms added with `@addlogprob!` are not observations and are left out, as in DynamicPPL’s pointwise log-likelihoods',
    ]);
  });

  it('does not tell a Multinomial’s or a correlated MvNormal’s observer to split what is not independent', () => {
    const { model, args } = load('    counts ~ Multinomial(sum(counts), [0.2, 0.3, 0.5])', { counts: [3, 4, 5] });
    const [note] = runLoo(model, args, chains).notes;
    expect(note).toMatch(/^`counts` is observed as one Multinomial value of 3 elements, so leave-one-out leaves them out together\. If they are independent given the parameters/);
    expect(note).toContain('if not (a full covariance, a Multinomial), leaving out one element needs its distribution conditional on the others');
  });

  it('says nothing of a vector the model observes as one by its index (a subject’s measurements in a loop)', () => {
    const { model, args } = load('    for j in 1:2\n        Y[:, j] ~ MvNormal(fill(μ, 2), σ^2 * I)\n    end', { Y: [[1.2, -0.3], [0.8, 2.9]] });
    const result = runLoo(model, args, chains);
    expect(result.names).toEqual(['Y[:, 1]', 'Y[:, 2]']);
    expect(result.notes).toEqual([]);
  });

  it('names a submodel’s observations with its prefix, as DynamicPPL does, so that two instances’ differ', () => {
    const source = `@model function inner(y, μ, σ)\n    for i in eachindex(y)\n        y[i] ~ Normal(μ, σ)\n    end\nend\n@model function outer(y1, y2)\n    μ ~ Normal(0, 10)\n    σ ~ Exponential(1)\n    a ~ to_submodel(inner(y1, μ, σ))\n    b ~ to_submodel(inner(y2, μ, σ))\n    y2[1] ~ Normal(μ, σ)\nend\n`;
    const p = prepare({ source, data: { text: JSON.stringify({ y1: Y.slice(0, 2), y2: Y.slice(2) }), format: 'json' } });
    if (!p.ok) throw new Error(p.diagnostics[0]!.message);
    const result = runLoo(p.value.model, p.value.args, chains);
    expect(result.names).toEqual(['a.y[1]', 'a.y[2]', 'b.y[1]', 'b.y[2]', 'y2[1]']);
    result.pointwise.slice(0, 4).forEach((p, i) => expect(p.elpdLoo).toBeCloseTo(expected.pointwise[i]!.elpdLoo, 10));
  });

  it('points at the statement whose log-likelihood is not finite, and names the observation and draw', () => {
    const { model, args } = load('    for i in eachindex(y)\n        y[i] ~ Uniform(μ - 2, μ + 2)\n    end');
    // y[4] = 2.9 lies outside μ ± 2 wherever μ < 0.9.
    const draw = chains.draws('μ', 0).findIndex((m) => m < 0.9);
    try {
      runLoo(model, args, chains);
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(ModelError);
      expect((e as ModelError).message).toBe(`the log-likelihood of \`y[4]\` is -Infinity at draw ${draw + 1} of chain 1: leave-one-out needs finite values at every draw`);
      expect((e as ModelError).span?.from).toBe(model.source.indexOf('y[i] ~'));
    }
  });

  it('says that a likelihood added with @addlogprob! alone has no observations to leave out', () => {
    const { model, args } = load('    @addlogprob! sum(-0.5 .* ((y .- μ) ./ σ).^2 .- log(σ))');
    expect(() => runLoo(model, args, chains)).toThrow(/^the model observes nothing with `~`, and its `@addlogprob!` terms are not observations/);
  });

  it('leaves out a chain without draws (one that crashed at its start), not the others’ draws', () => {
    const { model, args } = load('    y .~ Normal(μ, σ)');
    const withEmpty = new Chains({ parameters: ['μ', 'σ'] }, 3);
    for (const [c, from] of [[0, 0], [2, 1]] as const) withEmpty.appendColumns(c, [chains.draws('μ', from), chains.draws('σ', from)].map((d) => Array.from(d)));
    const result = runLoo(model, args, withEmpty);
    expect(result.draws).toBe(2 * chains.nDraws());
    result.pointwise.forEach((p, i) => expect(p.elpdLoo).toBeCloseTo(expected.pointwise[i]!.elpdLoo, 10));
  });

  it('refuses observations that change with the draw, and draws that lack a parameter', () => {
    const varying = load('    if μ > 1\n        y[1] ~ Normal(μ, σ)\n    end\n    y[2] ~ Normal(μ, σ)');
    expect(() => runLoo(varying.model, varying.args, chains)).toThrow(/leave-one-out needs the same observations at every draw/);
    // As many observations at every draw, but not the same ones: y[2]'s log-likelihood must not fill y[1]'s column.
    const swapped = load('    if μ > 1\n        y[1] ~ Normal(μ, σ)\n    else\n        y[2] ~ Normal(μ, σ)\n    end');
    const firstMu = chains.draws('μ', 0)[0]!;
    const change = chains.draws('μ', 0).findIndex((m) => m > 1 !== firstMu > 1);
    const [observed, instead] = firstMu > 1 ? ['y[1]', 'y[2]'] : ['y[2]', 'y[1]'];
    expect(() => runLoo(swapped.model, swapped.args, chains)).toThrow(`at draw ${change + 1} of chain 1 the model observes \`${instead}\` where it observed \`${observed}\` at the first draw`);
    const extra = load('    τ ~ Normal()\n    y .~ Normal(μ, σ)');
    expect(() => runLoo(extra.model, extra.args, chains)).toThrow(new LooError('the draws have no values for `τ`: leave-one-out needs the run’s own draws of every parameter'));
  });
});
