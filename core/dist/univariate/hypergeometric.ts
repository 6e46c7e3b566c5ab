import type { Real } from '../../ad/index.js';
import type { Support } from '../../bijectors/index.js';
import type { Rng } from '../../rng/index.js';
import { DistributionArgumentError } from '../types.js';
import { UnivariateDistribution } from './base.js';
import { logChoose } from '../../math/index.js';
import { checkInteger } from './check.js';
import { discreteTails } from './numeric.js';
import { ScalarUnivariate } from './scalar.js';

type P = readonly [];

/**
 * Hypergeometric(s, f, n): the successes among n draws without replacement from s successes and f failures.
 * Its parameters are counts (nothing to differentiate). A model builds it anew at every evaluation to read one
 * mass, so the masses of the whole support lo…hi, which the cdf and the entropy sum, are made only when asked for.
 */
class HypergeometricDist extends ScalarUnivariate<P> {
  readonly family = 'Hypergeometric';
  readonly discrete = true;
  private readonly lo: number;
  private readonly hi: number;
  private masses: Float64Array | undefined;

  constructor(
    private readonly s: number,
    private readonly f: number,
    private readonly n: number,
  ) {
    super([], []);
    this.lo = Math.max(0, n - f);
    this.hi = Math.min(s, n);
  }

  private get logMass(): Float64Array {
    return (this.masses ??= Float64Array.from({ length: this.hi - this.lo + 1 }, (_, j) => this.logMassAt(this.lo + j)));
  }

  private logMassAt(k: number): number {
    return logChoose(this.s, k) + logChoose(this.f, this.n - k) - logChoose(this.s + this.f, this.n);
  }

  protected lpdf(k: number): number {
    return Number.isInteger(k) && k >= this.lo && k <= this.hi ? this.logMassAt(k) : -Infinity;
  }

  protected lpdfGrad(): ArrayLike<number> {
    return [0];
  }

  protected lcdf(k: number): number {
    if (k < this.lo) return -Infinity;
    return k >= this.hi ? 0 : discreteTails(this.logMass, this.lo, k).lower;
  }

  protected lccdf(k: number): number {
    if (k < this.lo) return 0;
    return k >= this.hi ? -Infinity : discreteTails(this.logMass, this.lo, k).upper;
  }

  protected cdfGrad(): readonly number[] {
    return [];
  }

  protected quantileOf(p: number): number {
    return this.searchQuantile(p, this.lo, this.hi, Math.round((this.n * this.s) / (this.s + this.f)));
  }

  support(): Support {
    return { kind: 'discrete' };
  }

  mean(): Real {
    return (this.n * this.s) / (this.s + this.f);
  }

  /** n (s/N)(f/N)(N − n)/(N − 1), N = s + f */
  var(): Real {
    const N = this.s + this.f;
    return (((this.n * this.s) / N) * (this.f / N) * (N - this.n)) / (N - 1);
  }

  /** ⌊(n + 1)(s + 1)/(N + 2)⌋ */
  override mode(): Real {
    return Math.floor(((this.n + 1) * (this.s + 1)) / (this.s + this.f + 2));
  }

  /** −Σ p log p over the support, as Distributions.jl sums it. */
  override entropy(): Real {
    return -this.logMass.reduce((h, lp) => h + Math.exp(lp) * lp, 0);
  }

  override skewness(): Real {
    const [N, m, n] = [this.s + this.f, this.s, this.n];
    return ((N - 2 * m) * Math.sqrt(N - 1) * (N - 2 * n)) / (Math.sqrt(n * m * (N - m) * (N - n)) * (N - 2));
  }

  override kurtosis(): Real {
    const [N, m, n] = [this.s + this.f, this.s, this.n];
    const a = (N - 1) * N * N * (N * (N + 1) - 6 * m * (N - m) - 6 * n * (N - n)) + 6 * n * m * (N - m) * (N - n) * (5 * N - 6);
    return a / (n * m * (N - m) * (N - n) * (N - 2) * (N - 3));
  }

  minimum(): Real {
    return this.lo;
  }

  maximum(): Real {
    return this.hi;
  }

  /** The draws one by one: each a success with the chance the urn has left. */
  rand(rng: Rng): number {
    let successes = this.s;
    let total = this.s + this.f;
    let k = 0;
    for (let i = 0; i < this.n; i++, total--) {
      if (rng.uniform() * total < successes) {
        k++;
        successes--;
      }
    }
    return k;
  }
}

export function Hypergeometric(s: Real, f: Real, n: Real): UnivariateDistribution {
  const sv = checkInteger('Hypergeometric', 's', s, 0);
  const fv = checkInteger('Hypergeometric', 'f', f, 0);
  const nv = checkInteger('Hypergeometric', 'n', n, 0);
  if (nv > sv + fv) throw new DistributionArgumentError('Hypergeometric', 'n', `n must be at most s + f = ${sv + fv}, got ${nv}`);
  return new HypergeometricDist(sv, fv, nv);
}
