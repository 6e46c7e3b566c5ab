import { ops, type Real, type Recompute } from '../../ad/index.js';
import type { Support } from '../../bijectors/index.js';
import { logFactorial } from '../../math/index.js';
import { randPoisson, type Rng } from '../../rng/index.js';
import { UnivariateDistribution } from './base.js';
import { checkFinite } from './check.js';
import { isNaturalNumber, poissonGuess, poissonLogccdf, poissonLogcdf } from './poisson.js';
import { columnStarts, ScalarUnivariate } from './scalar.js';

type P = readonly [logλ: number];

/** Turing's LogPoisson: Poisson(exp(logλ)), with the mass k logλ − λ − log k! written on the log scale. */
class LogPoissonDist extends ScalarUnivariate<P> {
  readonly family = 'LogPoisson';
  readonly discrete = true;

  constructor(private readonly logλ: Real) {
    super([logλ], [checkFinite('LogPoisson', 'logλ', logλ)]);
  }

  protected lpdf(k: number, [l]: P): number {
    return isNaturalNumber(k) ? k * l - Math.exp(l) - logFactorial(k) : -Infinity;
  }

  protected lpdfGrad(k: number, [l]: P): ArrayLike<number> {
    return [0, k - Math.exp(l)];
  }

  /** The value and ∂/∂logλ = k − λ from the one exponential: a Poisson GLMM's likelihood is this per observation. */
  protected override lpdfWithGrad(k: number, [l]: P, p: Float64Array, at: number): number {
    if (!isNaturalNumber(k)) return -Infinity;
    const λ = Math.exp(l);
    p[at] = 0;
    p[at + 1] = k - λ;
    return k * l - λ - logFactorial(k);
  }

  /** `lpdfWithGrad` over a vector of observations (`arraydist(LogPoisson.(η))`) in one loop. */
  protected override columnRule(parts: readonly this[], [s]: readonly number[]): Recompute {
    const n = parts.length;
    const [at, width] = columnStarts(n, [s!]) as [number, number];
    return (vals, p) => {
      p.fill(0, 0, width);
      let total = 0;
      for (let i = 0; i < n; i++) {
        const k = vals[i]!;
        const j = at + i * s!;
        const λ = Math.exp(vals[j]!);
        const v = isNaturalNumber(k) ? k * vals[j]! - λ - logFactorial(k) : -Infinity;
        if (v === -Infinity) {
          p.fill(0, 0, width);
          return -Infinity;
        }
        p[j]! += k - λ;
        total += v;
      }
      return total;
    };
  }

  protected lcdf(k: number, [l]: P): number {
    return poissonLogcdf(Math.exp(l), k);
  }

  protected lccdf(k: number, [l]: P): number {
    return poissonLogccdf(Math.exp(l), k);
  }

  /** Poisson's g_λ = −1 times dλ/dlogλ = λ. */
  protected cdfGrad(_k: number, [l]: P): readonly number[] {
    return [-Math.exp(l)];
  }

  protected quantileOf(q: number): number {
    return this.searchQuantile(q, 0, Infinity, poissonGuess(Math.exp(this.θ[0]), q));
  }

  support(): Support {
    return { kind: 'discrete' };
  }

  mean(): Real {
    return ops.exp(this.logλ);
  }

  var(): Real {
    return ops.exp(this.logλ);
  }

  minimum(): Real {
    return 0;
  }

  maximum(): Real {
    return Infinity;
  }

  rand(rng: Rng): number {
    return randPoisson(rng, Math.exp(this.θ[0]));
  }
}

export function LogPoisson(logλ: Real = 0): UnivariateDistribution {
  return new LogPoissonDist(logλ);
}
