import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { Chains } from '../../core/chains/index.js';
import { autocorrelation, diagnose, hpd, summarize, summaryToCsv } from '../../core/diagnostics/index.js';
import { RunManager } from '../manager.js';
import { spawnNodeWorker } from '../spawn-node.js';
import { bandwidth, diagnoseRun, DENSITY_POINTS, exportRun, MAX_INTERVAL_ROWS, plotStatistics } from './index.js';

function chainsOf(columns: Record<string, number[][]>, stats: string[] = []): Chains {
  const names = Object.keys(columns);
  const n = columns[names[0]!]!.length;
  const chains = new Chains({ parameters: names.filter((k) => !stats.includes(k)), stats }, n);
  for (let c = 0; c < n; c++) chains.appendColumns(c, chains.columns.map((k) => columns[k]![c]!));
  return chains;
}

const wave = (n: number, phase: number) => Array.from({ length: n }, (_, i) => Math.sin(i * 0.7 + phase) + (i % 3) * 0.1);

describe('diagnoseRun', () => {
  it('is core’s diagnosis of the parameters, with the sampler statistics summarised apart', () => {
    const chains = chainsOf({ a: [wave(50, 0), wave(50, 1)], lp: [wave(50, 2), wave(50, 3)], is_divergent: [Array(50).fill(0), [1, ...Array(49).fill(0)]] }, ['lp', 'is_divergent']);
    const diagnosis = diagnoseRun(chains, 2);
    const core = diagnose(chains);
    expect(diagnosis.draws).toEqual([50, 50]);
    expect(diagnosis.summary).toEqual(core.summary.rows);
    expect(diagnosis.stats).toEqual(summarize(chains, { variables: ['lp', 'is_divergent'] }).rows);
    expect(diagnosis.sampler).toEqual(core.sampler);
    expect(diagnosis.warnings).toEqual(core.warnings);
  });

  it('leaves out chains without draws but keeps the run’s chain numbers; before any draw it is empty', () => {
    const chains = new Chains({ parameters: ['a'], stats: ['is_divergent'] }, 3);
    chains.appendColumns(1, [wave(30, 0), [1, ...Array(29).fill(0)]]);
    chains.appendColumns(2, [wave(30, 1), Array(30).fill(0)]);
    const diagnosis = diagnoseRun(chains, 3);
    expect(diagnosis.draws).toEqual([0, 30, 30]);
    expect(diagnosis.summary[0]!.mean).toBeCloseTo((wave(30, 0).reduce((s, v) => s + v) + wave(30, 1).reduce((s, v) => s + v)) / 60, 12);
    expect(diagnosis.sampler.map((s) => [s.chain, s.divergences])).toEqual([[1, 1], [2, 0]]);
    expect(diagnosis.warnings.find((w) => w.kind === 'divergences')).toMatchObject({ chain: 1, message: expect.stringMatching(/^chain 2: 1 of 30/) });
    expect(diagnoseRun(undefined, 2)).toEqual({ draws: [0, 0], summary: [], stats: [], sampler: [], warnings: [] });
  });
});

describe('plotStatistics', () => {
  it('estimates each chain’s density on one grid with the rule-of-thumb bandwidth, integrating to 1', () => {
    const x = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9].map((v) => v + 0.5);
    // sd = 3.0277, IQR / 1.34 = 4.5 / 1.34 = 3.358: the sd is the smaller.
    expect(bandwidth(x)).toBeCloseTo(0.9 * 3.0276503540974917 * 10 ** -0.2, 12);
    const stats = plotStatistics(chainsOf({ a: [x, x.map((v) => v + 20)] }), 'a');
    const { x: grid, chains } = stats.density;
    expect(grid).toHaveLength(DENSITY_POINTS);
    expect(grid[0]).toBeCloseTo(0.5 - 3 * bandwidth(x), 12);
    expect(grid[DENSITY_POINTS - 1]).toBeCloseTo(29.5 + 3 * bandwidth(x), 12);
    const step = grid[1]! - grid[0]!;
    for (const density of chains) expect(density.reduce((s, v) => s + v, 0) * step).toBeCloseTo(1, 2);
    // The first chain's mass lies left of the second's.
    expect(chains[0]![10]! > chains[1]![10]!).toBe(true);
  });

  it('gives integer draws each chain’s relative frequency of every value, not a kernel density', () => {
    const { density } = plotStatistics(chainsOf({ s: [[40, 41, 41, 43], [41, 41]] }), 's');
    expect(density).toMatchObject({ x: [40, 41, 42, 43], discrete: true, chains: [[0.25, 0.5, 0, 0.25], [0, 1, 0, 0]] });
  });

  it('gives the 94 % HDI and the mean of every chain’s draws pooled, as ArviZ’s plot_posterior marks them', () => {
    const a = wave(60, 0);
    const b = wave(40, 1.3).map((v) => v + 0.5);
    const { density } = plotStatistics(chainsOf({ a: [a, b] }, []), 'a');
    const [lower, upper] = hpd([...a, ...b], 0.94);
    expect(density.hdi).toEqual({ prob: 0.94, lower, upper, mean: expect.closeTo([...a, ...b].reduce((s, v) => s + v, 0) / 100, 12) });
    // The narrowest interval holding ⌊0.94 · 100⌋ + 1 = 95 of the 100 pooled draws.
    expect([...a, ...b].filter((v) => v >= lower && v <= upper).length).toBeGreaterThanOrEqual(95);
    // A draw that is not finite leaves the interval out, rather than one of NaN bounds.
    expect(plotStatistics(chainsOf({ a: [[1, 2, NaN, 3]] }), 'a').density.hdi).toBeUndefined();
  });

  it('gives core’s autocorrelation to lag min(100, n − 1), rank histograms of the pooled ranks, and no energy without it', () => {
    const long = wave(150, 0);
    const stats = plotStatistics(chainsOf({ a: [long, wave(150, 2)] }), 'a');
    expect(stats.draws).toEqual([150, 150]);
    expect(stats.autocorrelation[0]).toEqual(Array.from(autocorrelation(long).subarray(0, 101)));
    expect(plotStatistics(chainsOf({ a: [[1, 2, 4], [3, 5, 8]] }), 'a').autocorrelation.map((a) => a.length)).toEqual([3, 3]);
    // Ranks 1–4 and 5–8 of 8 in 20 bins: floor((r − 1) / 8 · 20).
    const ranks = plotStatistics(chainsOf({ a: [[1, 2, 3, 4], [5, 6, 7, 8]] }), 'a').ranks;
    expect(ranks.bins).toBe(20);
    const bins = (hits: number[]) => Array.from({ length: 20 }, (_, i) => hits.filter((h) => h === i).length);
    expect(ranks.chains).toEqual([bins([0, 2, 5, 7]), bins([10, 12, 15, 17])]);
    expect(stats.energy).toBeNull();
    expect(() => plotStatistics(chainsOf({ a: [[1]] }), 'b')).toThrow("the run has no parameter named 'b' (it has a)");
  });

  it('centres the marginal energy on its mean over all draws and takes transitions within each chain, on shared edges', () => {
    const chains = chainsOf({ a: [[0, 1, 2], [2, 1, 0]], hamiltonian_energy: [[1, 2, 4], [3, 3, 5]] }, ['hamiltonian_energy']);
    const { energy } = plotStatistics(chains, 'a');
    // Mean 3: marginal −2, −1, 1, 0, 0, 2; transitions 1, 2, 0, 2; edges −2 … 2 in 30 bins of 4/30.
    const bins = (hits: number[]) => Array.from({ length: 30 }, (_, i) => hits.filter((h) => h === i).length);
    expect(energy!.marginal.edges).toHaveLength(31);
    expect(energy!.marginal.edges[0]).toBe(-2);
    expect(energy!.marginal.edges[30]).toBe(2);
    expect(energy!.transition.edges).toEqual(energy!.marginal.edges);
    expect(energy!.marginal.counts).toEqual(bins([0, 7, 22, 15, 15, 29]));
    expect(energy!.transition.counts).toEqual(bins([22, 29, 15, 29]));
    // E-BFMI: Σ(E[t] − E[t−1])² / (n − 1) over Σ(E − Ē)² / n per chain: (1 + 4)/2 over (14/3)/3, and (0 + 4)/2 over (8/3)/3.
    expect(energy!.ebfmi[0]).toBeCloseTo(2.5 / (14 / 9), 12);
    expect(energy!.ebfmi[1]).toBeCloseTo(2 / (8 / 9), 12);
  });

  it('gives the intervals of the parameter’s array, type-7 quantiles of every chain’s draws pooled', () => {
    const chains = chainsOf({ mu: [[0, 0, 0, 0], [0, 0, 0, 0]], 'θ[1]': [[1, 2, 3, 4], [5, 6, 7, 8]], 'θ[2]': [[8, 7, 6, 5], [4, 3, 2, 1]].map((c) => c.map((v) => v * 10)), lp: [[0, 0, 0, 0], [0, 0, 0, 0]] }, ['lp']);
    const { intervals } = plotStatistics(chains, 'θ[2]');
    expect(intervals.probabilities).toEqual([0.05, 0.25, 0.5, 0.75, 0.95]);
    expect(intervals.rows.map((r) => r.name)).toEqual(['θ[1]', 'θ[2]']);
    // 1 … 8 pooled: h = 1 + 7p, so 1.35, 2.75, 4.5, 6.25, 7.65 (R: quantile(1:8, c(.05, .25, .5, .75, .95))).
    [1.35, 2.75, 4.5, 6.25, 7.65].forEach((q, i) => expect(intervals.rows[0]!.quantiles[i]).toBeCloseTo(q, 12));
    [13.5, 27.5, 45, 62.5, 76.5].forEach((q, i) => expect(intervals.rows[1]!.quantiles[i]).toBeCloseTo(q, 12));
    expect([intervals.first, intervals.total]).toEqual([0, 2]);
    // A scalar is drawn among the run's scalars, as bayesplot's mcmc_intervals(fit) draws them; a sampler statistic alone.
    expect(plotStatistics(chains, 'mu').intervals.rows.map((r) => r.name)).toEqual(['mu']);
    const scalars = chainsOf({ a: [[1], [2]], b: [[3], [4]], 'v[1]': [[5], [6]] });
    expect(plotStatistics(scalars, 'b').intervals.rows.map((r) => r.name)).toEqual(['a', 'b']);
    expect(plotStatistics(chains, 'lp').intervals.rows.map((r) => r.name)).toEqual(['lp']);
  });

  it('shows a long array’s intervals in a window around the selected element', () => {
    const names = Array.from({ length: 100 }, (_, i) => `β[${i + 1}]`);
    const chains = chainsOf(Object.fromEntries(names.map((n, i) => [n, [[i], [i + 1]]])));
    const at = (selected: string) => {
      const { intervals } = plotStatistics(chains, selected);
      return [intervals.first, intervals.rows.length, intervals.total, intervals.rows[0]!.name];
    };
    expect(at('β[50]')).toEqual([37, MAX_INTERVAL_ROWS, 100, 'β[38]']);
    expect(at('β[2]')).toEqual([0, MAX_INTERVAL_ROWS, 100, 'β[1]']);
    expect(at('β[100]')).toEqual([100 - MAX_INTERVAL_ROWS, MAX_INTERVAL_ROWS, 100, `β[${101 - MAX_INTERVAL_ROWS}]`]);
  });
});

describe('exportRun', () => {
  const root = join(import.meta.dirname, '../..');
  const dir = mkdtempSync(join(tmpdir(), 'tilde-export-'));
  const manager = new RunManager({ spawn: spawnNodeWorker, concurrency: 2 });
  afterAll(() => {
    manager.cancelAll();
    rmSync(dir, { recursive: true, force: true });
  });
  const files = ['resources/examples/gdemo.jl', '--data', 'resources/examples/gdemo.json'];
  const settings = ['--chains', '2', '--draws', '60', '--warmup', '60', '--seed', '3', '--ad', 'forwarddiff'];
  function cli(args: string[]): Promise<number | null> {
    const child = spawn(process.execPath, [join(root, 'bin/tilde.mjs'), 'sample', ...files, ...settings, ...args], { cwd: root, stdio: 'ignore' });
    return new Promise((resolve) => child.on('close', resolve));
  }
  const withoutTimes = (text: string) => text.replace(/^#.*seconds \((Warm-up|Sampling|Total)\)\n/gm, '');

  it('writes the draws byte for byte as `tilde sample --out` does, in both layouts, and the summary as core’s CSV', async () => {
    const run = manager.start({
      source: readFileSync(join(root, files[0]!), 'utf8'),
      data: { text: readFileSync(join(root, files[2]!), 'utf8'), format: 'json' },
      sampler: { sampler: 'nuts' },
      chains: 2,
      draws: 60,
      warmup: 60,
      seed: 3,
      ad: 'forwarddiff',
    });
    const [result, wideCode, stanCode] = await Promise.all([run.done, cli(['--out', join(dir, 'wide.csv')]), cli(['--out', join(dir, 'stan.csv'), '--layout', 'stan'])]);
    expect([wideCode, stanCode]).toEqual([0, 0]);
    const wide = exportRun(result.chains, 'draws-wide');
    expect(wide).toEqual([{ name: 'draws.csv', text: readFileSync(join(dir, 'wide.csv'), 'utf8') }]);
    const stan = exportRun(result.chains, 'draws-stan');
    expect(stan.map((f) => f.name)).toEqual(['draws_1.csv', 'draws_2.csv']);
    expect(readdirSync(dir).filter((f) => f.startsWith('stan')).sort()).toEqual(['stan_1.csv', 'stan_2.csv']);
    stan.forEach((f, c) => expect(withoutTimes(f.text)).toBe(withoutTimes(readFileSync(join(dir, `stan_${c + 1}.csv`), 'utf8'))));
    expect(exportRun(result.chains, 'summary')).toEqual([{ name: 'summary.csv', text: summaryToCsv(diagnose(result.chains!).summary) }]);
  });

  it('keeps a stopped run’s chain numbers: a chain without draws has no rows and no Stan file', () => {
    const chains = new Chains({ parameters: ['a'] }, 3);
    chains.appendColumns(1, [[0.5, 1.5]]);
    chains.appendColumns(2, [[2.5]]);
    const [wide] = exportRun(chains, 'draws-wide');
    expect(wide!.text).toBe('chain,draw,a\n2,1,0.5\n2,2,1.5\n3,1,2.5\n');
    expect(exportRun(chains, 'draws-stan').map((f) => f.name)).toEqual(['draws_2.csv', 'draws_3.csv']);
  });

  it('refuses a run without draws with a clear message', () => {
    expect(() => exportRun(new Chains({ parameters: ['a'] }, 2), 'draws-wide')).toThrow('the run has no draws yet, so there is nothing to export');
  });
});
