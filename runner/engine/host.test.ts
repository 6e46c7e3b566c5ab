import { afterAll, describe, expect, it, vi } from 'vitest';
import { fakeSpawner } from '../testing/fake-worker.js';
import { spawnNodeWorker } from '../spawn-node.js';
import type { Spawner } from '../spawner.js';
import { EngineHost, ENGINE_STARTUP_MS } from './index.js';
import { alive } from '../testing/alive.js';

const model = { source: '@model function m()\n    x ~ Normal(0, 1)\nend\n' };
const forever = { source: '@model function spin()\n    x ~ Normal(0, 1)\n    while true\n    end\nend\n' };

const pids: number[] = [];
const hosts: EngineHost[] = [];
const trackedSpawn: Spawner = () => {
  const handle = spawnNodeWorker();
  if (handle.pid !== undefined) pids.push(handle.pid);
  return handle;
};

function host(spawn: Spawner, timeoutsMs = {}): EngineHost {
  const h = new EngineHost({ spawn, timeoutsMs });
  hosts.push(h);
  return h;
}

afterAll(() => hosts.forEach((h) => h.dispose()));

describe('the engine host with real processes', () => {
  it('answers requests in one long-lived process; a model that loops forever is stopped by the timeout and the next check works', async () => {
    const engine = host(trackedSpawn, { check: 6000 });
    expect((await engine.check(model)).ok).toBe(true);
    expect((await engine.check(model)).parameters.map((p) => p.name)).toEqual(['x']);
    expect(pids).toHaveLength(1);
    const looping = engine.check(forever);
    await expect(looping).rejects.toMatchObject({ name: 'EngineTimeout', message: 'the check of the model took longer than 6 s and was stopped: the model may loop forever' });
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(alive(pids[0]!)).toBe(false);
    expect((await engine.check(model)).ok).toBe(true);
    expect(pids).toHaveLength(2);
  });

  it('reports an engine process killed from outside, and the next request starts a new one', async () => {
    const engine = host(trackedSpawn);
    await engine.check(model);
    const pid = pids[pids.length - 1]!;
    const benchmark = engine.benchmark(model);
    setTimeout(() => process.kill(pid, 'SIGKILL'), 100);
    await expect(benchmark).rejects.toMatchObject({ name: 'EngineCrash', message: expect.stringMatching(/^the engine process was killed by SIGKILL during the benchmark of the AD backends/) });
    const optimized = await engine.optimize({ ...model, kind: 'mle' });
    expect(optimized.ok).toBe(true);
    expect(pids[pids.length - 1]).not.toBe(pid);
  });
});

describe('the engine host’s queue', () => {
  it('lets a new check replace the checks still waiting, not the one running, nor other requests', async () => {
    const fake = fakeSpawner();
    const engine = host(fake.spawn);
    const first = engine.check(model);
    const benchmark = engine.benchmark(model);
    const second = engine.check({ source: 'second' });
    const third = engine.check({ source: 'third' });
    await expect(second).rejects.toMatchObject({ name: 'Superseded' });
    const worker = fake.workers[0]!;
    expect(worker.jobs.map((j) => j.type === 'engine' && j.method)).toEqual(['check']);
    const report = { ok: true, diagnostics: [], models: ['m'], arguments: [], parameters: [] };
    worker.emit({ type: 'engine-result', id: 1, result: report });
    expect(await first).toEqual(report);
    worker.emit({ type: 'engine-result', id: 2, result: { ok: false, diagnostics: [] } });
    expect(await benchmark).toEqual({ ok: false, diagnostics: [] });
    expect(worker.jobs.map((j) => j.type === 'engine' && j.params.source)).toEqual([model.source, model.source, 'third']);
    worker.emit({ type: 'engine-result', id: 4, result: report });
    expect(await third).toEqual(report);
    expect(fake.workers).toHaveLength(1);
  });

  it('lets a new check replace the auto choices still waiting (the model changed), and a new auto choice the older ones', async () => {
    const fake = fakeSpawner();
    const engine = host(fake.spawn);
    const running = engine.check(model);
    const staleAuto = engine.auto(model);
    const check = engine.check({ source: 'edited' });
    const olderAuto = engine.auto({ source: 'edited' });
    const auto = engine.auto({ source: 'edited' });
    await expect(staleAuto).rejects.toMatchObject({ name: 'Superseded', message: 'a newer check of the model replaced this one before it started' });
    await expect(olderAuto).rejects.toMatchObject({ name: 'Superseded', message: 'a newer choice of the auto backend replaced this one before it started' });
    const worker = fake.workers[0]!;
    const report = { ok: true, diagnostics: [], models: ['m'], arguments: [], parameters: [] };
    worker.emit({ type: 'engine-result', id: 1, result: report });
    await running;
    worker.emit({ type: 'engine-result', id: 3, result: report });
    await check;
    const chosen = { ok: true, value: { backend: 'forwarddiff', reason: 'r' }, warnings: [] };
    worker.emit({ type: 'engine-result', id: 5, result: chosen });
    expect(await auto).toEqual(chosen);
    expect(worker.jobs.map((j) => j.type === 'engine' && j.method)).toEqual(['check', 'check', 'auto']);
  });

  it('refuses a malformed answer, ends that process and starts another for the next request', async () => {
    const fake = fakeSpawner();
    const engine = host(fake.spawn);
    const first = engine.check(model);
    fake.workers[0]!.emit({ type: 'engine-result', id: 1, result: { ok: 'yes' } });
    await expect(first).rejects.toMatchObject({ name: 'ProtocolError' });
    expect(fake.workers[0]!.killed).toBe(true);
    const second = engine.check(model);
    fake.workers[1]!.emit({ type: 'engine-error', id: 2, error: { name: 'TypeError', message: 'boom' } });
    await expect(second).rejects.toMatchObject({ name: 'TypeError', message: 'boom' });
  });

  it('gives the first request of a new process the time to load the engine, the next ones only their own', async () => {
    vi.useFakeTimers();
    try {
      const fake = fakeSpawner();
      const engine = host(fake.spawn, { check: 100 });
      const report = { ok: true, diagnostics: [], models: [], arguments: [], parameters: [] };
      const first = engine.check(model);
      await vi.advanceTimersByTimeAsync(ENGINE_STARTUP_MS);
      fake.workers[0]!.emit({ type: 'engine-result', id: 1, result: report });
      expect(await first).toEqual(report);
      const second = engine.check(model);
      const outcome = expect(second).rejects.toMatchObject({ name: 'EngineTimeout', message: 'the check of the model took longer than 0.1 s and was stopped: the model may loop forever' });
      await vi.advanceTimersByTimeAsync(101);
      await outcome;
      expect(fake.workers[0]!.killed).toBe(true);
    } finally {
      vi.useRealTimers();
    }
  });

  it('cancels the optimisation the user stops, killing its process, so that the checks waiting behind it run in a new one', async () => {
    const fake = fakeSpawner();
    const engine = host(fake.spawn);
    const optimizing = engine.optimize({ ...forever, kind: 'map' });
    const check = engine.check(model);
    engine.cancel('benchmark');
    expect(fake.workers[0]!.killed, 'another kind of request is not stopped').toBe(false);
    engine.cancel('optimize');
    await expect(optimizing).rejects.toMatchObject({ name: 'Cancelled', message: 'the optimisation was stopped' });
    expect(fake.workers[0]!.killed).toBe(true);
    const report = { ok: true, diagnostics: [], models: ['m'], arguments: [], parameters: [] };
    expect(fake.workers[1]!.jobs.map((j) => j.type === 'engine' && j.method)).toEqual(['check']);
    fake.workers[1]!.emit({ type: 'engine-result', id: 2, result: report });
    expect(await check).toEqual(report);
  });

  it('refuses what is waiting when disposed', async () => {
    const fake = fakeSpawner();
    const engine = host(fake.spawn);
    const running = engine.check(model);
    const waiting = engine.benchmark(model);
    engine.dispose();
    await expect(running).rejects.toMatchObject({ name: 'EngineClosed' });
    await expect(waiting).rejects.toMatchObject({ name: 'EngineClosed' });
    expect(fake.workers[0]!.killed).toBe(true);
  });
});
