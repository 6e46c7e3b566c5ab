import { getPriority } from 'node:os';
import { afterEach, describe, expect, it } from 'vitest';
import { RunManager, type ManagerOptions } from './manager.js';
import type { RunEvent, RunRequest } from './protocol.js';
import type { Run } from './run.js';
import { spawnNodeWorker } from './spawn-node.js';
import { alive } from './testing/alive.js';
import { expectInProcessDraws, gdemoRequest } from './testing/gdemo.js';

const gdemo = gdemoRequest({ draws: 300, warmup: 300, chains: 4, seed: 7 });
const forever: RunRequest = { source: '@model function spin()\n    x ~ Normal(0, 1)\n    while true\n    end\nend\n', sampler: { sampler: 'nuts' }, draws: 10, warmup: 10, chains: 1, seed: 1 };

const pids: number[] = [];
const managers: RunManager[] = [];

function manager(options: Partial<ManagerOptions> = {}): RunManager {
  const m = new RunManager({
    spawn: () => {
      const handle = spawnNodeWorker();
      if (handle.pid !== undefined) pids.push(handle.pid);
      return handle;
    },
    concurrency: 4,
    ...options,
  });
  managers.push(m);
  return m;
}

/** Resolves with the first event the predicate accepts. */
function when(run: Run, accept: (e: RunEvent) => boolean): Promise<RunEvent> {
  return new Promise((resolve) => {
    const stop = run.subscribe((e) => {
      if (!accept(e)) return;
      stop();
      resolve(e);
    });
  });
}

async function expectAllGone(): Promise<void> {
  const deadline = performance.now() + 2000;
  while (pids.some(alive) && performance.now() < deadline) await new Promise((r) => setTimeout(r, 20));
  expect(pids.filter(alive)).toEqual([]);
}

afterEach(() => {
  managers.splice(0).forEach((m) => m.cancelAll());
  for (const pid of pids.splice(0)) if (alive(pid)) process.kill(pid, 'SIGKILL');
});

describe('runs in worker processes', () => {
  it('4 chains in 4 workers give the draws of the sequential in-process run with the same seed', async () => {
    const result = await manager().start(gdemo).done;
    expect(new Set(pids).size).toBe(4);
    expect(result.outcomes.map((o) => o.status)).toEqual(['done', 'done', 'done', 'done']);
    expectInProcessDraws(result.chains!, gdemo);
  });

  it('cancel mid-run returns the partial chains within 500 ms and ends every worker', async () => {
    const run = manager().start({ ...gdemo, chains: 2, draws: 200_000, warmup: 100 });
    const arrived = new Set<number>();
    await when(run, (e) => e.type === 'draws' && arrived.add(e.chain).size === 2);
    const asked = performance.now();
    run.cancel();
    const result = await run.done;
    expect(performance.now() - asked).toBeLessThan(500);
    expect(result).toMatchObject({ cancelled: true, partial: true });
    expect(result.outcomes.map((o) => o.status === 'failed' && o.reason)).toEqual(['cancelled', 'cancelled']);
    for (const c of [0, 1]) {
      expect(result.chains!.nDraws(c)).toBeGreaterThan(0);
      expect(result.chains!.nDraws(c)).toBeLessThan(200_000);
    }
    await expectAllGone();
  });

  it('a worker killed with SIGKILL mid-run is reported as crashed while the other three finish', async () => {
    const run = manager().start({ ...gdemo, draws: 3000, warmup: 200 });
    void when(run, (e) => e.type === 'draws' && e.chain === 1).then(() => process.kill(pids[1]!, 'SIGKILL'));
    const result = await run.done;
    expect(result.outcomes[1]).toMatchObject({ status: 'failed', reason: 'crashed' });
    expect(result.outcomes[1]!.status === 'failed' && result.outcomes[1]!.error.message).toMatch(/killed by SIGKILL/);
    for (const c of [0, 2, 3]) {
      expect(result.outcomes[c]!.status).toBe('done');
      expect(result.chains!.nDraws(c)).toBe(3000);
    }
    expect(result.chains!.nDraws(1)).toBeLessThan(3000);
    expect(result.partial).toBe(true);
  });

  it('chain workers run at a lower scheduling priority than the process that started them', async () => {
    const run = manager().start(forever);
    await when(run, (e) => e.type === 'started');
    expect(getPriority(pids[0]!)).toBe(Math.min(19, getPriority() + 10));
    run.cancel();
    await run.done;
  });

  it('a model that loops forever is stopped by cancel', async () => {
    const run = manager().start(forever);
    await when(run, (e) => e.type === 'started');
    await new Promise((r) => setTimeout(r, 300));
    const asked = performance.now();
    run.cancel();
    const result = await run.done;
    expect(performance.now() - asked).toBeLessThan(500);
    expect(result.outcomes[0]).toMatchObject({ status: 'failed', reason: 'cancelled' });
    await expectAllGone();
  });

  it('a chain whose single iteration outlasts the silence timeout is alive, not stopped (an ODE model\'s first step-size search)', async () => {
    // Every gradient runs the busy loop (forward mode re-runs the model), and one HMC iteration takes 150 of them.
    const slow: RunRequest = {
      source: '@model function slow()\n    x ~ Normal(0, 1)\n    s = 0.0\n    for i in 1:250000\n        s += sin(i)\n    end\nend\n',
      sampler: { sampler: 'hmc', stepSize: 0.05, nSteps: 150 },
      ad: 'forwarddiff',
      draws: 1,
      warmup: 0,
      chains: 1,
      seed: 1,
    };
    // The first heartbeat leaves after 8 gradients (~0.5 s here on an idle machine, 2–3× that under CI's load), then
    // one a gradient: the timeout needs room above that, and the iteration (~9 s idle) must still outlast it.
    const silenceMs = 2500;
    const started = performance.now();
    const result = await manager({ silenceMs }).start(slow).done;
    expect(result.outcomes[0]).toMatchObject({ status: 'done' });
    expect(performance.now() - started, 'the iteration must outlast the silence timeout for this test to mean anything').toBeGreaterThan(silenceMs);
  });

  it('a model that loops forever is stopped by the silence timeout', async () => {
    const started = performance.now();
    const result = await manager({ silenceMs: 1500 }).start(forever).done;
    expect(performance.now() - started).toBeGreaterThanOrEqual(1500);
    expect(result.outcomes[0]).toMatchObject({ status: 'failed', reason: 'timeout', error: { name: 'WorkerTimeout' } });
    await expectAllGone();
  });
});
