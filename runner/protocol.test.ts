import { describe, expect, it } from 'vitest';
import { FrameReader, writeFrame } from './frames.js';
import { parseChainJob, parseWorkerMessage, ProtocolError } from './protocol.js';
import { closeSync, openSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';

const draws = { type: 'draws', chain: 0, count: 2, parameters: new Float64Array([1, 2]), generated: new Float64Array(0), stats: new Float64Array([3, 4]) };

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
    expect(() => parseChainJob({ type: 'run', request: { ...request, draws: 0 }, chain: 0, batchMs: 100 })).toThrow(/'draws' must be an integer ≥ 1/);
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
