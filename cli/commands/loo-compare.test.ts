import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli as run } from '../testing.js';

const HEADER = 'observation,elpd_loo,mcse_elpd_loo,p_loo,looic,pareto_k,n_eff,r_eff';

function tables(elpds: Record<string, number[]>): string[] {
  const dir = mkdtempSync(join(tmpdir(), 'tilde-loo-compare-'));
  return Object.entries(elpds).map(([name, elpd]) => {
    const path = join(dir, name);
    writeFileSync(path, [HEADER, ...elpd.map((e, i) => `"y[${i + 1}]",${e},0.01,0.3,${-2 * e},0.2,900,0.9`)].join('\n') + '\n');
    return path;
  });
}

describe('tilde loo-compare', () => {
  it('orders the models by elpd_loo with the paired difference and its SE', async () => {
    // Differences from the best, b − a: −0.5, −1, 0.5 and 0, so elpd_diff −1 and se_diff √4 · sd = 2 · 0.6455; a's SE √(4 · 2.1875 / 3).
    const [a, b] = tables({ 'a.csv': [-1, -2, -3, -1.5], 'b.csv': [-1.5, -3, -2.5, -1.5] });
    const { code, out } = await run(['loo-compare', b!, a!]);
    expect(code).toBe(0);
    const lines = out.replace(/\n+$/, '').split('\n');
    expect(lines[0]).toMatch(/^\s+elpd_diff\s+se_diff\s+elpd_loo\s+se_elpd_loo\s+p_loo\s+looic$/);
    expect(lines[1]!.split(/\s+/)).toEqual(['a.csv', '0.0', '0.0', '-7.5', '1.7', '1.2', '15.0']);
    expect(lines[2]!.split(/\s+/)).toEqual(['b.csv', '-1.0', '1.3', '-8.5', '1.5', '1.2', '17.0']);
  });

  it('notes tables of one size that name their observations differently, naming the first that differs', async () => {
    const [a, b] = tables({ 'a.csv': [-1, -2], 'b.csv': [-1.5, -2] });
    writeFileSync(b!, readFileSync(b!, 'utf8').replace('"y[2]"', '"x[2]"'));
    const { out } = await run(['loo-compare', a!, b!]);
    expect(out).toContain('Note: b.csv names its observations differently from a.csv (x[2] for y[2]): make sure both are the same data.');
  });

  it('says what is wrong: one table, a file that is no pointwise table, different numbers of observations', async () => {
    const [a, b, c] = tables({ 'a.csv': [-1, -2], 'b.csv': [-1, -2, -3], 'c.csv': [-1] });
    expect((await run(['loo-compare', a!])).err).toContain('give two pointwise tables or more');
    expect((await run(['loo-compare', a!, b!])).err).toContain('the models have different numbers of observations (a.csv: 2, b.csv: 3)');
    writeFileSync(c!, 'chain,draw,μ\n1,1,0\n');
    expect((await run(['loo-compare', a!, c!])).err).toContain('not a table `tilde loo --pointwise` wrote');
  });
});
