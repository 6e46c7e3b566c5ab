/**
 * Largest-Triangle-Three-Buckets (Steinarsson 2013): indices of at most `threshold` points of the series
 * `(i, y[i])` that keep its visual shape — the first and last point, and in each bucket the point
 * making the largest triangle with the point kept before it and the next bucket's mean. For drawing
 * only: statistics always use every draw.
 */
export function lttb(y: ArrayLike<number>, threshold: number): number[] {
  const n = y.length;
  if (threshold >= n || n <= 2) return Array.from({ length: n }, (_, i) => i);
  if (threshold < 3) return [0, n - 1];
  const kept = [0];
  const every = (n - 2) / (threshold - 2);
  let a = 0;
  for (let bucket = 0; bucket < threshold - 2; bucket++) {
    const nextStart = Math.floor((bucket + 1) * every) + 1;
    const nextEnd = Math.min(Math.floor((bucket + 2) * every) + 1, n);
    let meanX = 0;
    let meanY = 0;
    for (let j = nextStart; j < nextEnd; j++) {
      meanX += j;
      meanY += y[j]!;
    }
    const size = nextEnd - nextStart;
    meanX /= size;
    meanY /= size;
    const start = Math.floor(bucket * every) + 1;
    const end = Math.floor((bucket + 1) * every) + 1;
    const ay = y[a]!;
    let best = start;
    let largest = -1;
    for (let j = start; j < end; j++) {
      const area = Math.abs((a - meanX) * (y[j]! - ay) - (a - j) * (meanY - ay));
      if (area > largest) {
        largest = area;
        best = j;
      }
    }
    kept.push(best);
    a = best;
  }
  kept.push(n - 1);
  return kept;
}
