import type { Real } from '../../ad/index.js';

/**
 * A symmetric positive-definite matrix argument as a model writes it: a full matrix, `Diagonal(v)` or
 * `σ² * I`. Used for MvNormal's and MvLogNormal's covariance Σ, MvTDist's scale Σ, MvNormalCanon's
 * precision J and the Wishart scales. The structure is kept (not expanded to a dense matrix) so the
 * diagonal forms cost O(n) and each AD input receives exactly its own partial.
 *
 * - `full`: n×n entries, flat column-major. Partials treat all n² entries as independent inputs, so a
 *   model that builds Σ element by element (Σ[1, 2] = Σ[2, 1] = ρ σ₁ σ₂) gets both contributions.
 * - `diagonal`: Julia's `Diagonal(v)`: v holds the VARIANCES (the diagonal of Σ), not standard deviations.
 * - `scaled-identity`: Julia's `σ² * I`: one VARIANCE. `dim` is optional because Julia's `I` has no size;
 *   the distribution takes it from its mean vector.
 */
export type CovarianceSpec =
  | { readonly kind: 'full'; readonly dim: number; readonly entries: readonly Real[] }
  | { readonly kind: 'diagonal'; readonly variances: readonly Real[] }
  | { readonly kind: 'scaled-identity'; readonly variance: Real; readonly dim?: number };

/** A dense dim×dim matrix, entries flat column-major. */
export function fullCovariance(entries: readonly Real[], dim: number): CovarianceSpec {
  return { kind: 'full', dim, entries };
}

/** Julia's `Diagonal(v)`, v the variances. */
export function diagonalCovariance(variances: readonly Real[]): CovarianceSpec {
  return { kind: 'diagonal', variances };
}

/** Julia's `σ² * I`, given the variance σ²; without `dim` the size comes from the distribution's mean. */
export function scaledIdentityCovariance(variance: Real, dim?: number): CovarianceSpec {
  return dim === undefined ? { kind: 'scaled-identity', variance } : { kind: 'scaled-identity', variance, dim };
}
