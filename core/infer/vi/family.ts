import type { Rng } from '../../rng/index.js';

/** Meanfield: a diagonal scale; full-rank: a lower-triangular one (Turing's `q_meanfield_gaussian`, `q_fullrank_gaussian`). */
export type GaussianFamily = 'meanfield' | 'fullrank';

/**
 * A location-scale Gaussian q = N(μ, L Lᵀ) on ℝᵈ whose parameters are one flat vector [μ; scale entries],
 * so the optimiser and the averaging treat them alike. The scale's entries are listed as (row, column) pairs:
 * the diagonal for meanfield, the lower triangle row by row for full rank.
 */
export interface GaussianLayout {
  readonly family: GaussianFamily;
  readonly dimension: number;
  readonly rows: Int32Array;
  readonly cols: Int32Array;
  /** Where each diagonal entry L_ii sits in the flat vector. */
  readonly diagonal: Int32Array;
}

export function gaussianLayout(family: GaussianFamily, d: number): GaussianLayout {
  const rows: number[] = [];
  const cols: number[] = [];
  const diagonal: number[] = [];
  for (let i = 0; i < d; i++) {
    for (let j = family === 'meanfield' ? i : 0; j <= i; j++) {
      if (i === j) diagonal.push(d + rows.length);
      rows.push(i);
      cols.push(j);
    }
  }
  return { family, dimension: d, rows: Int32Array.from(rows), cols: Int32Array.from(cols), diagonal: Int32Array.from(diagonal) };
}

/** The flat parameters of N(location, scale² I). */
export function gaussianParameters(layout: GaussianLayout, location: ArrayLike<number>, scale: number): Float64Array {
  const x = new Float64Array(layout.dimension + layout.rows.length);
  x.set(Array.from(location));
  for (const k of layout.diagonal) x[k] = scale;
  return x;
}

/** z = μ + L u, written into `z`. */
export function locationScale(layout: GaussianLayout, x: Float64Array, u: Float64Array, z: Float64Array): void {
  const d = layout.dimension;
  for (let i = 0; i < d; i++) z[i] = x[i]!;
  for (let e = 0; e < layout.rows.length; e++) z[layout.rows[e]!]! += x[d + e]! * u[layout.cols[e]!]!;
}

/** log |det L| = Σ log |L_ii|. */
export function logDetScale(layout: GaussianLayout, x: Float64Array): number {
  let s = 0;
  for (const k of layout.diagonal) s += Math.log(Math.abs(x[k]!));
  return s;
}

const HALF_LOG_TWO_PI = 0.5 * Math.log(2 * Math.PI);

/** The entropy of q: log |det L| + d/2 (1 + log 2π). */
export function entropy(layout: GaussianLayout, x: Float64Array): number {
  return logDetScale(layout, x) + layout.dimension * (0.5 + HALF_LOG_TWO_PI);
}

/** A draw z of q with log q(z); `u` receives the standard normal draw it came from. */
export function drawGaussian(layout: GaussianLayout, x: Float64Array, rng: Rng, u: Float64Array, z: Float64Array): number {
  let squares = 0;
  for (let i = 0; i < layout.dimension; i++) {
    u[i] = rng.normal();
    squares += u[i]! * u[i]!;
  }
  locationScale(layout, x, u, z);
  return -0.5 * squares - logDetScale(layout, x) - layout.dimension * HALF_LOG_TWO_PI;
}

/** The location μ and the covariance L Lᵀ (row-major d × d) of q. */
export function gaussianMoments(layout: GaussianLayout, x: Float64Array): { mean: Float64Array; covariance: Float64Array } {
  const d = layout.dimension;
  const scale = new Float64Array(d * d);
  for (let e = 0; e < layout.rows.length; e++) scale[layout.rows[e]! * d + layout.cols[e]!] = x[d + e]!;
  const covariance = new Float64Array(d * d);
  for (let i = 0; i < d; i++) {
    for (let j = 0; j < d; j++) {
      let s = 0;
      for (let k = 0; k < d; k++) s += scale[i * d + k]! * scale[j * d + k]!;
      covariance[i * d + j] = s;
    }
  }
  return { mean: x.slice(0, d), covariance };
}
