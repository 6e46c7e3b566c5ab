import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { runCli as run } from '../testing.js';

const root = join(import.meta.dirname, '../..');
const gdemo = [join(root, 'resources/examples/gdemo.jl'), '--data', join(root, 'resources/examples/gdemo.json')];

afterEach(() => vi.restoreAllMocks());

describe('tilde predict', () => {
  it('draws the arguments named by --missing at every posterior draw, keeping their shape, and writes them as CSV', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tilde-predict-'));
    const draws = join(dir, 'chains.csv');
    const out = join(dir, 'predicted.csv');
    // Three posterior draws with a tiny variance: each prediction sits on its draw's m.
    writeFileSync(draws, 'chain,draw,s²,m\n1,1,1e-10,1\n1,2,1e-10,2\n1,3,1e-10,3\n');
    const { code, out: printed } = await run(['predict', ...gdemo, '--draws', draws, '--missing', 'x', '--out', out]);
    expect(code).toBe(0);
    expect(printed).toMatch(/predicted from .*chains\.csv: 1 chain × 3 draws; 2 parameters/);
    const [header, ...rows] = readFileSync(out, 'utf8').trim().split('\n').map((line) => line.split(','));
    expect(header).toEqual(['chain', 'draw', 'x[1]', 'x[2]']);
    rows.forEach((row, i) => {
      expect(Number(row[2])).toBeCloseTo(i + 1, 3);
      expect(Number(row[3])).toBeCloseTo(i + 1, 3);
    });
  });

  it("predicts a ragged argument (Julia's Vector{Vector}) vector by vector, each at its own length", async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tilde-predict-'));
    const model = join(dir, 'groups.jl');
    const data = join(dir, 'groups.json');
    const draws = join(dir, 'chains.csv');
    writeFileSync(model, '@model function groups(y)\n    θ ~ filldist(Normal(0, 10), length(y))\n    for g in eachindex(y), i in eachindex(y[g])\n        y[g][i] ~ Normal(θ[g], 1e-6)\n    end\nend\n');
    writeFileSync(data, '{"y": [[1.0, 2.0], [3.0, 4.0, 5.0]]}');
    writeFileSync(draws, 'chain,draw,θ[1],θ[2]\n1,1,10,20\n');
    const out = join(dir, 'predicted.csv');
    const { code } = await run(['predict', model, '--data', data, '--draws', draws, '--missing', 'y', '--out', out]);
    expect(code).toBe(0);
    const [header, row] = readFileSync(out, 'utf8').trim().split('\n').map((line) => line.split(','));
    expect(header).toEqual(['chain', 'draw', 'y[1][1]', 'y[1][2]', 'y[2][1]', 'y[2][2]', 'y[2][3]']);
    row!.slice(2).forEach((v, k) => expect(Number(v)).toBeCloseTo(k < 2 ? 10 : 20, 3));
  });

  it('says what is wrong: no draws given, an argument that does not exist, nothing missing', async () => {
    expect((await run(['predict', ...gdemo])).err).toContain('--draws is needed');
    const dir = mkdtempSync(join(tmpdir(), 'tilde-predict-'));
    const draws = join(dir, 'chains.csv');
    writeFileSync(draws, 'chain,draw,s²,m\n1,1,1,1\n');
    expect((await run(['predict', ...gdemo, '--draws', draws, '--missing', 'y'])).err).toContain('error: `y`, to be predicted, is not an argument of `gdemo`; its arguments are `x`');
    expect((await run(['predict', ...gdemo, '--draws', draws])).err).toContain('nothing to predict: no argument of the model is missing');
  });

  it('stops a model that loops forever at --timeout and says so', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tilde-predict-'));
    const file = join(dir, 'spin.jl');
    const draws = join(dir, 'chains.csv');
    writeFileSync(file, '@model function spin(y)\n    m ~ Normal()\n    while m < 10\n    end\n    y ~ Normal(m, 1)\nend\n');
    writeFileSync(draws, 'chain,draw,m\n1,1,0.5\n');
    const { code, err } = await run(['predict', file, '--draws', draws, '--missing', 'y', '--timeout', '0.5']);
    expect(code).toBe(1);
    expect(err).toContain('the prediction took longer than 0.5 s and was stopped: the model may loop forever');
  });
});
