import { describe, expect, it } from 'vitest';
import { FrameReader, writeFrame } from './frames.js';
import { parseChainJob, parseEngineReply, parseWorkerJob, parseWorkerMessage, ProtocolError } from './protocol.js';
import { closeSync, openSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';

const draws = { type: 'draws', chain: 0, count: 2, parameters: new Float64Array([1, 2]), generated: new Float64Array(0), stats: new Float64Array([3, 4]) };

describe('the engine protocol', () => {
  const params = { source: 'm', data: { text: '{}', format: 'json' }, seed: 2 };

  it('tells engine jobs from chain jobs and checks their requests', () => {
    expect(parseWorkerJob({ type: 'engine', id: 3, method: 'check', params })).toEqual({ type: 'engine', id: 3, method: 'check', params });
    expect(parseWorkerJob({ type: 'engine', id: 4, method: 'optimize', params: { ...params, kind: 'mle' } }).type).toBe('engine');
    expect(parseWorkerJob({ type: 'engine', id: 4, method: 'optimize', params: { ...params, kind: 'map', init: { μ: [0, 1] } } })).toMatchObject({ params: { init: { μ: [0, 1] } } });
    expect(parseWorkerJob({ type: 'engine', id: 5, method: 'benchmark', params: { ...params, budgetMs: 20 } })).toMatchObject({ params: { budgetMs: 20 } });
    const posterior = { names: ['m', 's'], chains: [new Float64Array([1, 2, 3, 4])] };
    expect(parseWorkerJob({ type: 'engine', id: 6, method: 'predictDraws', params: { ...params, missing: ['y'], posterior } })).toMatchObject({ params: { missing: ['y'], posterior } });
    expect(parseWorkerJob({ type: 'engine', id: 8, method: 'loo', params: { ...params, posterior, momentMatch: true } })).toMatchObject({ params: { momentMatch: true } });
    expect(parseWorkerJob({ type: 'engine', id: 7, method: 'evaluate', params: { ...params, params: { m: 1 } } })).toMatchObject({ params: { params: { m: 1 } } });
    const malformed: [unknown, RegExp][] = [
      [{ type: 'engine', id: 1, method: 'sample', params }, /unknown engine method 'sample'/],
      [{ type: 'engine', id: -1, method: 'check', params }, /'id' must be an integer ≥ 0/],
      [{ type: 'engine', id: 1, method: 'check', params: { ...params, data: { text: '', format: 'xml' } } }, /'data.format' must be json or csv/],
      [{ type: 'engine', id: 1, method: 'check', params: { ...params, seed: 1.5 } }, /'seed' must be an integer/],
      [{ type: 'engine', id: 1, method: 'optimize', params }, /'kind' must be map or mle/],
      [{ type: 'engine', id: 1, method: 'optimize', params: { ...params, kind: 'map', init: { μ: 'x' } } }, /the initial value of 'μ' must be a finite number/],
      [{ type: 'engine', id: 1, method: 'benchmark', params: { ...params, budgetMs: 0 } }, /'budgetMs' must be a positive number/],
      [{ type: 'engine', id: 1, method: 'benchmark', params: { ...params, budgetMs: 'long' } }, /'budgetMs' must be a finite number/],
      [{ type: 'engine', id: 1, method: 'predictDraws', params: { ...params, missing: ['y'], posterior: { names: ['m', 's'], chains: [new Float64Array(3)] } } }, /chain 1 of the posterior must be a Float64Array of draws × 2 values/],
      [{ type: 'engine', id: 1, method: 'evaluate', params: { ...params, params: [1] } }, /'params' must be an object/],
      [{ type: 'engine', id: 1, method: 'loo', params: { ...params, posterior: { names: ['m'], chains: [new Float64Array(2)] }, momentMatch: 'yes' } }, /'momentMatch' must be true or false, got "yes"/],
      [{ type: 'run', chain: 0 }, /a run request must be an object/],
    ];
    for (const [job, message] of malformed) expect(() => parseWorkerJob(job), JSON.stringify(job)).toThrow(message);
  });

  it('checks the engine’s replies: a check report in full, the other results’ envelope, errors', () => {
    const scriptRun = { sampler: { sampler: 'nuts' }, draws: 1000, warmup: 500, chains: 4, ad: 'reversediff:compile', text: 'NUTS(δ = 0.65), 1000 draws × 4 chains after 500 warm-up', line: 12 };
    const report = {
      ok: true,
      diagnostics: [],
      models: ['m'],
      arguments: [
        { name: 'x', status: 'given', shape: [2] },
        { name: 'y', status: 'script' },
      ],
      parameters: [{ name: 'μ', shape: [], discrete: false }],
      auto: { backend: 'forwarddiff', reason: 'r' },
      scriptRun,
    };
    expect(parseEngineReply({ type: 'engine-result', id: 1, result: report }, 'check')).toEqual({ type: 'engine-result', id: 1, result: report });
    expect(parseEngineReply({ type: 'engine-result', id: 1, result: { ok: true, value: {}, warnings: [] } }, 'benchmark').type).toBe('engine-result');
    expect(parseEngineReply({ type: 'engine-error', id: 1, error: { name: 'E', message: 'm' } }, 'optimize')).toEqual({ type: 'engine-error', id: 1, error: { name: 'E', message: 'm' } });
    const malformed: [unknown, RegExp][] = [
      [{ type: 'engine-result', id: 1, result: { ...report, arguments: [{ name: 'x', status: 'bound' }] } }, /status must be given, script, default, missing or conditions/],
      [{ type: 'engine-result', id: 1, result: { ...report, arguments: [{ name: 'x', status: 'given', shape: [-1] }] } }, /'shape' must be a list of sizes/],
      [{ type: 'engine-result', id: 1, result: { ...report, parameters: [{ name: 'μ', shape: [] }] } }, /'discrete' must be true or false/],
      [{ type: 'engine-result', id: 1, result: { ...report, diagnostics: [{ from: 0 }] } }, /'to' must be an integer/],
      [{ type: 'engine-result', id: 1, result: { ...report, scriptRun: { ...scriptRun, sampler: { sampler: 'slice' } } } }, /'sampler.sampler' must be one of/],
      [{ type: 'engine-result', id: 1, result: { ...report, scriptRun: { ...scriptRun, chains: 0 } } }, /'chains' must be an integer ≥ 1/],
      [{ type: 'engine-result', id: 1, result: { ...report, scriptRun: { ...scriptRun, text: undefined } } }, /'text' must be a string/],
      [{ type: 'engine-reply', id: 1 }, /unknown message type 'engine-reply'/],
    ];
    for (const [reply, message] of malformed) expect(() => parseEngineReply(reply, 'check'), JSON.stringify(reply)).toThrow(message);
    expect(() => parseEngineReply({ type: 'engine-result', id: 1, result: { ok: 'yes' } }, 'benchmark')).toThrow(ProtocolError);
  });
});

describe('the run protocol', () => {
  it('accepts the messages it lists and refuses malformed ones as ProtocolErrors', () => {
    expect(parseWorkerMessage(draws)).toEqual(draws);
    const malformed: unknown[] = [
      null,
      [],
      { type: 'draws', chain: 0, count: 2, parameters: [1, 2], generated: new Float64Array(0), stats: new Float64Array(2) },
      { ...draws, stats: new Float64Array(3) },
      { ...draws, chain: -1 },
      { type: 'progress', chain: 0, phase: 'tuning', iteration: 1, total: 2, divergences: 0, elapsedMs: 1, remainingMs: null },
      { type: 'error', chain: 0, error: { name: 'E' } },
      { type: 'hello', chain: 0 },
    ];
    for (const m of malformed) expect(() => parseWorkerMessage(m), JSON.stringify(m)).toThrow(ProtocolError);
  });

  it('checks a job against its run', () => {
    const request = { source: '', sampler: { sampler: 'nuts' }, draws: 10, warmup: 0, chains: 2, seed: 1 };
    expect(parseChainJob({ type: 'run', request, chain: 1, batchMs: 100 }).chain).toBe(1);
    expect(() => parseChainJob({ type: 'run', request, chain: 2, batchMs: 100 })).toThrow(/chain 2 is not in a run of 2 chains/);
    expect(() => parseChainJob({ type: 'run', request: { ...request, sampler: { sampler: 'slice' } }, chain: 0, batchMs: 100 })).toThrow(/sampler.sampler/);
    const advi = { sampler: 'advi', family: 'fullrank', samplesPerStep: 10 };
    expect(parseChainJob({ type: 'run', request: { ...request, sampler: advi }, chain: 0, batchMs: 100 }).request.sampler).toEqual(advi);
    for (const sampler of ['smc', 'is']) expect(parseChainJob({ type: 'run', request: { ...request, sampler: { sampler } }, chain: 0, batchMs: 100 }).request.sampler).toEqual({ sampler });
    expect(() => parseChainJob({ type: 'run', request: { ...request, draws: 0 }, chain: 0, batchMs: 100 })).toThrow(/'draws' must be an integer ≥ 1/);
    const init = { σ: 1, β: [0, 1], Σ: [[1, 0], [0, 1]], 'θ[2]': 0.5 };
    expect(parseChainJob({ type: 'run', request: { ...request, init }, chain: 0, batchMs: 100 }).request.init).toEqual(init);
    expect(() => parseChainJob({ type: 'run', request: { ...request, init: { β: [0, 'one'] } }, chain: 0, batchMs: 100 })).toThrow(/the initial value of 'β' must be a finite number or an array of them, got one/);
  });

  it('frames survive any split of the byte stream, Float64Arrays intact', () => {
    const path = join(tmpdir(), `tilde-frames-${process.pid}.bin`);
    const fd = openSync(path, 'w');
    writeFrame(fd, draws);
    writeFrame(fd, { type: 'started', chain: 1 });
    closeSync(fd);
    const bytes = readFileSync(path);
    rmSync(path);
    for (const size of [1, 3, 7, bytes.length]) {
      const got: unknown[] = [];
      const reader = new FrameReader((m) => got.push(m));
      for (let at = 0; at < bytes.length; at += size) reader.push(bytes.subarray(at, at + size));
      expect(got).toEqual([draws, { type: 'started', chain: 1 }]);
      expect((got[0] as typeof draws).parameters).toBeInstanceOf(Float64Array);
    }
  });
});
