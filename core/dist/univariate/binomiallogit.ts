import { ops, type Real, type Recompute } from '../../ad/index.js';
import type { Support } from '../../bijectors/index.js';
import { log1pexp, logChoose, logistic } from '../../math/index.js';
import { randBinomial, type Rng } from '../../rng/index.js';
import { UnivariateDistribution } from './base.js';
import { checkFinite, checkInteger } from './check.js';
import { binomialLogccdf, binomialLogcdf, isCount } from './binomial.js';
import { columnStarts, ScalarUnivariate } from './scalar.js';

type P = readonly [logitp: number];

/** Turing's BinomialLogit: Binomial(n, logistic(logitp)) with the mass written on the logit scale. */
class BinomialLogitDist extends ScalarUnivariate<P> {
  readonly family = 'BinomialLogit';
  readonly discrete = true;

  constructor(
    private readonly n: number,
    private readonly logitp: Real,
  ) {
    super([logitp], [checkFinite('BinomialLogit', 'logitp', logitp)]);
  }

  protected lpdf(k: number, [l]: P): number {
    return isCount(k, this.n) ? logChoose(this.n, k) + k * l - this.n * log1pexp(l) : -Infinity;
  }

  protected lpdfGrad(k: number, [l]: P): ArrayLike<number> {
    return [0, k - this.n * logistic(l)];
  }

  /** `lpdf` and `lpdfGrad` over a vector of observations (`@. k ~ BinomialLogit(n, η)`) in one loop. */
  protected override columnRule(parts: readonly this[], [s]: readonly number[]): Recompute {
    const n = parts.length;
    const [at, width] = columnStarts(n, [s!]) as [number, number];
    const trials = Float64Array.from(parts, (d) => d.n);
    return (vals, p) => {
      p.fill(0, 0, width);
      let total = 0;
      for (let i = 0; i < n; i++) {
        const k = vals[i]!;
        const j = at + i * s!;
        const m = trials[i]!;
        const v = isCount(k, m) ? logChoose(m, k) + k * vals[j]! - m * log1pexp(vals[j]!) : -Infinity;
        if (v === -Infinity) {
          p.fill(0, 0, width);
          return -Infinity;
        }
        p[j]! += k - m * logistic(vals[j]!);
        total += v;
      }
      return total;
    };
  }

  protected lcdf(k: number, [l]: P): number {
    return binomialLogcdf(this.n, logistic(l), k);
  }

  protected lccdf(k: number, [l]: P): number {
    return binomialLogccdf(this.n, logistic(l), k);
  }

  /** Binomial's g_p = −(n − k)/(1 − p) times dp/dl = p(1 − p). */
  protected cdfGrad(k: number, [l]: P): readonly number[] {
    return [-(this.n - k) * logistic(l)];
  }

  protected quantileOf(q: number): number {
    return this.searchQuantile(q, 0, this.n, this.n * logistic(this.θ[0]));
  }

  support(): Support {
    return { kind: 'discrete' };
  }

  mean(): Real {
    return ops.mul(this.n, ops.logisticOp(this.logitp));
  }

  var(): Real {
    return ops.mul(this.n, ops.mul(ops.logisticOp(this.logitp), ops.logisticOp(ops.neg(this.logitp))));
  }

  minimum(): Real {
    return 0;
  }

  maximum(): Real {
    return this.n;
  }

  rand(rng: Rng): number {
    return randBinomial(rng, this.n, logistic(this.θ[0]));
  }
}

export function BinomialLogit(n: Real, logitp: Real): UnivariateDistribution {
  return new BinomialLogitDist(checkInteger('BinomialLogit', 'n', n, 0), logitp);
}
