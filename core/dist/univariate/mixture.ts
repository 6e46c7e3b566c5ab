import { ops, value, type Real } from '../../ad/index.js';
import type { Support } from '../../bijectors/index.js';
import { randCategorical, type Rng } from '../../rng/index.js';
import { DistributionArgumentError, type Univariate } from '../types.js';
import { UnivariateDistribution } from './base.js';
import { checkProbVector } from './check.js';
import { discreteQuantile, invertCdf } from './numeric.js';
import { logMixture } from '../log-mixture.js';

/** MixtureModel(components, weights) of univariate components, all continuous or all discrete. */
class MixtureDist extends UnivariateDistribution {
  readonly family = 'MixtureModel';
  readonly discrete: boolean;
  private readonly wv: Float64Array;

  constructor(
    private readonly components: readonly Univariate[],
    private readonly weights: readonly Real[],
  ) {
    super();
    if (components.length === 0) throw new DistributionArgumentError('MixtureModel', 'components', 'components must not be empty');
    if (weights.length !== components.length) {
      throw new DistributionArgumentError('MixtureModel', 'weights', `weights must have one entry per component, got ${weights.length} for ${components.length}`);
    }
    this.wv = checkProbVector('MixtureModel', 'weights', weights);
    this.discrete = components[0]!.discrete;
    if (components.some((c) => c.discrete !== this.discrete)) {
      throw new DistributionArgumentError('MixtureModel', 'components', 'components must be all continuous or all discrete');
    }
  }

  logpdf(x: Real): Real {
    return logMixture(
      this.weights,
      this.components.map((c) => c.logpdf(x)),
    );
  }

  logcdf(x: Real): Real {
    return logMixture(
      this.weights,
      this.components.map((c) => c.logcdf(x)),
    );
  }

  logccdf(x: Real): Real {
    return logMixture(
      this.weights,
      this.components.map((c) => c.logccdf(x)),
    );
  }

  private plainCdf(x: number): number {
    let s = 0;
    for (let i = 0; i < this.components.length; i++) s += this.wv[i]! * Math.exp(value(this.components[i]!.logcdf(x)));
    return s;
  }

  /** No closed form: bisection (continuous) or integer search (discrete) on the mixture cdf. */
  protected quantileOf(p: number): number {
    const lo = value(this.minimum());
    const hi = value(this.maximum());
    const m = value(this.mean());
    const guess = Number.isFinite(m) ? m : 0;
    const cdf = (x: number) => this.plainCdf(x);
    return this.discrete ? discreteQuantile(cdf, p, lo, hi, guess) : invertCdf(cdf, p, lo, hi, guess);
  }

  support(): Support {
    if (this.discrete) return { kind: 'discrete' };
    const supports = this.components.map((c) => c.support());
    if (supports.every((s) => s.kind === 'real')) return { kind: 'real' };
    const lo = this.minimum();
    const hi = this.maximum();
    const hasLo = value(lo) > -Infinity;
    const hasHi = value(hi) < Infinity;
    if (hasLo && hasHi) return { kind: 'interval', lower: lo, upper: hi };
    if (hasLo) return { kind: 'lower', lower: lo };
    if (hasHi) return { kind: 'upper', upper: hi };
    return { kind: 'real' };
  }

  mean(): Real {
    return ops.dotOf(
      this.weights,
      this.components.map((c) => c.mean()),
    );
  }

  /** Σ wₖ (σₖ² + μₖ²) − μ² */
  var(): Real {
    const second = this.components.map((c) => ops.add(c.var(), ops.abs2(c.mean())));
    return ops.sub(ops.dotOf(this.weights, second), ops.abs2(this.mean()));
  }

  minimum(): Real {
    return this.components.map((c) => c.minimum()).reduce((a, b) => ops.min(a, b));
  }

  maximum(): Real {
    return this.components.map((c) => c.maximum()).reduce((a, b) => ops.max(a, b));
  }

  rand(rng: Rng): number {
    return this.components[randCategorical(rng, this.wv)]!.rand(rng);
  }
}

/** MixtureModel(components, weights); equal weights when none are given, as Distributions.jl. */
export function MixtureModel(components: readonly Univariate[], weights?: readonly Real[]): UnivariateDistribution {
  return new MixtureDist(components, weights ?? components.map(() => 1 / components.length));
}
