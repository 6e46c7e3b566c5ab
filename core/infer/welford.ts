/**
 * Welford's running mean and (co)variance, updated in place so that warm-up allocates nothing a draw.
 * Estimates divide by n − 1 and are null below two samples, where there is none.
 */
export interface WelfordEstimator {
  readonly count: number;
  add(x: Float64Array): void;
  /** The variances (diagonal) or the covariance matrix (dense, column-major, exactly symmetric). */
  estimate(): Float64Array | null;
  restart(): void;
}

export function welfordVariance(dimension: number): WelfordEstimator {
  const mean = new Float64Array(dimension);
  const m2 = new Float64Array(dimension);
  let n = 0;
  return {
    get count() {
      return n;
    },
    add(x) {
      n++;
      for (let i = 0; i < dimension; i++) {
        const delta = x[i]! - mean[i]!;
        mean[i]! += delta / n;
        m2[i]! += (x[i]! - mean[i]!) * delta;
      }
    },
    estimate() {
      if (n < 2) return null;
      return m2.map((s) => s / (n - 1));
    },
    restart() {
      n = 0;
      mean.fill(0);
      m2.fill(0);
    },
  };
}

export function welfordCovariance(dimension: number): WelfordEstimator {
  const d = dimension;
  const mean = new Float64Array(d);
  const delta = new Float64Array(d);
  const m2 = new Float64Array(d * d);
  let n = 0;
  return {
    get count() {
      return n;
    },
    add(x) {
      n++;
      for (let i = 0; i < d; i++) {
        delta[i] = x[i]! - mean[i]!;
        mean[i]! += delta[i]! / n;
      }
      // Only the lower triangle: the estimate mirrors it, so the metric is symmetric to the last bit.
      for (let j = 0; j < d; j++) {
        const dj = delta[j]!;
        for (let i = j; i < d; i++) m2[i + j * d]! += (x[i]! - mean[i]!) * dj;
      }
    },
    estimate() {
      if (n < 2) return null;
      const c = new Float64Array(d * d);
      for (let j = 0; j < d; j++) {
        for (let i = j; i < d; i++) {
          const v = m2[i + j * d]! / (n - 1);
          c[i + j * d] = v;
          c[j + i * d] = v;
        }
      }
      return c;
    },
    restart() {
      n = 0;
      mean.fill(0);
      m2.fill(0);
    },
  };
}
