import { describe, expect, it } from 'vitest';
import { Rng } from '../../rng/index.js';
import { Chains } from '../chains.js';
import type { ChainInfo } from '../info.js';
import { readDrawsCsv, toStanCsv, toWideCsv } from './index.js';

const STATS = ['lp', 'acceptance_rate', 'step_size', 'tree_depth', 'n_steps', 'is_divergent', 'hamiltonian_energy', 'hamiltonian_energy_error', 'max_hamiltonian_energy_error'];

/** Awkward names and values: Unicode, brackets, commas, quotes; NaN, ±Inf, −0, extremes. */
function awkward(): Chains {
  const rng = Rng.seeded(42);
  const chains = new Chains(
    { parameters: ['σ²', 'β[1]', 'β[2]', 'Σ[1, 2]', 'Σ[2, 2]', 'μ_0'], generated: ['y_rep[1]', 'ŷ'], stats: STATS },
    [
      { seed: 7, sampler: 'NUTS', adBackend: 'forward', warmup: 1000, thin: 1, maxTreeDepth: 8, metric: 'dense', warmupSeconds: 0.25, samplingSeconds: 1.125, settings: { target_acceptance: 0.8, model: 'gdemo' } },
      { seed: 8, sampler: 'NUTS', adBackend: 'forward', warmup: 1000, thin: 1, maxTreeDepth: 8, metric: 'dense', warmupSeconds: 0.5, samplingSeconds: 1.5, settings: { target_acceptance: 0.8, model: 'gdemo' } },
    ],
  );
  const special = [NaN, Infinity, -Infinity, -0, Number.MIN_VALUE, Number.MAX_VALUE, 0.1 + 0.2, 1e-300];
  for (let c = 0; c < 2; c++) {
    const draws = 50;
    const p = Float64Array.from({ length: draws * 6 }, () => rng.normal() * 10 ** Math.floor(rng.uniform() * 20 - 10));
    special.forEach((v, i) => (p[i * 7] = v));
    const g = Float64Array.from({ length: draws * 2 }, () => rng.normal());
    const s = Float64Array.from({ length: draws * STATS.length }, () => Math.round(rng.uniform() * 10));
    chains.append(c, { parameters: p, generated: g, stats: s });
  }
  return chains;
}

function expectSameDraws(a: Chains, b: Chains): void {
  expect(b.parameters).toEqual(a.parameters);
  expect(b.generated).toEqual(a.generated);
  expect(b.stats).toEqual(a.stats);
  expect(b.nChains).toBe(a.nChains);
  for (let c = 0; c < a.nChains; c++) {
    for (const name of a.columns) {
      const x = a.draws(name, c);
      const y = b.draws(name, c);
      expect(y.length).toBe(x.length);
      // Object.is tells −0 from 0 and NaN from NaN: identical bits, not just equal values.
      for (let d = 0; d < x.length; d++) if (!Object.is(x[d], y[d])) expect.fail(`${name} chain ${c + 1} draw ${d + 1}: ${x[d]} → ${y[d]}`);
    }
  }
}

describe('CSV round trips', () => {
  it('wide layout: identical numbers and names, roles recovered (generated quantities named on reading)', () => {
    const chains = awkward();
    const csv = toWideCsv(chains);
    expect(csv.split('\n')[0]).toBe(
      'chain,draw,σ²,β[1],β[2],"Σ[1, 2]","Σ[2, 2]",μ_0,y_rep[1],ŷ,lp,acceptance_rate,step_size,tree_depth,n_steps,is_divergent,hamiltonian_energy,hamiltonian_energy_error,max_hamiltonian_energy_error',
    );
    expect(csv).toMatch(/\n1,1,NaN,/);
    expectSameDraws(chains, readDrawsCsv(csv, { generated: ['y_rep', 'ŷ'] }));
  });

  it('Stan layout: one file per chain with CmdStan’s columns and comments; draws and run information come back', () => {
    const chains = awkward();
    const files = [0, 1].map((c) => toStanCsv(chains, c));
    const lines = files[0]!.split('\n');
    const header = lines.find((l) => !l.startsWith('#'))!;
    expect(header).toBe(
      'lp__,accept_stat__,stepsize__,treedepth__,n_leapfrog__,divergent__,energy__,hamiltonian_energy_error__,max_hamiltonian_energy_error__,σ²,β.1,β.2,Σ.1.2,Σ.2.2,μ_0,y_rep.1,ŷ',
    );
    expect(lines).toContain('#     num_warmup = 1000');
    expect(lines).toContain('#     save_warmup = 0');
    expect(lines).toContain('#     thin = 1');
    expect(lines).toContain('#   seed = 7');
    expect(lines).toContain('#  Elapsed Time: 0.25 seconds (Warm-up)');
    expect(files[0]).toMatch(/\nnan,|,nan,|,-inf|,inf/);
    const back = Chains.combine(files.map((f) => readDrawsCsv(f)));
    expectSameDraws(chains, back);
    expect(back.info(0)).toEqual(chains.info(0));
    expect(back.info(1)).toEqual(chains.info(1));
  });

  it("Stan layout: CmdStan's algorithm block for HMC-family samplers (rstan reads no hmc file without a metric), a sampler Stan lacks named as itself", () => {
    const header = (info: ChainInfo): string[] => {
      const chains = new Chains({ parameters: ['μ'] }, [info]);
      chains.append(0, { parameters: Float64Array.of(0.5) });
      return toStanCsv(chains, 0).split('\n').filter((l) => /algorithm|hmc$|engine|nuts$|max_depth|metric/.test(l));
    };
    expect(header({ sampler: 'NUTS', metric: 'diagonal', maxTreeDepth: 10 })).toEqual([
      '#     algorithm = hmc',
      '#       hmc',
      '#         engine = nuts',
      '#           nuts',
      '#             max_depth = 10',
      '#         metric = diag_e',
    ]);
    expect(header({ sampler: 'HMC', metric: 'unit' })).toEqual(['#     algorithm = hmc', '#       hmc', '#         engine = static', '#         metric = unit_e']);
    expect(header({ sampler: 'HMCDA', metric: 'dense' })).toContain('#         engine = static');
    expect(header({ sampler: 'MH' })).toEqual(['#     algorithm = mh']);
    expect(header({ sampler: 'Gibbs' })).toEqual(['#     algorithm = gibbs']);
    // Draws that name no sampler (imported from elsewhere) are CmdStan's default, NUTS with a diagonal metric.
    expect(header({})).toEqual(['#     algorithm = hmc', '#       hmc', '#         engine = nuts', '#         metric = diag_e']);
  });

  it('CRLF line ends, a byte-order mark and quoted names read like the plain file', () => {
    const chains = awkward();
    const csv = toWideCsv(chains);
    expectSameDraws(chains, readDrawsCsv('\ufeff' + csv.replace(/\n/g, '\r\n'), { generated: ['y_rep', 'ŷ'] }));
  });

  it('10⁵ draws × 50 parameters, both layouts', () => {
    const rng = Rng.seeded(1);
    const names = Array.from({ length: 50 }, (_, j) => `θ[${j + 1}]`);
    const chains = new Chains({ parameters: names }, 4);
    for (let c = 0; c < 4; c++) chains.append(c, { parameters: Float64Array.from({ length: 25_000 * 50 }, () => rng.normal()) });
    expectSameDraws(chains, readDrawsCsv(toWideCsv(chains)));
    expectSameDraws(chains.select(['θ[1]', 'θ[2]']), Chains.combine([0, 1, 2, 3].map((c) => readDrawsCsv(toStanCsv(chains.select(['θ[1]', 'θ[2]']), c)))));
  });
});
