import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import { Chains, toStanCsv, toWideCsv } from '../../core/chains/index.js';
import { Rng } from '../../core/rng/index.js';
import { diagnosticsReferences } from '../../core/testing/fixtures/diagnostics/index.js';
import { diagnose } from '../../core/diagnostics/index.js';
import { summary, summaryReport } from './summary.js';

const dir = mkdtempSync(join(tmpdir(), 'tilde-summary-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
afterEach(() => vi.restoreAllMocks());

function file(name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

/** Runs the command, returning its exit code and what it printed. */
async function run(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  vi.spyOn(console, 'log').mockImplementation((...a: unknown[]) => void out.push(a.join(' ')));
  vi.spyOn(console, 'error').mockImplementation((...a: unknown[]) => void err.push(a.join(' ')));
  vi.spyOn(process.stdout, 'write').mockImplementation((s: string | Uint8Array) => (out.push(String(s)), true));
  const code = await summary(argv);
  vi.restoreAllMocks();
  return { code, out: out.join('\n'), err: err.join('\n') };
}

describe('the summary table', () => {
  it('prints an enormous R-hat in significant digits, as R does (a discrete state one chain left halfway and the other never held)', () => {
    const chains = new Chains({ parameters: ['s'] }, 2);
    chains.append(0, { parameters: Array.from({ length: 300 }, (_, i) => (i < 150 ? 1 : 2)) });
    chains.append(1, { parameters: new Array<number>(300).fill(2) });
    const row = summaryReport('m', chains, diagnose(chains)).split('\n').find((line) => line.startsWith('s '))!;
    // posterior 1.4.0: rhat(cbind(rep(1:2, each = 150), rep(2, 300))) is 5.039214e+14.
    expect(row.trim().split(/\s+/).at(-2)).toBe('5.039e+14');
  });

  it("prints a slow run's ESS per second as a rate, not rounded to a whole 0", () => {
    const rng = Rng.seeded(2);
    const chains = new Chains({ parameters: ['m'] }, [{ warmupSeconds: 1000, samplingSeconds: 3000 }, { warmupSeconds: 1000, samplingSeconds: 3000 }]);
    for (let c = 0; c < 2; c++) chains.append(c, { parameters: Array.from({ length: 500 }, () => rng.normal()) });
    const cells = summaryReport('m', chains, diagnose(chains)).split('\n').find((line) => line.startsWith('m '))!.trim().split(/\s+/);
    const [essBulk, perSecond] = [Number(cells.at(-4)), Number(cells.at(-1))];
    expect(essBulk).toBeGreaterThan(500);
    expect(perSecond).toBeCloseTo(essBulk / 8000, 3);
  });
});

describe('tilde summary', () => {
  const bimodal = file('bimodal.csv', diagnosticsReferences[1]!.drawsCsv);

  it('prints the summary table and the warnings, each naming its parameter', async () => {
    const { code, out } = await run(bimodal);
    expect(code).toBe(0);
    expect(out).toMatch(/4 chains × 1000 draws/);
    expect(out).toMatch(/^parameter\s+mean\s+sd\s+median\s+mad\s+q5\s+q95\s+mcse_mean\s+mcse_sd\s+ess_bulk\s+ess_tail\s+rhat\s+ess_per_sec$/m);
    expect(out).toMatch(/^x\s+-0\.5812\s+4\.108\s/m);
    expect(out).toContain('x: R-hat 1.493 > 1.01');
    expect(out).toContain('x: bulk ESS 7.475 < 400');
    expect(out).not.toMatch(/z: /);
  });

  it('shows a location far from 0 to the digits its sd varies in, where four significant digits were 1.000e+8', async () => {
    const chains = new Chains({ parameters: ['m'] }, 4);
    const rng = Rng.seeded(3);
    for (let c = 0; c < 4; c++) chains.append(c, { parameters: Array.from({ length: 1000 }, () => 1e8 + 1e-4 * rng.normal()) });
    const path = file('offset.csv', toWideCsv(chains));
    const exact = (await run(path, '--csv')).out.split('\n')[1]!.split(',').map(Number);
    const printed = (await run(path)).out.split('\n').find((l) => l.startsWith('m '))!.trim().split(/\s+/);
    const sd = exact[2]!;
    // mean, median, q5 and q95: to the decimals of two significant digits of the sd (1.0e-4: five), so within 5 % of it.
    const decimals = 1 - Math.floor(Math.log10(sd));
    for (const j of [1, 3, 5, 6]) {
      expect(printed[j], `column ${j}`).toMatch(new RegExp(`^\\d{8,9}\\.\\d{${decimals}}$`));
      expect(Math.abs(Number(printed[j]) - exact[j]!), `column ${j}`).toBeLessThanOrEqual(0.05 * sd);
    }
    expect(Number(printed[2])).toBe(Number(sd.toPrecision(4)));
  });

  it('says once, with the worst, a warning many parameters share, as rstan does', async () => {
    // Eight parameters whose two chains sit apart: every one gets R-hat and ESS warnings.
    const names = Array.from({ length: 8 }, (_, i) => `θ[${i + 1}]`);
    const chains = new Chains({ parameters: names }, 2);
    for (let c = 0; c < 2; c++) {
      const rows = Array.from({ length: 50 }, (_, d) => names.map((_, i) => c * (i + 1) + Math.sin(d * 1.7 + i)));
      chains.append(c, { parameters: rows.flat() });
    }
    const { out } = await run(file('apart.csv', toWideCsv(chains)));
    const warnings = out.slice(out.indexOf('warnings:')).split('\n').slice(1);
    expect(warnings.filter((l) => l.includes('R-hat'))).toEqual([expect.stringMatching(/^ {2}R-hat > 1\.01 for 8 parameters \(the largest [\d.]+, θ\[\d\]\); the chains have not mixed$/)]);
    expect(warnings.filter((l) => l.includes('bulk ESS'))).toEqual([expect.stringMatching(/^ {2}bulk ESS < 200 for 8 parameters \(the smallest [\d.]+, θ\[\d\]\); run longer chains$/)]);
  });

  it('says once that many parameters\' bulk ESS is at posterior\'s cap', async () => {
    // Each draw followed by its negation, in every parameter: antithetic, as NUTS's draws of a normal often are.
    const names = Array.from({ length: 8 }, (_, i) => `x[${i + 1}]`);
    const chains = new Chains({ parameters: names }, 4);
    const rng = Rng.seeded(7);
    for (let c = 0; c < 4; c++) {
      const cells: number[] = [];
      for (let d = 0; d < 200; d++) {
        const z = names.map(() => rng.normal());
        cells.push(...z.map((v) => v + 1e-3 * rng.normal()), ...z.map((v) => -v + 1e-3 * rng.normal()));
      }
      chains.append(c, { parameters: cells });
    }
    const { out } = await run(file('antithetic.csv', toWideCsv(chains)));
    const warnings = out.slice(out.indexOf('1 warning:')).split('\n').slice(1);
    expect(warnings).toEqual([expect.stringMatching(/^ {2}bulk ESS capped at S·log10\(S\) for 8 parameters \(x\[1\], …\); the draws are antithetic/)]);
  });

  it('--csv writes the table as CSV, to a file with --output, with the warnings on stderr', async () => {
    const piped = await run(bimodal, '--csv', '--probs', '0.025,0.975');
    expect(piped.code).toBe(0);
    expect(piped.out.split('\n')[0]).toBe('parameter,mean,sd,median,mad,q5,q95,mcse_mean,mcse_sd,ess_bulk,ess_tail,rhat,ess_per_sec,q2.5,q97.5');
    expect(piped.out).toMatch(/\nx,-0\.58116/);
    expect(piped.err).toContain('warning: x: R-hat');
    const output = join(dir, 'summary.csv');
    expect((await run(bimodal, '--csv', '--output', output, '--variables', 'z')).code).toBe(0);
    expect(readFileSync(output, 'utf8').split('\n')[1]).toMatch(/^z,/);
  });

  it('combines CmdStan files, one per chain, and shows the sampler checks', async () => {
    const chains = new Chains({ parameters: ['Σ[1, 2]'], stats: ['is_divergent', 'tree_depth', 'hamiltonian_energy'] }, 2);
    for (let c = 0; c < 2; c++) chains.append(c, { parameters: [1, 2, 3, 4, 5], stats: [0, 3, 1, 1, 3, 2, 0, 10, 1, 0, 3, 3, 0, 3, 2] });
    const files = [0, 1].map((c) => file(`stan-${c + 1}.csv`, toStanCsv(chains, c)));
    const { code, out } = await run(...files);
    expect(code).toBe(0);
    expect(out).toMatch(/2 chains × 5 draws/);
    expect(out).toMatch(/^Σ\[1, 2\]\s/m);
    expect(out).toMatch(/^chain\s+draws\s+divergences\s+max_treedepth_hits\s+ebfmi$/m);
    expect(out).toContain('chain 1: 1 of 5 transitions diverged');
    expect(out).toContain('chain 2: 1 of 5 transitions hit the maximum tree depth 10');
  });

  it("gives each chain's step size, mean acceptance statistic, leapfrog steps a draw and times, and leaves out what no chain has", () => {
    const stats = ['is_divergent', 'tree_depth', 'hamiltonian_energy', 'step_size', 'acceptance_rate', 'n_steps'];
    const nuts = new Chains({ parameters: ['m'], stats }, [{ warmupSeconds: 0.25, samplingSeconds: 0.5 }]);
    nuts.append(0, { parameters: [1, 2, 3], stats: [0, 3, 1, 0.5, 0.9, 7, 1, 4, 2, 0.5, 0.7, 15, 0, 2, 1.5, 0.5, 0.8, 3] });
    const lines = summaryReport('m.jl', nuts, diagnose(nuts)).split('\n');
    const header = lines.findIndex((l) => l.startsWith('chain'));
    expect(lines[header]!.split(/\s+/)).toEqual(['chain', 'draws', 'divergences', 'max_treedepth_hits', 'ebfmi', 'stepsize', 'mean_accept_stat', 'mean_n_leapfrog', 'warmup_s', 'sampling_s']);
    expect(lines[header + 1]!.split(/\s+/)).toEqual(['1', '3', '1', '0', expect.any(String), '0.5', '0.8', '8.333', '0.25', '0.5']);
    // A count stays a whole number, however large (four significant digits made 12345 divergences 1.235e+4).
    const diverging = new Chains({ parameters: ['m'], stats: ['is_divergent'] }, 1);
    diverging.append(0, { parameters: Array.from({ length: 12345 }, (_, i) => i), stats: new Array(12345).fill(1) });
    const row = summaryReport('m.jl', diverging, diagnose(diverging)).split('\n').find((l) => l.startsWith('1 '))!;
    expect(row.split(/\s+/)).toEqual(['1', '12345', '12345']);
    const mh = new Chains({ parameters: ['m'], stats: ['lp', 'acceptance_rate', 'is_accept'] }, 1);
    mh.append(0, { parameters: [1, 2], stats: [-1, 0.25, 1, -2, 0.75, 0] });
    const mhLines = summaryReport('m.jl', mh, diagnose(mh)).split('\n');
    expect(mhLines.find((l) => l.startsWith('chain'))!.split(/\s+/)).toEqual(['chain', 'draws', 'mean_accept_stat']);
  });

  it('reports bad files and bad options with exit code 1 and no stack', async () => {
    const ragged = file('ragged.csv', 'chain,draw,a\n1,1,2\n1,2\n');
    expect(await run(ragged)).toMatchObject({ code: 1, err: `tilde summary: ${ragged}:3:3: expected 3 fields as in the header, found 2` });
    expect(await run(join(dir, 'missing.csv'))).toMatchObject({ code: 1, err: expect.stringContaining('no such file') });
    expect(await run(file('empty.csv', ''))).toMatchObject({ code: 1, err: expect.stringContaining('empty.csv:1: the file is empty') });
    expect(await run(bimodal, '--variables', 'nope')).toMatchObject({ code: 1, err: expect.stringContaining("no variable named 'nope'") });
    expect(await run(bimodal, '--probs', '2')).toMatchObject({ code: 1 });
    expect(await run(bimodal, '--bogus')).toMatchObject({ code: 1, err: expect.stringContaining('--bogus') });
    expect(await run()).toMatchObject({ code: 1, err: expect.stringContaining('no CSV file') });
    const other = file('other.csv', toWideCsv(new Chains({ parameters: ['q'] }, 1)));
    expect(await run(bimodal, other)).toMatchObject({ code: 1, err: expect.stringContaining('cannot be combined') });
  });
});
