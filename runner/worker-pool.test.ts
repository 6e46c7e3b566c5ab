import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { RunManager } from './manager.js';
import { spawnNodeWorker } from './spawn-node.js';
import type { Spawner } from './spawner.js';
import { alive } from './testing/alive.js';
import { expectInProcessDraws, gdemoRequest } from './testing/gdemo.js';
import { workerPool, type WorkerPool } from './worker-pool.js';

const pids: number[] = [];
const pools: WorkerPool[] = [];

const counting: Spawner = (options) => {
  const handle = spawnNodeWorker(options);
  if (handle.pid !== undefined) pids.push(handle.pid);
  return handle;
};

function pooled(idleMs?: number): { pool: WorkerPool; manager: RunManager } {
  const pool = workerPool(counting, idleMs);
  pools.push(pool);
  return { pool, manager: new RunManager({ spawn: pool.spawn, concurrency: 2 }) };
}

afterEach(() => {
  pools.splice(0).forEach((p) => p.close());
  for (const pid of pids.splice(0)) if (alive(pid)) process.kill(pid, 'SIGKILL');
});

describe('a pool of worker processes', () => {
  it('samples the next runs in the processes of finished chains, with the draws a fresh process gives', async () => {
    const { pool, manager } = pooled();
    const first = gdemoRequest({ draws: 200, warmup: 200, chains: 2, seed: 3 });
    const second = gdemoRequest({ draws: 200, warmup: 200, chains: 2, seed: 4 });
    expectInProcessDraws((await manager.start(first).done).chains!, first);
    expect(pool.idle).toBe(2);
    const again = await manager.start(second).done;
    expect(again.outcomes.map((o) => o.status)).toEqual(['done', 'done']);
    expectInProcessDraws(again.chains!, second);
    // Two processes in all, both waiting again.
    expect(new Set(pids).size).toBe(2);
    expect(pool.idle).toBe(2);
  });

  it('ends a process whose chain was cancelled or failed instead of lending it again', async () => {
    const { pool, manager } = pooled();
    const run = manager.start({ source: '@model function spin()\n    x ~ Normal(0, 1)\n    while true\n    end\nend\n', sampler: { sampler: 'nuts' }, draws: 10, warmup: 10, chains: 1, seed: 1 });
    await new Promise<void>((resolve) => {
      const stop = run.subscribe((e) => {
        if (e.type !== 'started') return;
        stop();
        resolve();
      });
    });
    run.cancel();
    expect((await run.done).outcomes[0]).toMatchObject({ status: 'failed', reason: 'cancelled' });
    expect(pool.idle).toBe(0);
    const deadline = performance.now() + 2000;
    while (alive(pids[0]!) && performance.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    expect(alive(pids[0]!)).toBe(false);
  });

  it('ends idle processes after the idle time, and when closed', async () => {
    const { pool, manager } = pooled(200);
    const request = gdemoRequest({ draws: 50, warmup: 50, chains: 1, seed: 1 });
    await manager.start(request).done;
    expect(pool.idle).toBe(1);
    await new Promise((r) => setTimeout(r, 600));
    expect(pool.idle).toBe(0);
    expect(alive(pids[0]!)).toBe(false);
    const closing = pooled();
    await closing.manager.start(request).done;
    expect(closing.pool.idle).toBe(1);
    closing.pool.close();
    expect(closing.pool.idle).toBe(0);
    const deadline = performance.now() + 2000;
    while (alive(pids[1]!) && performance.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    expect(alive(pids[1]!)).toBe(false);
  });

  it('lets the parent exit while its processes wait idle, and they end with it', () => {
    // A script that runs one chain through a pool and then has nothing left to do: it must exit by itself.
    const script = join(import.meta.dirname, 'testing', 'pool-exit.ts');
    const out = execFileSync(process.execPath, ['--import', 'tsx', script], { encoding: 'utf8', timeout: 30_000 });
    const pid = Number(out.trim());
    expect(pid).toBeGreaterThan(0);
    pids.push(pid);
    const deadline = Date.now() + 2000;
    while (alive(pid) && Date.now() < deadline) execFileSync('sleep', ['0.05']);
    expect(alive(pid)).toBe(false);
  });
});
