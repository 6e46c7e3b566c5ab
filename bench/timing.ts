/**
 * Median µs per call of several functions measured in turns: each round times one batch of every
 * function, starting with a different one each round, so a machine that slows down for a while (these
 * VMs drift by tens of per cent) slows every function alike instead of whichever ran then.
 */

export interface TimingOptions {
  /** Rounds; each gives one sample per function. */
  rounds: number;
  /** A batch lasts about this long, so performance.now()'s resolution does not matter. */
  batchMs: number;
  /** Warm-up per function before the batch sizes are chosen, so the JIT has optimised it. */
  warmMs: number;
}

const DEFAULTS: TimingOptions = { rounds: 21, batchMs: 5, warmMs: 100 };

/** A function under test: given the call's index (to cycle through points), returns a number kept as a sink. */
export type Timed = (call: number) => number;

/** The middle value (the upper of the two middle ones for an even count). */
export function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[s.length >> 1]!;
}

export function interleavedMedians(fns: readonly Timed[], options: Partial<TimingOptions> = {}): number[] {
  const { rounds, batchMs, warmMs } = { ...DEFAULTS, ...options };
  let sink = 0;
  const batches = fns.map((f) => {
    let calls = 0;
    const start = performance.now();
    while (calls < 3 || performance.now() - start < warmMs) sink += f(calls++);
    return Math.max(1, Math.round((calls * batchMs) / (performance.now() - start)));
  });
  const samples: number[][] = fns.map(() => []);
  for (let r = 0; r < rounds; r++) {
    for (let j = 0; j < fns.length; j++) {
      const k = (r + j) % fns.length;
      const f = fns[k]!;
      const batch = batches[k]!;
      const start = performance.now();
      for (let c = 0; c < batch; c++) sink += f(c);
      samples[k]!.push(((performance.now() - start) * 1000) / batch);
    }
  }
  if (Number.isNaN(sink)) throw new Error('a timed function returned NaN');
  return samples.map(median);
}
