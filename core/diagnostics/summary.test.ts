import { describe, expect, it } from 'vitest';
import { Chains, readDrawsCsv } from '../chains/index.js';
import { Rng } from '../rng/index.js';
import { diagnose, essBulk, locationText, quantile, SUMMARY_COLUMNS, summarize, summaryToCsv } from './index.js';

function normalChains(nChains: number, draws: number, names: string[], shift = (_c: number) => 0): Chains {
  const rng = Rng.seeded(11);
  const infos = Array.from({ length: nChains }, () => ({ warmupSeconds: 0.5, samplingSeconds: 1.5 }));
  const chains = new Chains({ parameters: names }, infos);
  for (let c = 0; c < nChains; c++) {
    chains.append(c, { parameters: Float64Array.from({ length: draws * names.length }, () => rng.normal() + shift(c)) });
  }
  return chains;
}

describe('summary table', () => {
  it('has the columns of MCMCChains and posterior, one row per parameter and generated quantity', () => {
    const chains = new Chains({ parameters: ['β[1]', 'β[2]'], generated: ['y'], stats: ['lp'] }, 2);
    for (let c = 0; c < 2; c++) chains.append(c, { parameters: [1, 2, 3, 4, 5, 6], generated: [7, 8, 9], stats: [0, 0, 0] });
    const table = summarize(chains);
    expect(table.rows.map((r) => r.parameter)).toEqual(['β[1]', 'β[2]', 'y']);
    expect(Object.keys(table.rows[0]!).filter((k) => !['quantiles', 'bulkEssCapped', 'locationText'].includes(k))).toEqual([...SUMMARY_COLUMNS]);
  });

  it('gives ESS per second of compute time summed over chains, as MCMCChains does', () => {
    const chains = normalChains(4, 250, ['m']);
    const row = summarize(chains).rows[0]!;
    expect(row.ess_per_sec).toBeCloseTo(essBulk(chains.matrix('m')) / 8, 10);
    expect(summarize(new Chains({ parameters: ['m'] }, 1)).rows[0]!.ess_per_sec).toBeNaN();
  });

  it('adds the quantiles asked for, named as posterior names them', () => {
    const chains = normalChains(2, 100, ['m']);
    const table = summarize(chains, { probs: [0.025, 0.975] });
    expect(table.quantileColumns).toEqual(['q2.5', 'q97.5']);
    expect(table.rows[0]!.quantiles['q2.5']).toBe(quantile(chains.matrix('m').data, 0.025));
  });

  it('writes out the locations that four significant digits would show alike, by column, with the rule locationText has', () => {
    // 1e8 + N(0, 1e-4): mean, median and every quantile were 1.000e+8 in four significant digits.
    const chains = normalChains(2, 500, ['m', 'z']);
    const offset = new Chains({ parameters: ['m', 'z'] }, 2);
    for (let c = 0; c < 2; c++) {
      const [m, z] = [chains.matrix('m'), chains.matrix('z')];
      offset.append(c, { parameters: Float64Array.from({ length: 1000 }, (_, i) => (i % 2 === 0 ? 1e8 + 1e-4 * m.data[c * 500 + i / 2]! : z.data[c * 500 + (i - 1) / 2]!)) });
    }
    const [m, z] = summarize(offset, { probs: [0.25] }).rows;
    expect(Object.keys(m!.locationText)).toEqual(['mean', 'median', 'q5', 'q95', 'q25']);
    for (const column of ['mean', 'median', 'q5', 'q95'] as const) expect(m!.locationText[column]).toBe(locationText(m![column], m!.sd));
    expect(m!.locationText.q25).toBe(locationText(m!.quantiles.q25!, m!.sd));
    expect(m!.locationText.q5).toMatch(/^99999999\.9998\d+$/);
    expect(z!.locationText).toEqual({});
  });

  it('fills a constant column with NaN diagnostics instead of failing', () => {
    const chains = new Chains({ parameters: ['c'] }, 2);
    chains.append(0, { parameters: [1, 1, 1, 1] });
    chains.append(1, { parameters: [1, 1, 1, 1] });
    const row = summarize(chains).rows[0]!;
    expect(row).toMatchObject({ mean: 1, sd: 0, median: 1, mad: 0 });
    for (const k of ['rhat', 'ess_bulk', 'ess_tail', 'mcse_mean', 'mcse_sd'] as const) expect(row[k]).toBeNaN();
  });

  it('exports to CSV that reads back to the same numbers', () => {
    const chains = normalChains(2, 100, ['σ²', 'Σ[1, 2]']);
    const table = summarize(chains, { probs: [0.1] });
    const csv = summaryToCsv(table);
    const [header, first] = csv.split('\n');
    expect(header).toBe([...SUMMARY_COLUMNS, 'q10'].join(','));
    expect(first!.startsWith('σ²,')).toBe(true);
    expect(csv).toContain('"Σ[1, 2]"');
    const cells = first!.split(',');
    expect(Number(cells[1])).toBe(table.rows[0]!.mean);
  });
});

describe('diagnose', () => {
  it('warns of R-hat, low ESS, divergences, E-BFMI and tree depth, each naming its parameter or chain', () => {
    const rng = Rng.seeded(5);
    const draws = 100;
    const chains = new Chains({ parameters: ['good', 'stuck'], stats: ['is_divergent', 'tree_depth', 'hamiltonian_energy'] }, 4);
    for (let c = 0; c < 4; c++) {
      let energy = 0;
      const p: number[] = [];
      const s: number[] = [];
      for (let i = 0; i < draws; i++) {
        p.push(rng.normal(), rng.normal() * 0.1 + (c < 2 ? -3 : 3));
        // Chain 3's energy is a slow random walk (poor E-BFMI); chain 2 diverges twice and saturates once.
        energy = c === 3 ? energy + 0.05 * rng.normal() : rng.normal();
        s.push(c === 2 && i < 2 ? 1 : 0, c === 2 && i === 5 ? 10 : 3, energy);
      }
      chains.append(c, { parameters: p, stats: s });
    }
    const { warnings } = diagnose(chains);
    const find = (kind: string, where: string | number) => warnings.find((w) => w.kind === kind && (w.parameter === where || w.chain === where));
    expect(find('rhat', 'stuck')?.value).toBeGreaterThan(1.01);
    expect(find('rhat', 'good')).toBeUndefined();
    expect(find('ess_bulk', 'stuck')?.threshold).toBe(400);
    expect(find('divergences', 2)).toMatchObject({ value: 2, message: expect.stringContaining('chain 3') });
    expect(find('tree_depth', 2)).toMatchObject({ value: 1, threshold: 10 });
    expect(find('ebfmi', 3)?.value).toBeLessThan(0.3);
    expect(warnings.filter((w) => w.kind === 'divergences')).toHaveLength(1);
  });

  it('says where draws are NaN or infinite, where posterior leaves diagnostics NA without a word', () => {
    const chains = new Chains({ parameters: ['σ', 'log_x', 'ratio'] }, 2);
    const rng = Rng.seeded(3);
    for (let c = 0; c < 2; c++) {
      const cells: number[] = [];
      for (let i = 0; i < 50; i++) cells.push(1 + 0.1 * rng.normal(), c === 1 && i === 7 ? NaN : rng.normal(), c === 0 && i === 3 ? Infinity : rng.normal());
      chains.append(c, { parameters: cells });
    }
    const { warnings, summary } = diagnose(chains);
    // posterior's R-hat is NA with a NaN draw, but ranks an infinite one.
    expect(summary.rows.map((r) => Number.isNaN(r.rhat))).toEqual([false, true, false]);
    expect(warnings.filter((w) => w.kind === 'non_finite').map((w) => w.message)).toEqual([
      'log_x: draws that are not finite (mean NaN); its moments and some diagnostics are not defined (NA); look for a quantity computed outside its domain (the log of a negative number, 0/0) or one that overflows',
      'ratio: draws that are not finite (mean Infinity); its moments and some diagnostics are not defined (NA); look for a quantity computed outside its domain (the log of a negative number, 0/0) or one that overflows',
    ]);
  });

  it('says where the bulk ESS is posterior\'s cap S·log10(S), not an estimate: antithetic draws, as R warns "The ESS has been capped…"', () => {
    // Each draw followed by its negation: posterior 1.4.0 gives ess_bulk 14408 for 4 × 1000 such draws, and warns.
    const rng = Rng.seeded(5);
    const chains = new Chains({ parameters: ['anti', 'iid'] }, 4);
    for (let c = 0; c < 4; c++) {
      const cells: number[] = [];
      for (let i = 0; i < 500; i++) {
        const z = rng.normal();
        cells.push(z + 0.01 * rng.normal(), rng.normal(), -z + 0.01 * rng.normal(), rng.normal());
      }
      chains.append(c, { parameters: cells });
    }
    const { warnings, summary } = diagnose(chains);
    expect(summary.rows.map((r) => r.bulkEssCapped)).toEqual([true, false]);
    expect(summary.rows[0]!.ess_bulk).toBeCloseTo(4000 * Math.log10(4000), 6);
    const capped = warnings.filter((w) => w.kind === 'ess_capped');
    expect(capped.map((w) => w.parameter)).toEqual(['anti']);
    expect(capped[0]!.message).toMatch(/^anti: bulk ESS capped at S·log10\(S\) = 14408, as posterior caps it; the draws are antithetic/);
  });

  it('raises no warning for a converged fit (the reference eight schools draws have ESS > 400 and R-hat < 1.01)', async () => {
    const { diagnosticsReferences } = await import('../testing/fixtures/diagnostics/index.js');
    const chains = readDrawsCsv(diagnosticsReferences[0]!.drawsCsv);
    expect(diagnose(chains).warnings).toEqual([]);
  });
});
