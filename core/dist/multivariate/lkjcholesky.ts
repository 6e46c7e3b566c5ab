import { anyAD, node, value, valuesOf, type Real, type Recompute } from '../../ad/index.js';
import type { Support } from '../../bijectors/index.js';
import { randBeta, type Rng } from '../../rng/index.js';
import { DistributionArgumentError, type Multivariate } from '../types.js';
import { checkLkjArguments, lkjLogc0 } from './lkjconst.js';
import { checkLength, part } from './values.js';

/** Distributions' `≈ 1` on the squared row norms (the default relative tolerance √eps). */
const UNIT_NORM_TOL = Math.sqrt(Number.EPSILON);

/**
 * Cholesky factors of LKJ(d, η) correlation matrices. The value is the d×d factor, column-major: lower
 * triangular for 'L', upper for 'U'. As with Julia's `Cholesky`, only that triangle is read.
 * log p = Σ_{i=2}^{d} (d + 2η − 2 − i) log Lᵢᵢ + log c₀ (i 1-based).
 */
class LKJCholeskyDist implements Multivariate {
  readonly family = 'LKJCholesky';
  readonly variate = 'matrixvariate';
  readonly discrete = false;
  readonly shape: readonly number[];
  private readonly etaV: number;
  private readonly norm: { logc0: number; dEta: number };

  constructor(
    private readonly d: number,
    private readonly eta: Real,
    private readonly uplo: 'L' | 'U',
  ) {
    this.shape = [d, d];
    this.etaV = value(eta);
    this.norm = lkjLogc0(d, this.etaV);
  }

  support(): Support {
    return { kind: 'corr-cholesky', dim: this.d, uplo: this.uplo };
  }

  /** Index of the factor's (i, j) entry in the lower-triangle view, whichever triangle holds it. */
  private at(i: number, j: number): number {
    return this.uplo === 'L' ? i + j * this.d : j + i * this.d;
  }

  logpdf(x: readonly Real[]): Real {
    checkLength(this.family, x, this.d * this.d);
    const inputs = [...x, this.eta];
    if (!anyAD(inputs)) return this.density(valuesOf(inputs));
    const p = new Float64Array(inputs.length);
    return node(this.density(valuesOf(inputs), p), inputs, p, this.rule);
  }

  private readonly rule: Recompute = (v, p) => this.density(v, p);

  /**
   * The log density on the inputs [the factor (d² entries), η], and its partials when `p` is given. The
   * support check is part of it, so a replay makes it again.
   */
  private density(v: ArrayLike<number>, p?: Float64Array): number {
    const d = this.d;
    p?.fill(0, 0, d * d + 1);
    const f = part(v, 0, d * d);
    for (let i = 0; i < d; i++) {
      let norm2 = 0;
      for (let j = 0; j <= i; j++) norm2 += f[this.at(i, j)]! ** 2;
      if (!(Math.abs(norm2 - 1) <= UNIT_NORM_TOL) || !(f[this.at(i, i)]! > 0)) return -Infinity;
    }
    const eta = v[d * d]!;
    const norm = eta === this.etaV ? this.norm : lkjLogc0(d, eta);
    const c = d + 2 * (eta - 1);
    // Julia's logkernel: for d = 1 the single term c · log L₁₁; otherwise rows 2..d.
    const first = d === 1 ? 0 : 1;
    let lp = norm.logc0;
    let sumLog = 0;
    for (let i = first; i < d; i++) {
      const logLii = Math.log(f[this.at(i, i)]!);
      lp += (d === 1 ? c : c - (i + 1)) * logLii;
      sumLog += logLii;
    }
    if (p === undefined) return lp;
    for (let i = first; i < d; i++) p[this.at(i, i)] = (d === 1 ? c : c - (i + 1)) / f[this.at(i, i)]!;
    p[d * d] = 2 * sumLog + norm.dEta;
    return lp;
  }

  /** The onion method building the factor row by row, as Distributions' `_lkj_cholesky_onion_tril!`. */
  rand(rng: Rng): Float64Array {
    const d = this.d;
    const out = new Float64Array(d * d);
    out[0] = 1;
    if (d === 1) return out;
    let beta = this.etaV + (d - 2) / 2;
    const w0 = 2 * randBeta(rng, beta, beta) - 1;
    out[this.at(1, 0)] = w0;
    out[this.at(1, 1)] = Math.sqrt(1 - w0 * w0);
    for (let k = 2; k < d; k++) {
      beta -= 0.5;
      const y = randBeta(rng, k / 2, beta);
      const w = new Float64Array(k);
      let norm2 = 0;
      for (let j = 0; j < k; j++) {
        w[j] = rng.normal();
        norm2 += w[j]! * w[j]!;
      }
      const scale = Math.sqrt(y / norm2);
      for (let j = 0; j < k; j++) out[this.at(k, j)] = w[j]! * scale;
      out[this.at(k, k)] = Math.sqrt(1 - y);
    }
    return out;
  }
}

/** Julia's `LKJCholesky(d, η, uplo = 'L')`. */
export function LKJCholesky(d: number, eta: Real, uplo: 'L' | 'U' = 'L'): Multivariate {
  checkLkjArguments('LKJCholesky', d, eta);
  if (uplo !== 'L' && uplo !== 'U') throw new DistributionArgumentError('LKJCholesky', 'uplo', `uplo must be 'L' or 'U', got '${String(uplo)}'`);
  return new LKJCholeskyDist(d, eta, uplo);
}
