import { sortedCopy } from './quantile.js';

/**
 * The highest-posterior-density interval of a unimodal sample as ArviZ's `hdi` computes it: the
 * narrowest interval between order statistics holding ⌊prob·n⌋ + 1 draws (the first such, on ties).
 * NaN bounds for no draws, a NaN draw or a prob outside (0, 1].
 */
export function hpd(x: ArrayLike<number>, prob = 0.94): [number, number] {
  const n = x.length;
  const sorted = sortedCopy(x);
  if (n === 0 || !(prob > 0 && prob <= 1) || Number.isNaN(sorted[n - 1]!)) return [NaN, NaN];
  // prob = 1 would leave no interval in ArviZ; the whole range is the honest answer.
  const span = Math.min(Math.floor(prob * n), n - 1);
  let best = 0;
  let width = Infinity;
  for (let i = 0; i + span < n; i++) {
    const w = sorted[i + span]! - sorted[i]!;
    if (w < width) {
      width = w;
      best = i;
    }
  }
  return [sorted[best]!, sorted[best + span]!];
}
