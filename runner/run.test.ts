import { afterEach, describe, expect, it } from 'vitest';
import { RunManager, type ManagerOptions } from './manager.js';
import type { RunRequest } from './protocol.js';
import { fakeSpawner, type FakeWorker } from './testing/fake-worker.js';

const request: RunRequest = { source: '', sampler: { sampler: 'nuts' }, draws: 3, warmup: 0, chains: 3, seed: 1 };
const layout = { parameters: ['a'], generated: [], stats: ['lp'] };

function start(options: Partial<ManagerOptions> = {}, req: RunRequest = request) {
  const fake = fakeSpawner();
  const manager = new RunManager({ spawn: fake.spawn, concurrency: 2, ...options });
  managers.push(manager);
  return { run: manager.start(req), workers: fake.workers };
}

function finish(w: FakeWorker, draws = 3): void {
  const chain = w.job!.chain;
  w.emit({ type: 'layout', chain, layout });
  w.emit({ type: 'draws', chain, count: draws, parameters: new Float64Array(draws).fill(chain), generated: new Float64Array(0), stats: new Float64Array(draws) });
  w.emit({ type: 'done', chain, info: { seed: 1 } });
}

const managers: RunManager[] = [];
afterEach(() => managers.splice(0).forEach((m) => m.cancelAll()));

describe('the run manager with stand-in workers', () => {
  it('runs as many workers as it has cores and queues the rest', async () => {
    const { run, workers } = start();
    expect(workers.map((w) => w.job!.chain)).toEqual([0, 1]);
    finish(workers[0]!);
    expect(workers[0]!.killed).toBe(true);
    expect(workers.map((w) => w.job!.chain)).toEqual([0, 1, 2]);
    finish(workers[1]!);
    finish(workers[2]!);
    const result = await run.done;
    expect(result.partial).toBe(false);
    expect(result.outcomes.every((o) => o.status === 'done')).toBe(true);
    expect(Array.from(result.chains!.draws('a', 2))).toEqual([2, 2, 2]);
  });

  it('gives workers V8 helper threads only while some core would otherwise be idle', () => {
    const single = start({}, { ...request, chains: 1 });
    expect(single.workers.map((w) => w.options.coresShared)).toEqual([false]);
    const { workers } = start();
    expect(workers.map((w) => w.options.coresShared)).toEqual([true, true]);
    finish(workers[0]!);
    // Started while chain 1 still runs.
    expect(workers[2]!.options.coresShared).toBe(true);
  });

  it('fails a chain that sends a malformed message with an error, and the others go on', async () => {
    const { run, workers } = start();
    workers[0]!.emit({ type: 'draws', chain: 0, count: 2, parameters: [1, 2] });
    expect(workers[0]!.killed).toBe(true);
    finish(workers[1]!);
    finish(workers[2]!);
    const result = await run.done;
    expect(result.outcomes[0]).toMatchObject({ status: 'failed', reason: 'error', error: { name: 'ProtocolError' } });
    expect(result.outcomes.slice(1).map((o) => o.status)).toEqual(['done', 'done']);
    expect(result.partial).toBe(true);
  });

  it('reports a worker that exits early as crashed, saying when it ran out of memory', async () => {
    const { run, workers } = start({}, { ...request, chains: 1 });
    workers[0]!.exit({ code: null, signal: 'SIGABRT', stderr: 'FATAL ERROR: Reached heap limit Allocation failed - JavaScript heap out of memory\n' });
    const result = await run.done;
    expect(result.outcomes[0]).toMatchObject({ status: 'failed', reason: 'crashed' });
    expect(result.outcomes[0]!.status === 'failed' && result.outcomes[0]!.error.message).toMatch(/killed by SIGABRT: it ran out of memory/);
  });

  it("says a worker ran out of memory when V8's stack trace pushed the words out of stderr's tail, without the trace", async () => {
    const { run, workers } = start({}, { ...request, chains: 1 });
    workers[0]!.exit({ code: null, signal: 'SIGTRAP', stderr: ' 5: 0x1294bba  [/usr/bin/node]\n 6: 0x15129a6 v8::internal::Runtime_GrowArrayElements\n', outOfMemory: true });
    const result = await run.done;
    const message = result.outcomes[0]!.status === 'failed' ? result.outcomes[0]!.error.message : '';
    expect(message).toBe('the worker was killed by SIGTRAP: it ran out of memory (a loop in the model that never ends, or values too large to hold)');
  });

  it('takes an array grown past V8\'s largest size (a loop of ~ that never ends) for running out of memory', async () => {
    const { run, workers } = start({}, { ...request, chains: 1 });
    workers[0]!.exit({ code: null, signal: 'SIGTRAP', stderr: '#\n# Fatal error in , line 0\n# Fatal JavaScript invalid size error 169220804 (see crbug.com/1201626)\n' });
    const result = await run.done;
    expect(result.outcomes[0]!.status === 'failed' && result.outcomes[0]!.error.message).toMatch(/killed by SIGTRAP: it ran out of memory \(a loop in the model that never ends/);
  });

  it('stops a worker that falls silent, saying the model may loop forever, in words every silent chain shares', async () => {
    const { run } = start({ silenceMs: 30 }, { ...request, chains: 2 });
    const result = await run.done;
    const message = 'the chain reported nothing for 0.03 s and was stopped: the model may loop forever, or one evaluation of it takes that long';
    expect(result.outcomes.map((o) => o.status === 'failed' && [o.reason, o.error.name, o.error.message])).toEqual([
      ['timeout', 'WorkerTimeout', message],
      ['timeout', 'WorkerTimeout', message],
    ]);
  });

  it('refuses a run too large for the memory budget with the figure, and offers thinning', async () => {
    const { run, workers } = start({ memoryBudgetBytes: 1024 ** 3 }, { ...request, chains: 4, draws: 100_000_000 });
    workers[0]!.emit({ type: 'layout', chain: 0, layout });
    const result = await run.done;
    expect(result.refused?.message).toBe('4 chains × 100000000 draws × 2 columns need 6.0 GB, more than the 1.0 GB budget; 16666666 draws with thin 6 run as many iterations and fit');
    expect(workers.every((w) => w.killed)).toBe(true);
  });

  it('cancels at once: queued chains never start, running ones are stopped, draws so far are kept', async () => {
    const { run, workers } = start();
    workers[0]!.emit({ type: 'layout', chain: 0, layout });
    workers[0]!.emit({ type: 'draws', chain: 0, count: 1, parameters: new Float64Array([7]), generated: new Float64Array(0), stats: new Float64Array(1) });
    run.cancel();
    const result = await run.done;
    expect(workers).toHaveLength(2);
    expect(workers.every((w) => w.killed)).toBe(true);
    expect(result.cancelled).toBe(true);
    expect(result.outcomes.map((o) => o.status === 'failed' && o.reason)).toEqual(['cancelled', 'cancelled', 'cancelled']);
    expect(Array.from(result.chains!.draws('a', 0))).toEqual([7]);
  });
});
