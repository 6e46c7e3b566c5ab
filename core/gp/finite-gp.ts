import { anyAD, nodeByRule, ops, valuesOf, type Real, type Recompute } from '../ad/index.js';
import type { Support } from '../bijectors/index.js';
import { DistributionArgumentError, fullCovariance, normalDraw, normalLogDensity, resolvePD, type Multivariate, type PDMat } from '../dist/index.js';
import type { Rng } from '../rng/index.js';
import type { Kernel } from './kernel.js';
import { checkDimension, kernelAdjoint, kernelMatrix, kernelMatrixDiag, kernelValues } from './kernel-matrix.js';
import type { Points } from './points.js';

/** AbstractGPs' GP(m, k): its mean function m, given here as m's values at a set of points, and its kernel. */
export interface GaussianProcess {
  readonly mean: (x: Points) => readonly Real[];
  readonly kernel: Kernel;
}

/** ZeroMean() (c = 0), ConstMean(c) and GP(c, k). */
export function constantMean(c: Real): (x: Points) => readonly Real[] {
  return (x) => new Array<Real>(x.n).fill(c);
}

/** AbstractGPs' default observation noise of `f(x)`, which keeps the covariance's Cholesky factor finite. */
export const DEFAULT_NOISE = 1e-18;

/** The name a covariance that is not positive definite is reported by. */
const COVARIANCE = 'cov(f(x))';

/**
 * AbstractGPs' FiniteGP, f(x, σ²): the multivariate normal of the GP at the points x with observation noise
 * σ² (a number, or one variance per point), mean m(x) and covariance K(x, x) + σ² I. Its log density is one
 * node on [y, m(x), the kernel's hyperparameters, x, σ²]: the covariance is built and factored on plain numbers
 * by MvNormal's own PDMat, ∂/∂Σ = −½(Σ⁻¹ − w wᵀ) with w = Σ⁻¹(y − m) as MvNormal's, and the kernel turns that
 * matrix into its hyperparameters' and inputs' partials. The rule recomputes all of it from the inputs'
 * values, so a compiled tape replays it.
 */
export class FiniteGP implements Multivariate {
  readonly family = 'FiniteGP';
  readonly variate = 'multivariate';
  readonly discrete = false;
  readonly shape: readonly number[];

  constructor(
    readonly gp: GaussianProcess,
    readonly x: Points,
    /** σ²: one variance for every point, or one per point. */
    readonly noise: readonly Real[],
  ) {
    checkDimension(gp.kernel, x);
    if (noise.length !== 1 && noise.length !== x.n) throw new RangeError(`FiniteGP: σ² has ${noise.length} variances for ${x.n} points`);
    this.shape = [x.n];
  }

  support(): Support {
    return { kind: 'real' };
  }

  private meanValues: readonly Real[] | undefined;

  /** m(x), made when first asked: AbstractGPs builds a GP on a mean it cannot evaluate (a vector) and still gives its covariance. */
  get means(): readonly Real[] {
    this.meanValues ??= this.gp.mean(this.x);
    return this.meanValues;
  }

  /** [m(x), θ, x, σ²]: what the density depends on besides its value. */
  private get inputs(): Real[] {
    return [...this.means, ...this.gp.kernel.params, ...this.x.values, ...this.noise];
  }

  /** The covariance at the parameter values in v (laid out as `inputs`, from `at`), factored. */
  private covarianceAt(v: Float64Array, at: number): PDMat {
    const { n, dim } = this.x;
    const p = this.gp.kernel.params.length;
    const th = v.subarray(at + n, at + n + p);
    const xv = v.subarray(at + n + p, at + n + p + n * dim);
    const noise = v.subarray(at + n + p + n * dim);
    const k = new Float64Array(n * n);
    kernelValues(this.gp.kernel, th, xv, xv, n, n, dim, true, k);
    for (let i = 0; i < n; i++) k[i + i * n]! += noise[noise.length === 1 ? 0 : i]!;
    try {
      return resolvePD(fullCovariance(Array.from(k), n), this.family, COVARIANCE);
    } catch (e) {
      if (!(e instanceof DistributionArgumentError)) throw e;
      // The usual cause: close inputs make K(x, x) singular to rounding, which AbstractGPs' default σ² of 1e-18 does not mend.
      const detail = e.message.slice(`${this.family}: `.length);
      throw new DistributionArgumentError(this.family, COVARIANCE, `${detail}; give the GP noise or jitter on its diagonal, \`f(x, 1e-6)\`, as the tutorial's \`f(d, jitter)\` does`);
    }
  }

  logpdf(y: readonly Real[]): Real {
    const n = this.x.n;
    if (y.length !== n) throw new RangeError(`FiniteGP: a value of length ${y.length} for a GP at ${n} points`);
    const inputs = [...y, ...this.inputs];
    if (!anyAD(inputs)) {
      const v = valuesOf(inputs);
      return normalLogDensity(v.subarray(0, n), v.subarray(n, 2 * n), this.covarianceAt(v, n)).value;
    }
    return nodeByRule(inputs, this.rule);
  }

  private readonly rule: Recompute = (values, partials) => {
    const { n, dim } = this.x;
    const p = this.gp.kernel.params.length;
    const v = Float64Array.from({ length: 2 * n + p + n * dim + this.noise.length }, (_, i) => values[i]!);
    const cov = this.covarianceAt(v, n);
    const { value, w } = normalLogDensity(v.subarray(0, n), v.subarray(n, 2 * n), cov);
    partials.fill(0, 0, v.length);
    for (let i = 0; i < n; i++) {
      partials[i] = -w[i]!;
      partials[n + i] = w[i]!;
    }
    // ∂/∂Σ = −½(Σ⁻¹ − w wᵀ), MvNormal's, from the factor's inverse directly: PDMat's general form walks its term list at every entry.
    const inv = cov.inverse();
    const g = new Float64Array(n * n);
    for (let j = 0; j < n; j++) for (let i = 0; i < n; i++) g[i + j * n] = 0.5 * (w[i]! * w[j]! - inv[i + j * n]!);
    const thAt = 2 * n;
    const xAt = thAt + p;
    const noiseAt = xAt + n * dim;
    const xv = v.subarray(xAt, noiseAt);
    const gx = partials.subarray(xAt, noiseAt);
    kernelAdjoint(this.gp.kernel, v.subarray(thAt, xAt), xv, xv, n, n, dim, true, g, 0, partials.subarray(thAt, xAt), gx, gx);
    for (let i = 0; i < n; i++) partials[noiseAt + (this.noise.length === 1 ? 0 : i)]! += g[i + i * n]!;
    return value;
  };

  rand(rng: Rng): Float64Array {
    const v = valuesOf(this.inputs);
    return normalDraw(rng, v.subarray(0, this.x.n), this.covarianceAt(v, 0));
  }

  mean(): Real[] {
    return [...this.means];
  }

  /** cov(f(x)): K(x, x) + σ² I, n×n column-major. */
  cov(): Real[] {
    const n = this.x.n;
    const k = kernelMatrix(this.gp.kernel, this.x);
    for (let i = 0; i < n; i++) k[i + i * n] = ops.add(k[i + i * n]!, this.noise[this.noise.length === 1 ? 0 : i]!);
    return k;
  }

  /** var(f(x)): the covariance's diagonal. */
  var(): Real[] {
    return kernelMatrixDiag(this.gp.kernel, this.x).map((k, i) => ops.add(k, this.noise[this.noise.length === 1 ? 0 : i]!));
  }
}
