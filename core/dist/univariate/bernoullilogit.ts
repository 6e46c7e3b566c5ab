import { ops, type Real, type Recompute } from '../../ad/index.js';
import type { Support } from '../../bijectors/index.js';
import { log1pexp, logistic } from '../../math/index.js';
import type { Rng } from '../../rng/index.js';
import { UnivariateDistribution } from './base.js';
import { checkFinite } from './check.js';
import { columnStarts, ScalarUnivariate } from './scalar.js';

type P = readonly [logitp: number];

/** log(1 + eᵗ) given e = e^−|t|, which the partial uses too. */
function softplus(t: number, e: number): number {
  return Math.max(t, 0) + Math.log1p(e);
}

/** Bernoulli(logistic(logitp)) computed on the logit scale, so no probability rounds to 0 or 1. */
class BernoulliLogitDist extends ScalarUnivariate<P> {
  readonly family = 'BernoulliLogit';
  readonly discrete = true;

  constructor(private readonly logitp: Real) {
    super([logitp], [checkFinite('BernoulliLogit', 'logitp', logitp)]);
  }

  protected lpdf(k: number, [l]: P): number {
    if (k !== 0 && k !== 1) return -Infinity;
    const t = k === 1 ? -l : l;
    return -softplus(t, Math.exp(-Math.abs(t)));
  }

  protected lpdfGrad(k: number, [l]: P): ArrayLike<number> {
    return [0, k === 1 ? logistic(-l) : -logistic(l)];
  }

  /** −log(1 + eᵗ) with t = ∓l and its partial ±σ(t), both from the one exponential e^−|t|, as `lpdf` computes it. */
  protected override lpdfWithGrad(k: number, [l]: P, p: Float64Array, at: number): number {
    if (k !== 0 && k !== 1) return -Infinity;
    const t = k === 1 ? -l : l;
    const e = Math.exp(-Math.abs(t));
    const sigma = t >= 0 ? 1 / (1 + e) : e / (1 + e);
    p[at] = 0;
    p[at + 1] = k === 1 ? sigma : -sigma;
    return -softplus(t, e);
  }

  /** `lpdfWithGrad` over a logistic regression's observations in one loop: its likelihood is this. */
  protected override columnRule(parts: readonly this[], [s]: readonly number[]): Recompute {
    const n = parts.length;
    const [at, width] = columnStarts(n, [s!]) as [number, number];
    return (vals, p) => {
      p.fill(0, 0, width);
      let total = 0;
      for (let i = 0; i < n; i++) {
        const k = vals[i]!;
        const j = at + i * s!;
        const t = k === 1 ? -vals[j]! : vals[j]!;
        const e = Math.exp(-Math.abs(t));
        const v = k === 0 || k === 1 ? -softplus(t, e) : -Infinity;
        if (v === -Infinity) {
          p.fill(0, 0, width);
          return -Infinity;
        }
        const sigma = t >= 0 ? 1 / (1 + e) : e / (1 + e);
        p[j]! += k === 1 ? sigma : -sigma;
        total += v;
      }
      return total;
    };
  }

  protected lcdf(k: number, [l]: P): number {
    return k < 0 ? -Infinity : k >= 1 ? 0 : -log1pexp(l);
  }

  protected lccdf(k: number, [l]: P): number {
    return k < 0 ? 0 : k >= 1 ? -Infinity : -log1pexp(-l);
  }

  /** At k = 0: ∂F/∂l = −σ(l)(1 − σ(l)) over the mass 1 − σ(l). */
  protected cdfGrad(_k: number, [l]: P): readonly number[] {
    return [-logistic(l)];
  }

  protected quantileOf(q: number): number {
    return q <= logistic(-this.θ[0]) ? 0 : 1;
  }

  support(): Support {
    return { kind: 'discrete' };
  }

  mean(): Real {
    return ops.logisticOp(this.logitp);
  }

  var(): Real {
    return ops.mul(ops.logisticOp(this.logitp), ops.logisticOp(ops.neg(this.logitp)));
  }

  minimum(): Real {
    return 0;
  }

  maximum(): Real {
    return 1;
  }

  rand(rng: Rng): number {
    return rng.uniform() < logistic(this.θ[0]) ? 1 : 0;
  }
}

export function BernoulliLogit(logitp: Real = 0): UnivariateDistribution {
  return new BernoulliLogitDist(logitp);
}
