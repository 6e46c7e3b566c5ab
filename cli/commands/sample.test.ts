import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '../..');
const gdemo = [join(root, 'resources/examples/gdemo.jl'), '--data', join(root, 'resources/examples/gdemo.json')];
const dirs: string[] = [];
const groups: number[] = [];

afterEach(() => {
  for (const pid of groups.splice(0)) {
    try {
      process.kill(-pid, 'SIGKILL');
    } catch {
      // Already gone, as it should be.
    }
  }
  dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true }));
});

/** Starts `tilde` in a process group of its own, as a terminal would, so Ctrl-C can be sent to the group. */
function tilde(args: string[], onErr: (text: string, pid: number) => void): Promise<{ code: number | null; out: string; err: string }> {
  const child = spawn(process.execPath, [join(root, 'bin/tilde.mjs'), ...args], { detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  groups.push(child.pid!);
  let out = '';
  let err = '';
  child.stdout.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr.on('data', (d: Buffer) => {
    err += d.toString();
    onErr(err, child.pid!);
  });
  return new Promise((resolve) => child.on('close', (code) => resolve({ code, out, err })));
}

describe('tilde sample', () => {
  it('Ctrl-C cancels the chains and still writes the CSV and the summary of what was sampled', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tilde-sample-'));
    dirs.push(dir);
    const csv = join(dir, 'chains.csv');
    let sent = false;
    const { code, out, err } = await tilde(['sample', ...gdemo, '--chains', '2', '--draws', '1000000', '--warmup', '100', '--out', csv], (text, pid) => {
      if (sent || !/chain 1: sampling/.test(text) || !/chain 2: sampling/.test(text)) return;
      sent = true;
      // Both chains are sampling; their first draws leave within the next 100 ms or so.
      setTimeout(() => process.kill(-pid, 'SIGINT'), 500);
    });
    expect(code).toBe(130);
    expect(err).toMatch(/chain 1: cancelled/);
    expect(err).toMatch(/partial: \d+, \d+ draws/);
    expect(out).toMatch(/2 chains × \d+ draws?/);
    const rows = readFileSync(csv, 'utf8').trim().split('\n');
    expect(rows[0]).toMatch(/^chain,draw,s²,m,lp/);
    expect(rows.length).toBeGreaterThan(3);
  });

  it('SIGTERM to tilde alone (kill, timeout) cancels as Ctrl-C does: the draws are written and no worker is left running', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tilde-sample-'));
    dirs.push(dir);
    const csv = join(dir, 'chains.csv');
    let workers: number[] = [];
    const { code, err } = await tilde(['sample', ...gdemo, '--chains', '2', '--draws', '1000000', '--warmup', '100', '--out', csv], (text, pid) => {
      if (workers.length > 0 || !/chain 1: sampling/.test(text) || !/chain 2: sampling/.test(text)) return;
      workers = execFileSync('pgrep', ['-P', String(pid), '-f', 'tilde-worker'], { encoding: 'utf8' }).trim().split('\n').map(Number);
      setTimeout(() => process.kill(pid, 'SIGTERM'), 300);
    });
    expect(workers).toHaveLength(2);
    expect(code).toBe(143);
    expect(err).toMatch(/partial: \d+, \d+ draws/);
    expect(readFileSync(csv, 'utf8').trim().split('\n').length).toBeGreaterThan(3);
    const running = workers.filter((pid) => {
      try {
        process.kill(pid, 0);
        return true;
      } catch {
        return false;
      }
    });
    expect(running).toEqual([]);
  });

  it("says before sampling what the file says about itself: its own call of the model gave the data", async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tilde-sample-'));
    dirs.push(dir);
    const file = join(dir, 'gdemo.jl');
    writeFileSync(file, `${readFileSync(gdemo[0]!, 'utf8')}\nchain = sample(gdemo([1.5, 2.0]), NUTS(), 1000)\n`);
    const { code, out, err } = await tilde(['sample', file, '--chains', '1', '--draws', '50', '--warmup', '50'], () => undefined);
    expect(code).toBe(0);
    expect(err).toContain('info: this call gives `gdemo` its data for `x`, where the data you give leaves them out');
    expect(err.indexOf('info: this call')).toBeLessThan(err.indexOf('chain 1: done'));
    expect(out).toMatch(/: NUTS with reversediff \(compiled\), 1 chain × 50 draws/);
  });

  it('--probs adds quantiles to the summary, and a bad one is refused before any chain starts', async () => {
    const { code, out } = await tilde(['sample', ...gdemo, '--chains', '1', '--draws', '50', '--warmup', '50', '--probs', '0.025, 0.975'], () => undefined);
    expect(code).toBe(0);
    expect(out).toMatch(/^parameter .* q2\.5 +q97\.5$/m);
    const refused = await tilde(['sample', ...gdemo, '--probs', '2.5'], () => undefined);
    expect(refused).toMatchObject({ code: 2, err: "--probs: '2.5' is no probability between 0 and 1\n" });
    expect(refused.err).not.toContain('chain 1');
  });

  it('--init starts the chains at the given values, by name or element, and names a parameter that does not exist', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tilde-sample-'));
    dirs.push(dir);
    const csv = join(dir, 'chains.csv');
    const still = ['--sampler', 'mh-rw', '--scale', '1e-12', '--chains', '2', '--draws', '1', '--warmup', '0'];
    const started = await tilde(['sample', ...gdemo, ...still, '--init', '{"s²": 2.5, "m": 0.75}', '--out', csv], () => undefined);
    expect(started.code).toBe(0);
    const [header, ...rows] = readFileSync(csv, 'utf8').trim().split('\n').map((line) => line.split(','));
    for (const row of rows) {
      expect(Number(row[header!.indexOf('s²')])).toBeCloseTo(2.5, 9);
      expect(Number(row[header!.indexOf('m')])).toBeCloseTo(0.75, 9);
    }
    const wrong = await tilde(['sample', ...gdemo, ...still, '--init', '{"mu": 1}'], () => undefined);
    expect(wrong.code).not.toBe(0);
    expect(wrong.err).toContain('the initial values name `mu`, which is not a parameter of the model; its parameters are `s²`, `m`');
  });

  it("starts the chains where the script's `initial_params = InitFromParams((; …))` says (Turing 0.41), unless --init is given", async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tilde-sample-'));
    dirs.push(dir);
    const file = join(dir, 'gdemo.jl');
    const csv = join(dir, 'chains.csv');
    writeFileSync(file, `${readFileSync(gdemo[0]!, 'utf8')}\nchain = sample(gdemo([1.5, 2.0]), NUTS(), 1; initial_params = InitFromParams((; s² = 2.5, m = 0.75)))\n`);
    const still = ['--sampler', 'mh-rw', '--scale', '1e-12', '--chains', '2', '--warmup', '0', '--out', csv];
    const starts = async (extra: string[]): Promise<number[][]> => {
      const run = await tilde(['sample', file, ...still, ...extra], () => undefined);
      expect(run.code, run.err).toBe(0);
      const [header, ...rows] = readFileSync(csv, 'utf8').trim().split('\n').map((line) => line.split(','));
      return rows.map((row) => [Number(row[header!.indexOf('s²')]), Number(row[header!.indexOf('m')])]);
    };
    for (const [s2, m] of await starts([])) {
      expect(s2).toBeCloseTo(2.5, 9);
      expect(m).toBeCloseTo(0.75, 9);
    }
    for (const [s2] of await starts(['--init', '{"s²": 1.5, "m": 0}'])) expect(s2).toBeCloseTo(1.5, 9);
  });

  it("runs as the script's sample line says where no option is given, and each option overrides its part", async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tilde-sample-'));
    dirs.push(dir);
    const file = join(dir, 'gdemo.jl');
    const csv = join(dir, 'chains.csv');
    writeFileSync(file, `${readFileSync(gdemo[0]!, 'utf8')}\nchains = sample(gdemo([1.5, 2.0]), MH(), MCMCThreads(), 40, 3)\n`);
    const script = await tilde(['sample', file, '--out', csv], () => undefined);
    expect(script.code).toBe(0);
    expect(script.err).toContain('line 13 samples with MH(), 40 draws × 3 chains without warm-up: Tilde uses its sampler, warm-up, draws and chains, where the command line chooses nothing');
    expect(script.out).toMatch(/: MH, 3 chains × 40 draws/);
    expect(readFileSync(csv, 'utf8').split('\n')[0]).toMatch(/,lp,acceptance_rate,is_accept,logprior,loglikelihood$/);

    const mixed = await tilde(['sample', file, '--chains', '1', '--sampler', 'nuts', '--warmup', '20', '--out', csv], () => undefined);
    expect(mixed.code).toBe(0);
    expect(mixed.err).toContain('line 13 samples with MH(), 40 draws × 3 chains without warm-up: Tilde uses its draws, where the command line chooses nothing');
    expect(mixed.out).toMatch(/1 chain × 40 draws/);
    expect(readFileSync(csv, 'utf8').split('\n')[0]).toMatch(/tree_depth/);
  });

  it('samples with particle Gibbs, alone or as a Gibbs block beside NUTS, with --particles', async () => {
    const changepoint = [join(root, 'resources/examples/changepoint.jl'), '--data', join(root, 'resources/examples/changepoint.json')];
    const common = ['--chains', '1', '--draws', '20', '--warmup', '10'];
    const gibbs = await tilde(['sample', ...changepoint, ...common, '--sampler', 'gibbs', '--block', 's=pg', '--block', 'e,l=nuts', '--particles', '8'], () => undefined);
    expect(gibbs.code).toBe(0);
    expect(gibbs.out).toMatch(/: Gibbs with forwarddiff, 1 chain × 20 draws/);
    expect(gibbs.out).toMatch(/\n\s*s\s/);
    const alone = await tilde(['sample', ...changepoint, ...common, '--sampler', 'pg', '--particles', '1'], () => undefined);
    expect(alone.code).toBe(2);
    expect(alone.err).toContain('--particles must be an integer ≥ 2, got 1');
  });

  it("fits the variational approximation a script's vi and rand lines ask for, in worker processes, and --sampler advi with its options", async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tilde-sample-'));
    dirs.push(dir);
    const file = join(dir, 'gdemo.jl');
    const csv = join(dir, 'chains.csv');
    writeFileSync(file, `${readFileSync(gdemo[0]!, 'utf8')}\nmodel = gdemo([1.5, 2.0])\nq = vi(model, ADVI(10, 300))\nsamples = rand(q, 200)\n`);
    const script = await tilde(['sample', file, '--chains', '2', '--out', csv], () => undefined);
    expect(script.code).toBe(0);
    expect(script.err).toContain('samples with ADVI(n_samples = 10, q_meanfield_gaussian), 200 draws after 300 optimisation steps: Tilde uses its sampler, warm-up and draws');
    expect(script.out).toMatch(/: ADVI with \S.*, 2 chains × 200 draws/);
    expect(script.out).toMatch(/\n\s*chain\s+draws\s+elbo\s+pareto_k/);
    expect(readFileSync(csv, 'utf8').split('\n')[0]).toMatch(/,lp,log_q,logprior,loglikelihood$/);

    const options = await tilde(['sample', ...gdemo, '--chains', '1', '--draws', '50', '--warmup', '100', '--sampler', 'advi', '--family', 'fullrank', '--samples-per-step', '3'], () => undefined);
    expect(options.code).toBe(0);
    expect(options.out).toMatch(/: ADVI with \S.*, 1 chain × 50 draws/);
    const family = await tilde(['sample', ...gdemo, '--sampler', 'advi', '--family', 'lowrank'], () => undefined);
    expect(family.code).toBe(2);
    expect(family.err).toContain('--family must be meanfield or fullrank, got lowrank');
  });
});
