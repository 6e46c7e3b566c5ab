import { loadavg } from 'node:os';
import { prepare } from '../core/lang/index.js';
import { sample } from '../core/run/index.js';
import { RunManager, spawnNodeWorker, type RunRequest } from '../runner/index.js';

const ROUNDS = 5;
const request: RunRequest = {
  source: '@model function normal100()\n    x ~ filldist(Normal(0, 1), 100)\nend\n',
  sampler: { sampler: 'nuts' },
  draws: 600,
  warmup: 200,
  chains: 4,
  seed: 1,
  ad: 'reversediff',
};

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

/** Sampling-phase draws per second of the chains run one after another in this process, no streaming. */
function inProcessRate(): number {
  const p = prepare(request);
  if (!p.ok) throw new Error(p.diagnostics[0]!.message);
  const chains = sample(p.value.model, p.value.args, request.sampler, { ...request, ad: request.ad! });
  let seconds = 0;
  for (let c = 0; c < chains.nChains; c++) seconds += chains.info(c).samplingSeconds!;
  return (chains.nChains * request.draws) / seconds;
}

/**
 * Draws per second as a subscriber receives them while each chain samples (from its first batch to
 * its last, so the workers' start-up and warm-up do not count), and the run's wall time.
 */
async function streamed(chains: number, concurrency: number): Promise<{ rate: number; wallMs: number }> {
  const manager = new RunManager({ spawn: spawnNodeWorker, concurrency });
  const started = performance.now();
  const run = manager.start({ ...request, chains });
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
  if (result.partial) throw new Error(`the benchmark run ended partial: ${JSON.stringify(result.outcomes)}`);
  const draws = seen.reduce((n, s) => n + s.total - s.firstCount, 0);
  const ms = seen.reduce((t, s) => t + s.last - s.first, 0);
  return { rate: (1000 * draws) / ms, wallMs };
}

/**
 * Streaming overhead: a 100-dimensional normal, 4 chains, in worker processes one at a time (so the
 * workers do not share cores) against the same chains in this process; rounds alternate the two so
 * a busy machine slows both alike. Parallel speed-up: wall time of 2 chains against 1 on 2 workers,
 * which needs two idle cores: the load average is printed beside it.
 */
export async function run(): Promise<void> {
  const overheads: number[] = [];
  const speedups: number[] = [];
  for (let r = 0; r < ROUNDS; r++) {
    const local = inProcessRate();
    const { rate } = await streamed(4, 1);
    overheads.push(local / rate - 1);
    const one = await streamed(1, 2);
    const two = await streamed(2, 2);
    speedups.push(two.wallMs / one.wallMs);
    console.log(
      `round ${r + 1}: in-process ${local.toFixed(0)} draws/s, streamed to a subscriber ${rate.toFixed(0)} draws/s; ` +
        `1 chain ${(one.wallMs / 1000).toFixed(1)} s, 2 chains ${(two.wallMs / 1000).toFixed(1)} s`,
    );
  }
  console.log(`\nstreaming overhead (median of ${ROUNDS}): ${(100 * median(overheads)).toFixed(1)} % (target < 10 %)`);
  console.log(`2 chains / 1 chain wall time on 2 workers (median): ${median(speedups).toFixed(2)}× (target ≤ 1.2×; load average ${loadavg()[0]!.toFixed(1)})`);
}
