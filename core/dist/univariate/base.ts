import { ops, value, type Real } from '../../ad/index.js';
import type { Support } from '../../bijectors/index.js';
import type { Rng } from '../../rng/index.js';
import type { Univariate } from '../types.js';

/**
 * What every univariate family shares: the `Univariate` shape, cdf and ccdf as exp of their logs (each
 * family writes the log forms, the accurate ones in the tails), and quantiles with Distributions.jl's
 * edge handling. `cquantile`, `invlogcdf` and `invlogccdf` are Distributions.jl's too; truncated
 * sampling uses them to stay accurate deep in either tail.
 */
export abstract class UnivariateDistribution implements Univariate {
  readonly variate = 'univariate' as const;
  readonly shape: readonly number[] = [];
  abstract readonly family: string;
  abstract readonly discrete: boolean;

  abstract support(): Support;
  abstract logpdf(x: Real): Real;
  abstract logcdf(x: Real): Real;
  abstract logccdf(x: Real): Real;
  abstract mean(): Real;
  abstract var(): Real;
  abstract minimum(): Real;
  abstract maximum(): Real;
  abstract rand(rng: Rng): number;
  /** Only the families Distributions.jl gives closed forms for define these (see `Univariate`). */
  mode?(): Real;
  entropy?(): Real;
  skewness?(): Real;
  kurtosis?(): Real;
  /** The quantile for p strictly inside (0, 1). */
  protected abstract quantileOf(p: number): number;

  /** The upper quantile for q in (0, 1): families override it where 1 − q would lose the tail. */
  protected cquantileOf(q: number): number {
    return this.quantileOf(1 - q);
  }

  cdf(x: Real): Real {
    return ops.exp(this.logcdf(x));
  }

  ccdf(x: Real): Real {
    return ops.exp(this.logccdf(x));
  }

  quantile(p: number): number {
    if (!(p >= 0 && p <= 1)) return NaN;
    if (p === 0) return value(this.minimum());
    if (p === 1) return value(this.maximum());
    return this.quantileOf(p);
  }

  /** x with ccdf(x) = q. */
  cquantile(q: number): number {
    if (!(q >= 0 && q <= 1)) return NaN;
    if (q === 1) return value(this.minimum());
    if (q === 0) return value(this.maximum());
    return this.cquantileOf(q);
  }

  invlogcdf(lp: number): number {
    return this.quantile(Math.exp(lp));
  }

  invlogccdf(lp: number): number {
    return this.cquantile(Math.exp(lp));
  }
}

/** `d.invlogcdf` for any `Univariate`; ours are all `UnivariateDistribution`, the fallback serves others. */
export function invlogcdf(d: Univariate, lp: number): number {
  return d instanceof UnivariateDistribution ? d.invlogcdf(lp) : d.quantile(Math.exp(lp));
}

export function invlogccdf(d: Univariate, lp: number): number {
  return d instanceof UnivariateDistribution ? d.invlogccdf(lp) : d.quantile(-Math.expm1(lp));
}
