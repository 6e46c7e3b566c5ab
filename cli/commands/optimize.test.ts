import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { runCli as run } from '../testing.js';

afterEach(() => vi.restoreAllMocks());

/** y = 4 ~ Normal(μ², 1): two maxima of the likelihood, μ = −2 and μ = 2. */
function bimodal(): string[] {
  const dir = mkdtempSync(join(tmpdir(), 'tilde-optimize-'));
  writeFileSync(join(dir, 'm.jl'), '@model function m(y)\n    μ ~ Normal(0, 10)\n    y ~ Normal(μ^2, 1)\nend\n');
  writeFileSync(join(dir, 'm.json'), '{"y": 4}');
  return [join(dir, 'm.jl'), '--data', join(dir, 'm.json')];
}

describe('tilde optimize', () => {
  it('--init starts the optimiser where the user says, so it finds the mode near there', async () => {
    const model = bimodal();
    for (const [start, mode] of [[-1, -2], [0.5, 2]] as const) {
      const { code, out } = await run(['optimize', ...model, '--kind', 'mle', '--init', `{"μ": ${start}}`, '--json']);
      expect(code).toBe(0);
      expect((JSON.parse(out) as { mode: Record<string, number> }).mode['μ']).toBeCloseTo(mode, 5);
    }
  });

  it('--init names a value that is not a number, or a name that is no parameter', async () => {
    const model = bimodal();
    const notNumber = await run(['optimize', ...model, '--init', '{"μ": "a"}']);
    expect(notNumber.code).toBe(2);
    expect(notNumber.err).toContain('--init: the initial value of `μ` must be a finite number, got "a"');
    expect((await run(['optimize', ...model, '--init', '{"m": 1}'])).err).toContain('the initial values name `m`, which is not a parameter of the model; its parameters are `μ`');
  });

  it('stops a model that loops forever at --timeout and says so', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tilde-optimize-'));
    const file = join(dir, 'spin.jl');
    writeFileSync(file, '@model function spin()\n    x ~ Normal(0, 1)\n    while x < 10\n    end\nend\n');
    const { code, err } = await run(['optimize', file, '--timeout', '0.5']);
    expect(code).toBe(1);
    expect(err).toMatch(/the optimisation took longer than 0\.5 s and was stopped: the model may loop forever/);
  });
});
