import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { prepare } from '../../core/lang/index.js';
import { sample } from '../../core/run/index.js';
import { RunManager, type RunRequest } from '../../runner/index.js';
import { spawnUtilityWorker } from './spawn-utility.js';

vi.mock('electron', () => import('./testing/fake-electron.js'));

const builtWorker = join(import.meta.dirname, '../../out/main/worker.js');
const examples = join(import.meta.dirname, '../../resources/examples');
const request: RunRequest = {
  source: readFileSync(join(examples, 'gdemo.jl'), 'utf8'),
  data: { text: readFileSync(join(examples, 'gdemo.json'), 'utf8'), format: 'json' },
  sampler: { sampler: 'nuts' },
  draws: 200,
  warmup: 200,
  chains: 2,
  seed: 3,
  ad: 'forwarddiff',
};

if (!existsSync(builtWorker)) console.warn(`skipped: ${builtWorker} is missing; \`npm run build\` makes it (npm test builds first)`);

describe("chains in Electron's utility processes", () => {
  // Electron itself cannot be downloaded here: a stand-in utilityProcess forks the worker electron-vite
  // built, with Electron's parentPort, so the spawner, the built entry and its transport run for real.
  it.skipIf(!existsSync(builtWorker))('give the draws of the same chains sampled in this process, bit for bit', async () => {
    const result = await new RunManager({ spawn: spawnUtilityWorker, concurrency: 2 }).start(request).done;
    expect(result.outcomes.map((o) => o.status)).toEqual(['done', 'done']);
    const prepared = prepare(request);
    if (!prepared.ok) throw new Error(prepared.diagnostics[0]!.message);
    const local = sample(prepared.value.model, prepared.value.args, request.sampler, { ...request, ad: request.ad! });
    for (const name of local.columns) {
      for (let c = 0; c < 2; c++) expect(Array.from(result.chains!.draws(name, c)), `${name}, chain ${c + 1}`).toEqual(Array.from(local.draws(name, c)));
    }
  }, 60_000);
});
