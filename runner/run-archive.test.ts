import { describe, expect, it } from 'vitest';
import { RunArchive, RunManager } from './index.js';
import { fakeSpawner } from './testing/fake-worker.js';

const request = { source: 'm', sampler: { sampler: 'prior' as const }, draws: 1, warmup: 0, chains: 1, seed: 1 };

describe('a window’s runs', () => {
  it('keeps every run going and the last finished ones, cancelled runs included', async () => {
    const fake = fakeSpawner();
    const manager = new RunManager({ spawn: fake.spawn, concurrency: 20 });
    const archive = new RunArchive(3);
    const runs = Array.from({ length: 6 }, () => manager.start(request));
    runs.forEach((run) => archive.add(run));
    for (const run of runs.slice(0, 5)) {
      run.cancel();
      await run.done;
    }
    await Promise.resolve();
    expect(() => archive.get(runs[1]!.id)).toThrow(`there is no run ${runs[1]!.id} here: a window keeps its runs until 3 newer ones have finished`);
    expect(runs.slice(2).map((run) => archive.get(run.id))).toEqual(runs.slice(2));
    archive.cancelAll();
    expect((await runs[5]!.done).cancelled).toBe(true);
  });
});
