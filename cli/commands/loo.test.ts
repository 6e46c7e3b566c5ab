import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { drawsMatrix } from '../../core/chains/index.js';
import { loo, summarizeLoo, waic } from '../../core/diagnostics/index.js';
import { momentMatchReferences } from '../../core/testing/fixtures/diagnostics/index.js';
import { runCli as run } from '../testing.js';
import { looReport, waicReport } from './loo.js';

const root = join(import.meta.dirname, '../..');
const gdemo = [join(root, 'resources/examples/gdemo.jl'), '--data', join(root, 'resources/examples/gdemo.json')];
const X = [1.5, 2.0];

/** Two chains of 100 draws of gdemo's (s², m), varied smoothly. */
const draws = Array.from({ length: 2 }, (_, c) => Array.from({ length: 100 }, (_, i) => ({ s2: 1.5 + 0.8 * Math.sin(0.7 * i + c), m: 1.2 + 0.6 * Math.cos(1.3 * i + 2 * c) })));

describe('tilde loo', () => {
  it('prints loo’s estimates and k table and writes the pointwise values, those of the log-likelihoods at the draws', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tilde-loo-'));
    const csv = join(dir, 'chains.csv');
    const pointwise = join(dir, 'pointwise.csv');
    writeFileSync(csv, ['chain,draw,s²,m', ...draws.flatMap((chain, c) => chain.map((d, i) => `${c + 1},${i + 1},${d.s2},${d.m}`))].join('\n') + '\n');
    const { code, out } = await run(['loo', ...gdemo, '--draws', csv, '--pointwise', pointwise]);
    expect(code).toBe(0);
    const normal = (x: number, m: number, v: number) => -0.5 * (x - m) ** 2 / v - 0.5 * Math.log(2 * Math.PI * v);
    const expected = loo(
      X.map((x) => drawsMatrix(Float64Array.from(draws.flatMap((chain) => chain.map((d) => normal(x, d.m, d.s2)))), 100, 2)),
      ['x[1]', 'x[2]'],
    );
    expect(out).toContain('Computed from 200 by 2 log-likelihood matrix (2 chains of 100 draws)');
    expect(out).toMatch(new RegExp(`elpd_loo\\s+${expected.elpdLoo.estimate.toFixed(1)}\\s+${expected.elpdLoo.se.toFixed(1)}`));
    expect(out).toMatch(/\(-Inf, 0\.5\]\s+\(good\)/);
    const [header, ...rows] = readFileSync(pointwise, 'utf8').trim().split('\n').map((line) => line.split(','));
    expect(header).toEqual(['observation', 'elpd_loo', 'mcse_elpd_loo', 'p_loo', 'looic', 'pareto_k', 'n_eff', 'r_eff']);
    expect(rows.map((r) => r[0])).toEqual(['x[1]', 'x[2]']);
    rows.forEach((r, i) => {
      expect(Number(r[1])).toBeCloseTo(expected.pointwise[i]!.elpdLoo, 10);
      expect(Number(r[5])).toBeCloseTo(expected.pointwise[i]!.paretoK, 10);
    });
    // --waic: loo::waic's table after loo's, from the same matrix.
    const matrices = X.map((x) => drawsMatrix(Float64Array.from(draws.flatMap((chain) => chain.map((d) => normal(x, d.m, d.s2)))), 100, 2));
    const expectedWaic = waic(matrices);
    const withWaic = await run(['loo', ...gdemo, '--draws', csv, '--waic']);
    expect(withWaic.out).toContain('Computed from 200 by 2 log-likelihood matrix');
    expect(withWaic.out).toMatch(new RegExp(`elpd_waic\\s+${expectedWaic.elpdWaic.estimate.toFixed(1)}\\s+${expectedWaic.elpdWaic.se.toFixed(1)}`));
    expect(withWaic.out).toMatch(new RegExp(`p_waic\\s+${expectedWaic.pWaic.estimate.toFixed(1)}`));
    expect(out).not.toContain('elpd_waic');
    // --json: the whole result as one object, for scripts.
    const json = await run(['loo', ...gdemo, '--draws', csv, '--json']);
    const parsed = JSON.parse(json.out) as { model: string; names: string[]; elpdLoo: { estimate: number; se: number }; waic: { waic: { estimate: number } } };
    expect([parsed.model, parsed.names]).toEqual(['gdemo', ['x[1]', 'x[2]']]);
    expect(parsed.elpdLoo.estimate).toBeCloseTo(expected.elpdLoo.estimate, 10);
    expect(parsed.waic.waic.estimate).toBeCloseTo(expectedWaic.waic.estimate, 10);
  });

  it('moment-matches with --moment-match: loo_moment_match’s estimates, and which observations it took on', async () => {
    const fixtures = join(root, 'core/testing/fixtures/diagnostics');
    const args = ['loo', join(fixtures, 'moment_match_outlier.jl'), '--data', join(fixtures, 'moment_match_outlier.json'), '--draws', join(fixtures, 'moment_match_outlier_draws.csv')];
    const expected = momentMatchReferences.find((r) => r.name === 'outlier')!.cases.find((c) => c.case.startsWith('default'))!;
    // The pointwise table is the matched one, so that loo-compare compares what the report shows.
    const pointwise = join(mkdtempSync(join(tmpdir(), 'tilde-loo-')), 'pointwise.csv');
    const { code, out } = await run([...args, '--moment-match', '--json', '--pointwise', pointwise]);
    expect(code).toBe(0);
    const parsed = JSON.parse(out) as { elpdLoo: { estimate: number }; momentMatched: { name: string }[] };
    expect(parsed.elpdLoo.estimate).toBeCloseTo(Number(expected.estimates.elpd_loo[0]), 9);
    expect(parsed.momentMatched.map((o) => o.name)).toEqual(['y[9]']);
    const row = readFileSync(pointwise, 'utf8').trim().split('\n').find((line) => line.startsWith('y[9],'))!.split(',');
    expect(Number(row[1])).toBeCloseTo(Number(expected.elpd_loo[8]), 9);
    expect(Number(row[5])).toBeCloseTo(Number(expected.pareto_k[8]), 8);
    const text = await run([...args, '--moment-match']);
    expect(text.out).toContain(`Moment matching: y[9] k 1.23 -> ${Number(expected.pareto_k[8]).toFixed(2)} (3 transformations).`);
    expect(text.out).not.toContain('k above 0.7');
    const unmatched = (await run(args)).out;
    expect(unmatched).toContain('k above 0.7, where the estimate of elpd_loo cannot be trusted: y[9] (k = 1.23).');
    expect(unmatched).toContain('Try --moment-match (loo_moment_match), or refit without those observations (exact LOO)');
  });

  it('prints loo’s warning under the WAIC table when some p_waic exceed 0.4', () => {
    const pointwise = [0.3, 0.4].map((paretoK) => ({ elpdLoo: -1, mcseElpdLoo: 0.1, pLoo: 0.2, looic: 2, paretoK, nEff: 50, relativeEff: 0.5 }));
    const ll = drawsMatrix(Float64Array.from([-1, -3, -0.5, -2.5]), 2, 2);
    const result = { ...summarizeLoo(pointwise, 4), waic: waic([ll, ll]), model: 'm', names: ['y[1]', 'y[2]'], notes: [], observed: [1, 2] };
    expect(waicReport(result)).toContain('2 (100.0%) p_waic estimates greater than 0.4. We recommend trying loo instead.');
  });

  it('writes an infinite k as R does, Inf, in the report as in the pointwise table', () => {
    const pointwise = [0.3, Infinity].map((paretoK) => ({ elpdLoo: -1, mcseElpdLoo: 0.1, pLoo: 0.2, looic: 2, paretoK, nEff: 50, relativeEff: 0.5 }));
    const waic = { elpdWaic: { estimate: -2, se: 1 }, pWaic: { estimate: 0.4, se: 0.1 }, waic: { estimate: 4, se: 2 }, pointwise: [] };
    const report = looReport({ ...summarizeLoo(pointwise, 100), waic, model: 'm', names: ['y[1]', 'y[2]'], notes: [], observed: [1, 2] }, [100]);
    expect(report).toContain('k above 0.7, where the estimate of elpd_loo cannot be trusted: y[2] (k = Inf).');
    expect(report).not.toContain('Infinity');
  });

  it('says what is missing or wrong: no draws, draws without a parameter', async () => {
    expect((await run(['loo', ...gdemo])).err).toContain('--draws is needed');
    const dir = mkdtempSync(join(tmpdir(), 'tilde-loo-'));
    const csv = join(dir, 'chains.csv');
    writeFileSync(csv, 'chain,draw,m\n1,1,1\n1,2,1.5\n');
    expect((await run(['loo', ...gdemo, '--draws', csv])).err).toContain('the draws have no values for `s²`');
  });
});
