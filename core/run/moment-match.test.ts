import { describe, expect, it } from 'vitest';
import { Chains } from '../chains/index.js';
import { LooError } from '../diagnostics/index.js';
import { prepare } from '../lang/index.js';
import { momentMatchReferences, type MomentMatchReference } from '../testing/fixtures/diagnostics/index.js';
import { runLoo } from './index.js';

function load(source: string, data: Record<string, unknown>) {
  const p = prepare({ source, data: { text: JSON.stringify(data), format: 'json' } });
  if (!p.ok) throw new Error(p.diagnostics[0]!.message);
  return p.value;
}

/** A fixture's draws (chain, draw, then its parameters) as the chains of a run. */
function fixtureChains(ref: MomentMatchReference): Chains {
  const rows = ref.drawsCsv.trim().split('\n').slice(1).map((line) => line.split(',').map(Number));
  const chains = new Chains({ parameters: [...ref.pars] }, 2);
  for (let c = 0; c < 2; c++) {
    const mine = rows.filter((r) => r[0] === c + 1);
    chains.appendColumns(c, ref.pars.map((_, j) => mine.map((r) => r[2 + j]!)));
  }
  return chains;
}

function expectClose(actual: number, expected: number, tolerance: number): void {
  expect(Math.abs(actual - expected)).toBeLessThanOrEqual(tolerance * Math.max(1, Math.abs(expected)));
}

describe.each(momentMatchReferences)('runLoo with moment matching: $name', (ref) => {
  const { model, args } = load(ref.model, ref.data);
  const expected = ref.cases.find((c) => c.case.startsWith('default'))!;
  const bad = expected.pareto_k_before.flatMap((k, i) => (Number(k) > 0.7 ? [i] : []));

  it('matches loo_moment_match on the same draws through the model’s own log density and log-likelihoods', () => {
    const result = runLoo(model, args, fixtureChains(ref), { momentMatch: true });
    result.pointwise.forEach((p, i) => {
      expectClose(p.elpdLoo, Number(expected.elpd_loo[i]), 1e-9);
      expectClose(p.pLoo, Number(expected.p_loo[i]), 1e-8);
      expectClose(p.paretoK, Number(expected.pareto_k[i]), 1e-8);
      expectClose(p.mcseElpdLoo, Number(expected.mcse_elpd_loo[i]), 1e-8);
    });
    expectClose(result.elpdLoo.estimate, Number(expected.estimates.elpd_loo[0]), 1e-10);
    expect(result.momentMatched?.map((o) => o.name)).toEqual(bad.map((i) => `y[${i + 1}]`));
    result.momentMatched!.forEach((o, j) => expectClose(o.kBefore, Number(expected.pareto_k_before[bad[j]!]), 1e-8));
    // WAIC does not reweight: the same as without matching.
    expect(result.waic).toEqual(runLoo(model, args, fixtureChains(ref)).waic);
  });

  it('is not done unless asked for', () => {
    const result = runLoo(model, args, fixtureChains(ref));
    expect(result.momentMatched).toBeUndefined();
    result.pointwise.forEach((p, i) => expectClose(p.paretoK, Number(expected.pareto_k_before[i]), 1e-8));
  });
});

describe('runLoo with moment matching', () => {
  it('says so when it moves the draws to where the model cannot be evaluated', () => {
    const shifted = load('@model function s(y)\n    σ ~ Exponential(1)\n    for i in eachindex(y)\n        y[i] ~ Normal(0, σ - 0.5)\n    end\nend\n', { y: [0.1, -0.2, 0.05, 9] });
    const chains = new Chains({ parameters: ['σ'] }, 1);
    chains.appendColumns(0, [Array.from({ length: 200 }, (_, i) => 0.52 + 4 * ((i * 0.618) % 1) ** 2)]);
    expect(() => runLoo(shifted.model, shifted.args, chains, { momentMatch: true })).toThrow(/^moment matching moved the draws to where the model cannot be evaluated \(.*σ.*\): leave-one-out without it is all this model allows$/);
  });

  it('refuses a model with a discrete parameter, by name', () => {
    const discrete = load('@model function d(y)\n    n ~ Poisson(3)\n    for i in eachindex(y)\n        y[i] ~ Normal(n, 1)\n    end\nend\n', { y: [0.1, 0.2, 40] });
    const chains = new Chains({ parameters: ['n'] }, 1);
    chains.appendColumns(0, [Array.from({ length: 100 }, (_, i) => 1 + (i % 5))]);
    expect(() => runLoo(discrete.model, discrete.args, chains, { momentMatch: true })).toThrow(new LooError('`n` is discrete: moment matching moves the draws continuously, so it needs every parameter continuous'));
  });
});
