import { defaultChunkSize, makeGradient, ops, type BackendName, type BackendOptions, type GradientResult, type Real } from '../core/ad/index.js';
import { Rng } from '../core/rng/index.js';
import { interleavedMedians } from './timing.js';

const N = 100;
const SAMPLES = 21;
/** Each sample times a batch long enough for performance.now()'s resolution not to matter. */
const BATCH_MS = 5;

/** Σ −x²/2 as a chain of scalar operations: three nodes per parameter. */
function chained(t: readonly Real[]): Real {
  let s: Real = 0;
  for (const x of t) s = ops.sub(s, ops.mul(0.5, ops.mul(x, x)));
  return s;
}

/** Σ −x²/2 with the terms added by one sumOf node. */
function summed(t: readonly Real[]): Real {
  return ops.sumOf(t.map((x) => ops.mul(-0.5, ops.abs2(x))));
}

function analytic(t: ArrayLike<number>): GradientResult {
  const grad = new Float64Array(t.length);
  let value = 0;
  for (let i = 0; i < t.length; i++) {
    const x = t[i]!;
    value -= 0.5 * x * x;
    grad[i] = -x;
  }
  return { value, grad };
}

/** Median µs per call, the points cycling so that a compiled tape replays at a new θ each call. */
function medianMicros(gradient: (t: ArrayLike<number>) => GradientResult, points: readonly Float64Array[]): number {
  const [us = NaN] = interleavedMedians([(k) => gradient(points[k % points.length]!).grad[0]!], { rounds: SAMPLES, batchMs: BATCH_MS });
  return us;
}

const variants: [string, BackendName, BackendOptions][] = [
  [`forwarddiff (chunk ${defaultChunkSize(N)})`, 'forwarddiff', {}],
  ['forwarddiff (chunk 50)', 'forwarddiff', { chunk: 50 }],
  ['reversediff', 'reversediff', {}],
  ['reversediff, compiled', 'reversediff', { compile: true }],
  ['tracker', 'tracker', {}],
  ['finitedifferences', 'finitedifferences', {}],
];

/** Gradients of a 100-dimensional standard normal log density, per backend, against the hand-written gradient. */
export async function run(): Promise<void> {
  const rng = Rng.seeded(1);
  const points = Array.from({ length: 8 }, () => Float64Array.from({ length: N }, () => rng.normal()));
  const base = medianMicros(analytic, points);
  console.log(`Σ −x²/2 over ${N} parameters; median µs per gradient over ${SAMPLES} batches of ≥ ${BATCH_MS} ms`);
  console.log('');
  console.log('| backend | scalar chain µs | × analytic | one sumOf µs | × analytic |');
  console.log('| --- | ---: | ---: | ---: | ---: |');
  console.log(`| analytic (baseline) | ${base.toFixed(2)} | 1 | ${base.toFixed(2)} | 1 |`);
  for (const [label, name, options] of variants) {
    const cells = [chained, summed].map((f) => {
      const gradient = makeGradient(f, N, name, options);
      const check = gradient(points[0]!);
      const expected = analytic(points[0]!);
      if (check.grad.some((g, i) => Math.abs(g - expected.grad[i]!) > 1e-6)) throw new Error(`${label} gives a wrong gradient`);
      const us = medianMicros(gradient, points);
      return `${us.toFixed(1)} | ${(us / base).toFixed(0)}`;
    });
    console.log(`| ${label} | ${cells.join(' | ')} |`);
  }
}
