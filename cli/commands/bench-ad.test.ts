import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { runCli as run } from '../testing.js';

const root = join(import.meta.dirname, '../..');
const examples = join(root, 'resources/examples');
/** The examples' models whose parameters are all continuous; changepoint's `s` is discrete. */
const continuous = readdirSync(examples)
  .filter((f) => f.endsWith('.jl') && f !== 'changepoint.jl')
  .map((f) => f.slice(0, -3));
const BACKENDS = ['forwarddiff', 'reversediff', 'reversediff (compiled)', 'tracker'];

const args = (name: string, ...more: string[]): string[] => ['bench-ad', join(examples, `${name}.jl`), '--data', join(examples, `${name}.json`), '--budget', '10', ...more];

afterEach(() => vi.restoreAllMocks());

describe('tilde bench-ad', () => {
  it.each(continuous)('times every backend on %s: one row each, the fastest marked, and what auto picks', async (name) => {
    const { code, out } = await run(args(name));
    expect(code).toBe(0);
    expect(out).toMatch(new RegExp(`${name}\\.jl: \\d+ unconstrained parameters?; log density alone [\\d.]+ µs`));
    const rows = out.split('\n').filter((line) => BACKENDS.some((b) => line.trimStart().startsWith(`${b} `)));
    expect(rows.map((r) => r.trim().split(/\s{2,}/)[0])).toEqual(BACKENDS);
    const times = rows.map((r) => Number(r.trim().split(/\s{2,}/)[1]));
    times.forEach((t) => expect(t).toBeGreaterThan(0));
    const marked = rows.filter((r) => r.includes('← fastest'));
    expect(marked).toHaveLength(1);
    expect(Number(marked[0]!.trim().split(/\s{2,}/)[1])).toBe(Math.min(...times));
    expect(out).toMatch(/auto picks (forwarddiff|reversediff|reversediff \(compiled\)|tracker): /);
    // auto's pick depends on the model alone; where another backend measured faster, the output says how to use it.
    const picked = /auto picks ([^:]+):/.exec(out)![1]!;
    const fastest = marked[0]!.trim().split(/\s{2,}/)[0]!;
    if (picked !== fastest) expect(out).toMatch(new RegExp(`measured on this model, ${fastest.replace(/[()]/g, '\\$&')} was [\\d.]+× faster\n\`--ad auto\` keeps its choice, which depends on the model alone so that a seed gives the same draws on any machine; sample with --ad (forwarddiff|reversediff|reversediff:compile|tracker) to use the measured fastest`));
    else expect(out).toContain('measured fastest on this model too');
  });

  it('--json gives the same figures as data', async () => {
    const { code, out } = await run(args('gdemo', '--json'));
    expect(code).toBe(0);
    const r = JSON.parse(out) as { dimension: number; primalMicroseconds: number; rows: { label: string; microseconds: number; ratio: number; fastest: boolean }[]; auto: { label: string } };
    expect(r.dimension).toBe(2);
    expect(r.rows.map((row) => row.label)).toEqual(BACKENDS);
    for (const row of r.rows) expect(row.ratio).toBeCloseTo(row.microseconds / r.primalMicroseconds, 10);
    expect(r.rows.filter((row) => row.fastest)).toHaveLength(1);
    expect(BACKENDS).toContain(r.auto.label);
  });

  it('refuses a model with a discrete parameter, naming it where it is written', async () => {
    const { code, err } = await run(['bench-ad', join(examples, 'changepoint.jl'), '--data', join(examples, 'changepoint.json'), '--budget', '10']);
    expect(code).toBe(1);
    expect(err).toMatch(/changepoint\.jl:\d+:\d+: error: `s` is a discrete parameter/);
  });

  it('refuses a budget that is not a positive number', async () => {
    const { code, err } = await run(args('gdemo').slice(0, -1).concat('0'));
    expect(code).toBe(2);
    expect(err).toMatch(/--budget must be a positive number of milliseconds, got 0/);
  });
});
