import { anyAD, node, value, valuesOf, type Real, type Recompute } from '../../ad/index.js';
import type { Support } from '../../bijectors/index.js';
import { cholesky, inverseFromCholesky, logdetFromCholesky, matVec } from '../../math/index.js';
import { randBeta, type Rng } from '../../rng/index.js';
import type { Multivariate } from '../types.js';
import { checkLkjArguments, lkjLogc0 } from './lkjconst.js';
import { checkLength, part, spdFactor } from './values.js';

/** A unit diagonal up to the rounding a correlation matrix built as L Lᵀ picks up (Distributions' ≈). */
const UNIT_DIAGONAL_TOL = Math.sqrt(Number.EPSILON);

/** Correlation matrices with f(R) = c₀ |R|^(η−1); the value is the d×d matrix, column-major. */
class LKJDist implements Multivariate {
  readonly family = 'LKJ';
  readonly variate = 'matrixvariate';
  readonly discrete = false;
  readonly shape: readonly number[];
  private readonly etaV: number;
  private readonly norm: { logc0: number; dEta: number };

  constructor(
    private readonly d: number,
    private readonly eta: Real,
  ) {
    this.shape = [d, d];
    this.etaV = value(eta);
    this.norm = lkjLogc0(d, this.etaV);
  }

  support(): Support {
    return { kind: 'corr', dim: this.d };
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
   * The log density on the inputs [R (d² entries), η], and its partials when `p` is given. The support
   * check is part of it, so a replay makes it again.
   */
  private density(v: ArrayLike<number>, p?: Float64Array): number {
    const d = this.d;
    p?.fill(0, 0, d * d + 1);
    const r = part(v, 0, d * d);
    for (let i = 0; i < d; i++) if (!(Math.abs(r[i + i * d]! - 1) <= UNIT_DIAGONAL_TOL)) return -Infinity;
    const l = spdFactor(r, d);
    if (l === null) return -Infinity;
    const eta = v[d * d]!;
    const norm = eta === this.etaV ? this.norm : lkjLogc0(d, eta);
    const logdet = logdetFromCholesky(l, d);
    const lp = (eta - 1) * logdet + norm.logc0;
    if (p === undefined) return lp;
    // ∂/∂R = (η − 1) R⁻¹, each of the d² entries an independent input.
    const inv = inverseFromCholesky(l, d);
    for (let k = 0; k < d * d; k++) p[k] = (eta - 1) * inv[k]!;
    p[d * d] = logdet + norm.dEta;
    return lp;
  }

  /** The onion method (LKJ 2009, §3.2), as Distributions' `_lkj_onion_sampler`. */
  rand(rng: Rng): Float64Array {
    const d = this.d;
    const r = new Float64Array(d * d);
    for (let i = 0; i < d; i++) r[i + i * d] = 1;
    if (d === 1) return r;
    let beta = this.etaV + d / 2 - 1;
    const r12 = 2 * randBeta(rng, beta, beta) - 1;
    r[1] = r12;
    r[d] = r12;
    for (let k = 2; k < d; k++) {
      beta -= 0.5;
      const y = randBeta(rng, k / 2, beta);
      const u = new Float64Array(k);
      let norm2 = 0;
      for (let i = 0; i < k; i++) {
        u[i] = rng.normal();
        norm2 += u[i]! * u[i]!;
      }
      const f = Math.sqrt(y / norm2);
      const block = new Float64Array(k * k);
      for (let j = 0; j < k; j++) for (let i = 0; i < k; i++) block[i + j * k] = r[i + j * d]!;
      const z = matVec(cholesky(block, k)!, u.map((ui) => ui * f), k, k);
      for (let i = 0; i < k; i++) {
        r[i + k * d] = z[i]!;
        r[k + i * d] = z[i]!;
      }
    }
    return r;
  }

  mean(): Real[] {
    const m = new Array<Real>(this.d * this.d).fill(0);
    for (let i = 0; i < this.d; i++) m[i + i * this.d] = 1;
    return m;
  }
}

/** Julia's `LKJ(d, η)`. */
export function LKJ(d: number, eta: Real): Multivariate {
  checkLkjArguments('LKJ', d, eta);
  return new LKJDist(d, eta);
}
