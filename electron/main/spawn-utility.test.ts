import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { RunManager, workerPool } from '../../runner/index.js';
import { expectInProcessDraws, gdemoRequest } from '../../runner/testing/gdemo.js';
import { spawnUtilityWorker } from './spawn-utility.js';

vi.mock('electron', () => import('./testing/fake-electron.js'));

const builtWorker = join(import.meta.dirname, '../../out/main/worker.js');
const request = gdemoRequest({ draws: 200, warmup: 200, chains: 2, seed: 3 });

if (!existsSync(builtWorker)) console.warn(`skipped: ${builtWorker} is missing; \`npm run build\` makes it (npm test builds first)`);

describe("chains in Electron's utility processes", () => {
  // Electron itself cannot be downloaded here: a stand-in utilityProcess forks the worker electron-vite
  // built, with Electron's parentPort, so the spawner, the built entry and its transport run for real.
  it.skipIf(!existsSync(builtWorker))('give the draws of the same chains sampled in this process, bit for bit', async () => {
    const result = await new RunManager({ spawn: spawnUtilityWorker, concurrency: 2 }).start(request).done;
    expect(result.outcomes.map((o) => o.status)).toEqual(['done', 'done']);
    expectInProcessDraws(result.chains!, request);
  }, 60_000);

  it.skipIf(!existsSync(builtWorker))("sample a window's next run in the processes its last run finished with", async () => {
    const pool = workerPool(spawnUtilityWorker);
    try {
      const manager = new RunManager({ spawn: pool.spawn, concurrency: 2 });
      await manager.start(request).done;
      expect(pool.idle).toBe(2);
      const next = gdemoRequest({ draws: 100, warmup: 100, chains: 2, seed: 9 });
      const result = await manager.start(next).done;
      expect(result.outcomes.map((o) => o.status)).toEqual(['done', 'done']);
      expectInProcessDraws(result.chains!, next);
      expect(pool.idle).toBe(2);
    } finally {
      pool.close();
    }
  }, 60_000);
});
