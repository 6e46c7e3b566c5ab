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

  /**
   * `lpdf` and `lpdfGrad` over a vector of observations (`@. k ~ BinomialLogit(n, η)`) in one loop: log(1 + eˡ)
   * and the logistic from the one exponential e^−|l|, and each observation's log C(n, k) kept with the count
   * it was computed for (the data's, at every replay).
   */
  protected override columnRule(parts: readonly this[], [s]: readonly number[]): Recompute {
    const n = parts.length;
    const [at, width] = columnStarts(n, [s!]) as [number, number];
    const trials = Float64Array.from(parts, (d) => d.n);
    const chosenFor = new Float64Array(n).fill(NaN);
    const chosen = new Float64Array(n);
    return (vals, p) => {
      p.fill(0, 0, width);
      let total = 0;
      for (let i = 0; i < n; i++) {
        const k = vals[i]!;
        const j = at + i * s!;
        const m = trials[i]!;
        if (!isCount(k, m)) {
          p.fill(0, 0, width);
          return -Infinity;
        }
        if (chosenFor[i] !== k) {
          chosen[i] = logChoose(m, k);
          chosenFor[i] = k;
        }
        const l = vals[j]!;
        const e = Math.exp(-Math.abs(l));
        const v = chosen[i]! + k * l - m * (Math.max(l, 0) + Math.log1p(e));
        if (v === -Infinity) {
          p.fill(0, 0, width);
          return -Infinity;
        }
        p[j]! += k - m * (l >= 0 ? 1 / (1 + e) : e / (1 + e));
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
