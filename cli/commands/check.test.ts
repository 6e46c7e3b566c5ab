import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { runCli as run } from '../testing.js';

const root = join(import.meta.dirname, '../..');
const gdemo = [join(root, 'resources/examples/gdemo.jl'), '--data', join(root, 'resources/examples/gdemo.json')];

afterEach(() => vi.restoreAllMocks());

describe('tilde check', () => {
  it('prints DynamicPPL’s four numbers for gdemo at s² = 2, m = 1', async () => {
    const { code, out } = await run(['check', ...gdemo, '--params', '{"s²": 2, "m": 1}']);
    expect(code).toBe(0);
    expect(out).toMatch(/log prior\s+-2\.897729/);
    expect(out).toMatch(/log likelihood\s+-2\.843524/);
    expect(out).toMatch(/log joint\s+-5\.741253/);
    expect(out).toMatch(/log density \(unconstrained, with log-Jacobian\)\s+-5\.048106/);
    expect(out).toMatch(/s²\s+scalar\s+\(0, ∞\)\s+InverseGamma/);
  });

  it('--json gives one object with the parameters, densities, unconstrained vector and gradient', async () => {
    const { code, out } = await run(['check', ...gdemo, '--params', '{"s²": 2, "m": 1}', '--ad', 'reversediff', '--json']);
    expect(code).toBe(0);
    const r = JSON.parse(out);
    expect(r.parameters.map((p: { name: string }) => p.name)).toEqual(['s²', 'm']);
    expect(r.logjoint).toBeCloseTo(-5.741253335, 8);
    expect(r.unconstrained[0]).toBeCloseTo(Math.log(2), 14);
    // d/dy at y = log s²: the analytic gradient of gdemo's unconstrained density.
    expect(r.gradient[0]).toBeCloseTo(-1.4375, 10);
    expect(r.gradient[1]).toBeCloseTo(0.25, 10);
  });

  it('shows a support whose bound is a parameter at the given values, and what auto differentiates with', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tilde-check-'));
    const file = join(dir, 'bounded.jl');
    writeFileSync(file, '@model function m()\n    a ~ Normal()\n    x ~ truncated(Normal(); lower=a)\nend\n');
    const { code, out } = await run(['check', file, '--params', '{"a": 1.5, "x": 2}']);
    expect(code).toBe(0);
    expect(out).toMatch(/x\s+scalar\s+\(1\.5, ∞\)\s+Truncated/);
    // The transform follows the bound, so the tape needs no branch on it.
    expect(out).toMatch(/--ad auto differentiates with reversediff \(compiled\): the model's tape stands for it/);
  });

  it('evaluates at a prior draw when no --params are given', async () => {
    const { code, out } = await run(['check', ...gdemo, '--seed', '7']);
    expect(code).toBe(0);
    expect(out).toMatch(/at a draw from the prior: s² = [\d.]+, m = -?[\d.]+/);
  });

  it('checks a model without parameters: the log densities of the data alone', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tilde-check-'));
    const file = join(dir, 'fixed.jl');
    writeFileSync(file, 'a = Float64[i^2 for i in 1:3]\n@model function m(y)\n    y ~ Normal(a[2], 1)\nend\nmodel = m(1.0)\n');
    const { code, out } = await run(['check', file]);
    expect(code).toBe(0);
    expect(out).toContain('the model has no parameters: the log densities are those of the data alone');
    expect(out).toMatch(/log likelihood\s+-5\.418938/);
    expect(out).toMatch(/unconstrained coordinates\n {2}\(none\)/);
  });

  it('errors are editor diagnostics, as text or as JSON, with exit code 1', async () => {
    const text = await run(['check', join(root, 'core/lang/fixtures/gmm.jl'), '--data', join(root, 'resources/examples/gdemo.json')]);
    expect(text.code).toBe(1);
    expect(text.err).toMatch(/gmm\.jl:\d+:\d+: error: /);
    const json = await run(['check', ...gdemo, '--params', '{"s²": -1, "m": 1}', '--json']);
    expect(json.code).toBe(1);
    expect(JSON.parse(json.out).diagnostics[0]).toMatchObject({ severity: 'error' });
  });

  it('refuses zygote with the reason and what to use instead', async () => {
    const { code, err } = await run(['check', ...gdemo, '--ad', 'zygote']);
    expect(code).toBe(2);
    expect(err).toMatch(/Zygote is not supported.*memory use.*forwarddiff.*reversediff/s);
  });

  it('stops a model that loops forever at --timeout and says so, instead of hanging', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tilde-check-'));
    const file = join(dir, 'spin.jl');
    writeFileSync(file, '@model function spin()\n    x ~ Normal(0, 1)\n    while true\n    end\nend\n');
    const { code, err } = await run(['check', file, '--timeout', '0.5']);
    expect(code).toBe(1);
    expect(err).toMatch(/the evaluation of the model took longer than 0\.5 s and was stopped: the model may loop forever/);
    expect((await run(['check', file, '--timeout', '0'])).err).toMatch(/--timeout must be a positive number of seconds, got 0/);
  });

  it('runs as `npx tilde` through the package bin', () => {
    const out = execFileSync(process.execPath, [join(root, 'bin/tilde.mjs'), 'check', ...gdemo, '--params', '{"s²": 2, "m": 1}'], { encoding: 'utf8' });
    expect(out).toMatch(/log joint\s+-5\.741253/);
  });
});
