import FFT from 'fft.js';
import { mean, variance } from './moments.js';

/** A transform of one size with its work arrays, reused: a live summary asks for thousands a second. */
interface Workspace {
  readonly fft: FFT;
  readonly padded: Float64Array;
  readonly spectrum: Float64Array;
  readonly power: Float64Array;
}

const workspaces = new Map<number, Workspace>();

function workspaceOfSize(size: number): Workspace {
  let w = workspaces.get(size);
  if (!w) {
    w = { fft: new FFT(size), padded: new Float64Array(size), spectrum: new Float64Array(2 * size), power: new Float64Array(size) };
    workspaces.set(size, w);
  }
  return w;
}

/**
 * Autocovariances at lags 0 … n − 1 through the FFT of the zero-padded, centred sequence, with the "biased"
 * 1/n normalisation Geyer (1992) recommends: lag 0 is the variance with denominator n. As in posterior,
 * the lags are scaled by the sample variance rather than by n, which makes any FFT size ≥ 2n give the same
 * numbers; a constant sequence has all autocovariances 0.
 */
export function autocovariance(x: ArrayLike<number>): Float64Array {
  const n = x.length;
  const out = new Float64Array(n);
  if (n === 0) return out;
  const m = mean(x);
  const v = variance(x, m);
  if (v === 0) return out;
  if (Number.isNaN(v)) return out.fill(NaN);
  let size = 4;
  while (size < 2 * n) size *= 2;
  const { fft, padded, spectrum, power } = workspaceOfSize(size);
  for (let i = 0; i < n; i++) padded[i] = x[i]! - m;
  padded.fill(0, n);
  fft.realTransform(spectrum, padded);
  // A real sequence's spectrum is conjugate-symmetric: the power of the upper half mirrors the lower's.
  const half = size / 2;
  for (let k = 0; k <= half; k++) power[k] = spectrum[2 * k]! ** 2 + spectrum[2 * k + 1]! ** 2;
  for (let k = 1; k < half; k++) power[size - k] = power[k]!;
  // The power spectrum is real and even, so a forward transform gives the same as the inverse, times size.
  fft.realTransform(spectrum, power);
  const scale = (v * (n - 1)) / n / spectrum[0]!;
  for (let t = 0; t < n; t++) out[t] = spectrum[2 * t]! * scale;
  return out;
}

/** Autocorrelations at lags 0 … n − 1 (autocovariance over lag 0); all NaN for a constant sequence. */
export function autocorrelation(x: ArrayLike<number>): Float64Array {
  const ac = autocovariance(x);
  const c0 = ac[0]!;
  return ac.map((v) => v / c0);
}
