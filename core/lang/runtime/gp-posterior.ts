import { ops, type Real } from '../../ad/index.js';
import type { Support } from '../../bijectors/index.js';
import { MvNormal, fullCovariance, type Multivariate } from '../../dist/index.js';
import { DEFAULT_NOISE, FiniteGP, kernelMatrix, kernelMatrixDiag, type GaussianProcess, type Points } from '../../gp/index.js';
import { JFunction, describe, type Value } from '../../model/index.js';
import type { Rng } from '../../rng/index.js';
import { fail } from './errors.js';
import { gpInputs, noiseOf } from './gp-values.js';
import { choleskyLower, matmul, notPositiveDefinite, transposeReals, triangularSolve } from './linalg.js';

/**
 * AbstractGPs' exact posterior, `posterior(f(x, σ²), y)`: a GP whose value at new points x* has mean
 * m + K*ₓ (Kₓₓ + Σ)⁻¹ (y − m) and covariance K** − K*ₓ (Kₓₓ + Σ)⁻¹ Kₓ*. Written with the AD operations of the
 * language's linear algebra (its Cholesky), so it follows the parameters on every backend; it is for a
 * model's predictions and generated quantities, where the kernel matrices are small.
 */
export class PosteriorGPValue extends JFunction {
  /** L with LLᵀ = Kₓₓ + Σ, and α = (Kₓₓ + Σ)⁻¹ (y − m). */
  private readonly l: Real[];
  private readonly alpha: Real[];

  constructor(private readonly fx: FiniteGP, y: readonly Real[]) {
    super('posterior', (args, kwargs) => {
      if (kwargs.size > 0 || args.length < 1 || args.length > 2) return fail('a posterior GP is called as `p(x)` or `p(x, σ²)`');
      const x = gpInputs('p(x)', args[0]!);
      return this.at(x, args.length === 2 ? noiseOf(args[1]!, x.n) : [DEFAULT_NOISE]);
    });
    const n = fx.x.n;
    if (y.length !== n) fail(`posterior(f(x), y): y has ${y.length} values for ${n} inputs`);
    const c = fx.cov();
    const l = choleskyLower(c, n);
    if (l === null) throw notPositiveDefinite();
    this.l = l;
    const means = fx.means;
    const r = y.map((v, i) => ops.sub(v, means[i]!));
    this.alpha = triangularSolve(transposeReals(l, n, n), n, triangularSolve(l, n, r, 1, true), 1, false);
  }

  private get gp(): GaussianProcess {
    return this.fx.gp;
  }

  /** The posterior at x* with noise σ²: its mean, variances and (when asked) covariance. */
  private at(xs: Points, noise: readonly Real[]): PosteriorFiniteGP {
    const n = this.fx.x.n;
    const m = xs.n;
    const cross = kernelMatrix(this.gp.kernel, this.fx.x, xs);
    const prior = this.gp.mean(xs);
    const mean = matmul(transposeReals(cross, n, m), this.alpha, m, n, 1).map((v, i) => ops.add(prior[i]!, v));
    // V = L⁻¹ Kₓ*, so K*ₓ (Kₓₓ + Σ)⁻¹ Kₓ* = VᵀV.
    const v = triangularSolve(this.l, n, cross, m, true);
    const noiseAt = (i: number): Real => noise[noise.length === 1 ? 0 : i]!;
    const variances = kernelMatrixDiag(this.gp.kernel, xs).map((k, i) => {
      const col = v.slice(i * n, (i + 1) * n);
      return ops.add(ops.sub(k, ops.dotOf(col, col)), noiseAt(i));
    });
    const covariance = (): Real[] => {
      const explained = matmul(transposeReals(v, n, m), v, m, n, m);
      return kernelMatrix(this.gp.kernel, xs).map((k, idx) => {
        const d = ops.sub(k, explained[idx]!);
        return idx % (m + 1) === 0 ? ops.add(d, noiseAt(idx / (m + 1))) : d;
      });
    };
    return new PosteriorFiniteGP(mean, variances, covariance);
  }
}

/** The posterior GP at given points: a multivariate normal with AbstractGPs' `mean`, `var` and `cov`. */
export class PosteriorFiniteGP implements Multivariate {
  readonly family = 'FiniteGP';
  readonly variate = 'multivariate';
  readonly discrete = false;
  readonly shape: readonly number[];
  private normal: Multivariate | undefined;
  private covariance: Real[] | undefined;

  constructor(
    private readonly means: Real[],
    private readonly variances: Real[],
    private readonly covarianceOf: () => Real[],
  ) {
    this.shape = [means.length];
  }

  support(): Support {
    return { kind: 'real' };
  }

  /** The MvNormal of its mean and covariance, made when a density or a draw is asked for (a near-singular covariance still has its mean and variances). */
  private get distribution(): Multivariate {
    this.normal ??= MvNormal(this.means, fullCovariance(this.cov(), this.means.length));
    return this.normal;
  }

  logpdf(x: readonly Real[]): Real {
    return this.distribution.logpdf(x);
  }

  rand(rng: Rng): Float64Array {
    return this.distribution.rand(rng);
  }

  mean(): Real[] {
    return this.means;
  }

  var(): Real[] {
    return this.variances;
  }

  cov(): Real[] {
    this.covariance ??= this.covarianceOf();
    return this.covariance;
  }
}

/** `posterior(fx, y)` */
export function posteriorOf(fx: Value, y: readonly Real[]): PosteriorGPValue {
  if (!(fx instanceof FiniteGP)) return fail(`posterior needs a GP at its inputs and the values there, \`posterior(f(x, σ²), y)\`, got ${describe(fx)}`);
  return new PosteriorGPValue(fx, y);
}
