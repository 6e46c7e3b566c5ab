/** Runs one chain through a worker pool and prints the pooled process's pid: the script must then exit by itself. */
import { RunManager } from '../manager.js';
import { spawnNodeWorker } from '../spawn-node.js';
import { workerPool } from '../worker-pool.js';
import { gdemoRequest } from './gdemo.js';

let pid: number | undefined;
const pool = workerPool((options) => {
  const handle = spawnNodeWorker(options);
  pid = handle.pid;
  return handle;
});
const result = await new RunManager({ spawn: pool.spawn, concurrency: 1 }).start(gdemoRequest({ draws: 20, warmup: 20, chains: 1, seed: 1 })).done;
if (result.outcomes[0]?.status !== 'done' || pool.idle !== 1) throw new Error(`the chain did not end in the pool: ${JSON.stringify(result.outcomes)}`);
console.log(pid);
