import { anyAD, nodeByRule, ops, valuesOf, type Real, type Recompute } from '../ad/index.js';
import type { Support } from '../bijectors/index.js';
import { fullCovariance, normalDraw, normalLogDensity, resolvePD, type Multivariate, type PDMat } from '../dist/index.js';
import type { Rng } from '../rng/index.js';
import type { Kernel } from './kernel.js';
import { checkDimension, kernelAdjoint, kernelMatrix, kernelMatrixDiag, kernelValues } from './kernel-matrix.js';
import type { Points } from './points.js';

/** AbstractGPs' GP(m, k) with a constant mean: ZeroMean() is 0, ConstMean(c) and GP(c, k) are c. */
export interface GaussianProcess {
  readonly mean: Real;
  readonly kernel: Kernel;
}

/** AbstractGPs' default observation noise of `f(x)`, which keeps the covariance's Cholesky factor finite. */
export const DEFAULT_NOISE = 1e-18;

/** The name a covariance that is not positive definite is reported by. */
const COVARIANCE = 'cov(f(x))';

/**
 * AbstractGPs' FiniteGP, f(x, σ²): the multivariate normal of the GP at the points x with observation noise
 * σ² (a number, or one variance per point), mean m(x) and covariance K(x, x) + σ² I. Its log density is one
 * node on [y, m, the kernel's hyperparameters, x, σ²]: the covariance is built and factored on plain numbers
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

  private get inputs(): Real[] {
    return [this.gp.mean, ...this.gp.kernel.params, ...this.x.values, ...this.noise];
  }

  /** The covariance at the parameter values in v (laid out as `inputs`, from `at`), factored. */
  private covarianceAt(v: Float64Array, at: number): PDMat {
    const { n, dim } = this.x;
    const p = this.gp.kernel.params.length;
    const th = v.subarray(at + 1, at + 1 + p);
    const xv = v.subarray(at + 1 + p, at + 1 + p + n * dim);
    const noise = v.subarray(at + 1 + p + n * dim);
    const k = new Float64Array(n * n);
    kernelValues(this.gp.kernel, th, xv, xv, n, n, dim, true, k);
    for (let i = 0; i < n; i++) k[i + i * n]! += noise[noise.length === 1 ? 0 : i]!;
    return resolvePD(fullCovariance(Array.from(k), n), this.family, COVARIANCE);
  }

  logpdf(y: readonly Real[]): Real {
    const n = this.x.n;
    if (y.length !== n) throw new RangeError(`FiniteGP: a value of length ${y.length} for a GP at ${n} points`);
    const inputs = [...y, ...this.inputs];
    if (!anyAD(inputs)) {
      const v = valuesOf(inputs);
      return normalLogDensity(v.subarray(0, n), new Float64Array(n).fill(v[n]!), this.covarianceAt(v, n)).value;
    }
    return nodeByRule(inputs, this.rule);
  }

  private readonly rule: Recompute = (values, partials) => {
    const { n, dim } = this.x;
    const p = this.gp.kernel.params.length;
    const v = Float64Array.from({ length: n + 1 + p + n * dim + this.noise.length }, (_, i) => values[i]!);
    const cov = this.covarianceAt(v, n);
    const { value, w } = normalLogDensity(v.subarray(0, n), new Float64Array(n).fill(v[n]!), cov);
    partials.fill(0, 0, v.length);
    let meanPartial = 0;
    for (let i = 0; i < n; i++) {
      partials[i] = -w[i]!;
      meanPartial += w[i]!;
    }
    partials[n] = meanPartial;
    const g = new Float64Array(n * n);
    cov.gradient(g, 0, { inverse: -0.5, outer: [[0.5, w]] });
    const thAt = n + 1;
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
    return normalDraw(rng, new Float64Array(this.x.n).fill(v[0]!), this.covarianceAt(v, 0));
  }

  mean(): Real[] {
    return new Array<Real>(this.x.n).fill(this.gp.mean);
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
