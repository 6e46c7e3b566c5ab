import { execFile, execFileSync } from 'node:child_process';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { nodeBundle, RunManager, spawnNodeWorker, workerPool, YOUNG_GENERATION, type RunRequest, type Spawner } from '../runner/index.js';
import { request } from './streaming-request.js';
import { median } from './timing.js';

const PAIRS = 8;
const SPEEDUP_ROUNDS = 7;
const DEFAULT_LENGTHS = { draws: 1000, warmup: 1000 };

/**
 * Sampling-phase draws per second of a one-chain run without streaming, in a process of its own started
 * as a worker is (bundled, with the workers' V8 flags): in the bench's process (under tsx, default young
 * generation, JIT feedback from everything run before) the same chain ran 2.5× slower than in a
 * worker, which made the overhead negative and meaningless.
 */
function unstreamedRate(seed: number): number {
  const script = nodeBundle(join(import.meta.dirname, 'streaming-baseline.ts'));
  const output = execFileSync(process.execPath, [...YOUNG_GENERATION, script, String(seed)], { encoding: 'utf8' });
  return Number(output);
}

/** Under a second of arithmetic, the same in every copy: what two processes at once cost this machine, with no Tilde in them. */
const SPIN = 'let s = 0; for (let i = 0; i < 1e8; i++) s += (i % 7) * 0.5; if (s < 0) console.log(s);';

const seconds = (ms: number): string => `${(ms / 1000).toFixed(2)} s`;

async function spinMs(processes: number): Promise<number> {
  const started = performance.now();
  await Promise.all(Array.from({ length: processes }, () => new Promise((done, fail) => execFile(process.execPath, ['-e', SPIN], (e) => (e ? fail(e) : done(undefined))))));
  return performance.now() - started;
}

/**
 * Workers that run chain `chain` of the request where the run asks for chain 0 (its messages renamed back),
 * so a one-chain run times any chain of a pair alone: chain 1 of a seed is not chain 0's work.
 */
function asChain(chain: number, spawn: Spawner): Spawner {
  return (options) => {
    const worker = spawn(options);
    const renamed = (m: unknown): unknown => (typeof m === 'object' && m !== null && 'chain' in m && m.chain === chain ? { ...m, chain: 0 } : m);
    return {
      ...worker,
      send: (job) => worker.send(job.type === 'run' ? { ...job, chain, request: { ...job.request, chains: chain + 1 } } : job),
      onMessage: (listener) => worker.onMessage((m) => listener(renamed(m))),
    };
  };
}

/**
 * Draws per second as a subscriber receives them while each chain samples (from its first batch to
 * its last, so the workers' start-up and warm-up do not count), and the run's wall time.
 */
async function streamed(chains: number, seed: number, lengths: Pick<RunRequest, 'draws' | 'warmup'> = request, spawn: Spawner = spawnNodeWorker): Promise<{ rate: number; wallMs: number }> {
  const manager = new RunManager({ spawn, concurrency: 2 });
  const started = performance.now();
  const run = manager.start({ ...request, ...lengths, chains, seed });
  const seen = Array.from({ length: chains }, () => ({ first: 0, firstCount: 0, last: 0, total: 0 }));
  run.subscribe((e) => {
    if (e.type !== 'draws') return;
    const s = seen[e.chain]!;
    if (s.total === 0) [s.first, s.firstCount] = [performance.now(), e.batch.count];
    s.last = performance.now();
    s.total += e.batch.count;
  });
  const result = await run.done;
  const wallMs = performance.now() - started;
  if (result.partial || !result.chains) throw new Error(`the benchmark run ended partial: ${JSON.stringify(result.outcomes)}`);
  const draws = seen.reduce((n, s) => n + s.total - s.firstCount, 0);
  const ms = seen.reduce((t, s) => t + s.last - s.first, 0);
  return { rate: (1000 * draws) / ms, wallMs };
}

/**
 * Streaming overhead: the same chain of a 100-dimensional normal (same seed, so the same draws and
 * the same work) sampled without streaming and in a worker streaming to a subscriber, the two right
 * after each other so a busy machine slows both alike; the median over pairs of the rate ratio.
 *
 * Parallel speed-up: wall time of 2 chains against 1 on 2 workers, start-up included, at the default
 * run length (1000 warm-up + 1000 draws; at 200 + 600 start-up is most of the run), against chain 0 of
 * the same seed alone. The pair's second chain may need more leapfrog steps (in warm-up too) than the
 * first, and the pair waits for the slower, so the ratio is also given against the slower of the two
 * chains run alone: what running them side by side costs. This needs two idle cores: the load average is printed
 * beside it, and the same ratio for two copies of a plain loop (a machine sharing its cores with others
 * shows it there too). Fresh processes, as `tilde sample` starts them, then processes a worker pool kept
 * from an earlier run, as the app's window and `tilde serve` start later runs.
 */
export async function run(): Promise<void> {
  const overheads: number[] = [];
  for (let seed = 1; seed <= PAIRS; seed++) {
    const local = unstreamedRate(seed);
    const { rate } = await streamed(1, seed);
    overheads.push(local / rate - 1);
    console.log(`seed ${seed}: unstreamed ${local.toFixed(0)} draws/s, streamed to a subscriber ${rate.toFixed(0)} draws/s`);
  }
  const ratios: number[] = [];
  const againstSlower: number[] = [];
  const floors: number[] = [];
  for (let r = 0; r < SPEEDUP_ROUNDS; r++) {
    const one = await streamed(1, 1, DEFAULT_LENGTHS);
    const second = await streamed(1, 1, DEFAULT_LENGTHS, asChain(1, spawnNodeWorker));
    const two = await streamed(2, 1, DEFAULT_LENGTHS);
    ratios.push(two.wallMs / one.wallMs);
    againstSlower.push(two.wallMs / Math.max(one.wallMs, second.wallMs));
    const floor = (await spinMs(2)) / (await spinMs(1));
    floors.push(floor);
    console.log(`chain 1 alone ${seconds(one.wallMs)}, chain 2 alone ${seconds(second.wallMs)}, both at once ${seconds(two.wallMs)}; two copies of a plain loop took ${floor.toFixed(2)}× one`);
  }
  // The app's window and `tilde serve` keep finished chains' processes for the next run: the same pair of runs in warm processes.
  const pool = workerPool(spawnNodeWorker);
  const warmRatios: number[] = [];
  try {
    for (let r = 0; r <= SPEEDUP_ROUNDS; r++) {
      const one = await streamed(1, 1, DEFAULT_LENGTHS, pool.spawn);
      const two = await streamed(2, 1, DEFAULT_LENGTHS, pool.spawn);
      // Round 0 starts the pool's processes (one lone, two paired): it is the cold case above.
      if (r === 0) continue;
      warmRatios.push(two.wallMs / one.wallMs);
      console.log(`warm processes: 1 chain ${(one.wallMs / 1000).toFixed(2)} s, 2 chains ${(two.wallMs / 1000).toFixed(2)} s`);
    }
  } finally {
    pool.close();
  }
  console.log(`\nstreaming overhead (median of ${PAIRS} pairs): ${(100 * median(overheads)).toFixed(1)} % (target < 10 %)`);
  console.log(`2 chains / 1 chain wall time on 2 workers (median of ${SPEEDUP_ROUNDS}): ${median(ratios).toFixed(2)}× chain 1 alone, ${median(againstSlower).toFixed(2)}× the slower chain alone (target ≤ 1.2×; load average ${loadavg()[0]!.toFixed(1)})`);
  console.log(`2 chains / 1 chain in warm processes, as the app's and serve's later runs start (median of ${SPEEDUP_ROUNDS}): ${median(warmRatios).toFixed(2)}×`);
  console.log(`this machine's own floor, 2 copies of a plain arithmetic loop / 1 (median of ${SPEEDUP_ROUNDS}): ${median(floors).toFixed(2)}×`);
}
