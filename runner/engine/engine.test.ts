import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { autoBackend, benchmark, check, optimizeModel, readExamples, vocabulary } from './index.js';

const dir = join(import.meta.dirname, '../../resources/examples');
const read = (file: string) => readFileSync(join(dir, file), 'utf8');
const eightSchools = { source: read('eight_schools.jl'), data: { text: read('eight_schools.json'), format: 'json' as const } };
const gdemo = { source: read('gdemo.jl'), data: { text: read('gdemo.json'), format: 'json' as const } };

describe('engine.check', () => {
  it('reports the model, its arguments bound to the data with their shapes, its parameters and what auto picks', () => {
    const report = check(eightSchools);
    expect(report.ok).toBe(true);
    expect(report.diagnostics).toEqual([]);
    expect(report.models).toEqual(['eight_schools']);
    expect(report.arguments).toEqual([
      { name: 'J', status: 'given', shape: [] },
      { name: 'y', status: 'given', shape: [8], observed: true },
      { name: 'σ', status: 'given', shape: [8] },
    ]);
    expect(report.parameters.map((p) => [p.name, p.shape, p.discrete])).toEqual([
      ['μ', [], false],
      ['τ', [], false],
      ['θ̃', [8], false],
    ]);
  });

  it('says what auto picks apart from the check, whose diagnostics need not wait for the tape check', () => {
    expect(autoBackend(eightSchools)).toEqual({ ok: true, value: { backend: 'reversediff (compiled)', reason: expect.stringMatching(/^the model's tape stands for it/) }, warnings: [] });
    const broken = autoBackend({ ...eightSchools, source: eightSchools.source.replace('μ ~ Normal(0, 5)', 'μ ~ Normall(0, 5)') });
    expect(broken.ok).toBe(false);
  });

  it('puts a misspelled distribution on its line with the compiler’s message', () => {
    const source = eightSchools.source.replace('μ ~ Normal(0, 5)', 'μ ~ Normall(0, 5)');
    const report = check({ ...eightSchools, source });
    expect(report.ok).toBe(false);
    expect(report.diagnostics).toEqual([expect.objectContaining({ line: 5, severity: 'error', message: 'unknown function `Normall` — did you mean `Normal`?' })]);
    expect(report.parameters).toEqual([]);
  });

  it('names the argument a data error belongs to, and marks arguments without data as missing', () => {
    const bad = check({ ...eightSchools, data: { text: '{"J": 8, "y": [28, "eight"], "σ": [15, 10]}', format: 'json' } });
    expect(bad.ok).toBe(false);
    expect(bad.arguments.find((a) => a.name === 'y')).toEqual({ name: 'y', status: 'missing', error: 'data `y`[2] is the string "eight"; the model needs numbers (use null for missing)', observed: true });
    expect(bad.diagnostics[0]).toMatchObject({ line: 4, message: expect.stringContaining('`y`[2]') });
    const none = check({ source: eightSchools.source });
    expect(none.arguments.map((a) => a.status)).toEqual(['missing', 'missing', 'missing']);
    expect(none.diagnostics[0]!.message).toMatch(/no data for the model argument `J`/);
  });

  it('says why a data file cannot be read at all, apart from the arguments, which it leaves unbound', () => {
    const malformed = check({ ...eightSchools, data: { text: '{"J": 8, "y": [28,', format: 'json' } });
    expect(malformed.dataError).toBe('the data is not valid JSON at line 1, column 19: it ends too soon');
    const csv = check({ ...eightSchools, data: { text: 'y,σ\n28,15\n8\n', format: 'csv' } });
    expect(csv.dataError).toBe('CSV line 3 has 1 cells; the header has 2');
    expect(check(eightSchools).dataError).toBeUndefined();
    expect(check({ ...eightSchools, data: { text: '{"J": 8, "y": [28, "eight"], "σ": [15, 10]}', format: 'json' } }).dataError, "one argument's error is that argument's").toBeUndefined();
  });

  it('says a parameter is discrete, lists every model of the file and checks the one asked for', () => {
    const report = check({ source: read('changepoint.jl'), data: { text: read('changepoint.json'), format: 'json' } });
    expect(report.parameters.find((p) => p.name === 's')).toMatchObject({ discrete: true });
    const two = `@model function inner(a = 1)\n    x ~ Normal(a, 1)\nend\n\n${gdemo.source}`;
    const named = check({ source: two, modelName: 'inner' });
    expect(named.models).toEqual(['inner', 'gdemo']);
    expect(named.arguments).toEqual([{ name: 'a', status: 'default' }]);
    expect(named.parameters.map((p) => p.name)).toEqual(['x']);
  });

  it("marks the arguments the file's own call of the model gives, when the data leaves them out", () => {
    const source = `${gdemo.source}\nchn = sample(gdemo([1.5, 2.0]), NUTS(), 1000)\n`;
    const report = check({ source });
    expect(report.ok).toBe(true);
    expect(report.arguments).toEqual([{ name: 'x', status: 'script', shape: [2], observed: true }]);
    expect(report.diagnostics.find((d) => d.severity === 'info' && d.column === 14)).toMatchObject({ message: 'this call gives `gdemo` its data for `x`, where the data you give leaves them out' });
    expect(check({ ...gdemo, source }).arguments).toEqual([{ name: 'x', status: 'given', shape: [2], observed: true }]);
  });

  it('lists data that names a random variable of the model as conditioning it, after the arguments', () => {
    const report = check({ ...gdemo, data: { text: '{"x": [1.5, 2.0], "m": 0.5}', format: 'json' } });
    expect(report.ok).toBe(true);
    expect(report.arguments).toEqual([
      { name: 'x', status: 'given', shape: [2], observed: true },
      { name: 'm', status: 'conditions', shape: [] },
    ]);
    expect(report.parameters.map((p) => p.name)).toEqual(['s²']);
    // Data naming neither an argument nor a random variable is not listed (the diagnostics say it is ignored).
    expect(check({ ...gdemo, data: { text: '{"x": [1.5, 2.0], "q": 1}', format: 'json' } }).arguments.map((a) => a.name)).toEqual(['x']);
  });

  it("reports how the script's sample line runs the model, even when the data it is given fails", () => {
    const source = `${gdemo.source}
chains = sample(gdemo([1.5, 2.0]), NUTS(0.9), MCMCThreads(), 500, 2)
`;
    const run = { sampler: { sampler: 'nuts', adaptation: { targetAcceptance: 0.9 }, maxTreeDepth: 10 }, draws: 500, warmup: 250, chains: 2, text: 'NUTS(δ = 0.9), 500 draws × 2 chains after 250 warm-up', line: 13 };
    expect(check({ source }).scriptRun).toEqual(run);
    const failed = check({ source, data: { text: '{"x": "two"}', format: 'json' } });
    expect(failed.ok).toBe(false);
    expect(failed.scriptRun).toEqual(run);
    expect(check(gdemo).scriptRun).toBeUndefined();
  });

  it('never throws: a model that fails while it runs is a diagnostic', () => {
    const report = check({ source: '@model function m()\n    x ~ Normal(0, -1)\nend\n' });
    expect(report.ok).toBe(false);
    expect(report.diagnostics[0]).toMatchObject({ severity: 'error', message: expect.stringContaining('σ') });
  });
});

describe('engine.benchmark and engine.optimize', () => {
  it('times every backend on the model', () => {
    const result = benchmark(gdemo);
    if (!result.ok) throw new Error(result.diagnostics[0]!.message);
    expect(result.value.rows.map((r) => r.label)).toEqual(['forwarddiff', 'reversediff', 'reversediff (compiled)', 'tracker']);
    expect(result.value.rows.filter((r) => r.fastest)).toHaveLength(1);
    expect(result.value.rows.every((r) => r.microseconds! > 0)).toBe(true);
  });

  it('finds the posterior mode of gdemo and reports a bad model as diagnostics', () => {
    const result = optimizeModel({ ...gdemo, kind: 'map', seed: 1 });
    if (!result.ok) throw new Error(result.diagnostics[0]!.message);
    // The joint mode with x = [1.5, 2]: m = Σx / 3 = 7/6, s² = (3 + S/2) / (2 + 1 + 3/2) with S = m² + Σ(x − m)² = 13/6.
    expect(result.value.mode['m']).toBeCloseTo(7 / 6, 4);
    expect(result.value.mode['s²']).toBeCloseTo(49 / 54, 4);
    const bad = optimizeModel({ source: '@model function m()\n    x ~ Normall(0, 1)\nend\n', kind: 'mle' });
    expect(bad).toMatchObject({ ok: false, diagnostics: [{ line: 2 }] });
  });
});

describe('engine.vocabulary and the examples', () => {
  it('lists distributions and functions with their parameters as the engine names them, each name once', () => {
    const entries = vocabulary();
    const byName = new Map(entries.map((e) => [e.name, e]));
    expect(byName.size).toBe(entries.length);
    expect(byName.get('Normal')).toEqual({ name: 'Normal', kind: 'distribution', signature: 'Normal(μ, σ)' });
    expect(byName.get('MvNormal')?.signature).toBe('MvNormal(μ, Σ) / MvNormal(Σ)');
    expect(byName.get('truncated')?.kind).toBe('distribution');
    expect(byName.get('logpdf')).toEqual({ name: 'logpdf', kind: 'function', signature: 'logpdf(d, x)' });
    expect(byName.get('mean')?.signature).toMatch(/^mean\(.*\/ mean\(d\)$/);
    expect(byName.get('logsumexp')?.kind).toBe('function');
  });

  it('reads every example with its data and its title from the first comment line', () => {
    const examples = readExamples(dir);
    expect(examples.map((e) => e.id)).toContain('eight_schools');
    const eight = examples.find((e) => e.id === 'eight_schools')!;
    expect(eight.title).toBe('Eight schools, non-centred (Rubin 1981; the parameterisation Stan and Turing recommend).');
    expect(eight.source).toBe(eightSchools.source);
    expect(eight.data).toEqual({ name: 'eight_schools.json', format: 'json', text: eightSchools.data.text });
    expect(examples.every((e) => e.data !== undefined)).toBe(true);
  });
});
