import { value, type Real } from '../../ad/index.js';
import type { Support } from '../../bijectors/index.js';
import { UnivariateDistribution } from './base.js';

/**
 * Dirac(v): all mass at v, as Distributions.jl's. Scripts write
 * `true ~ Dirac(sA == obsSA)` to condition on an event and `p6 ~ Dirac(y >= 6)` to record a derived
 * quantity, sampled with MH, PG or SMC. The log density is 0 or −∞, so v carries no derivative; the
 * mean does, as Distributions' `mean(d) = d.value`.
 */
class DiracDist extends UnivariateDistribution {
  readonly family = 'Dirac';
  /**
   * Discrete (a count or a Bool) where its value is a whole number, as the samplers' discrete coordinates are; at a
   * real value (hakank's `g1 ~ Dirac(clusVelocity[origCluster[1]])`) a real coordinate that only sits at it.
   */
  readonly discrete: boolean;
  private readonly at: number;

  constructor(private readonly v: Real) {
    super();
    this.at = value(v);
    this.discrete = Number.isInteger(this.at);
  }

  logpdf(x: Real): Real {
    return value(x) === this.at ? 0 : -Infinity;
  }

  logcdf(x: Real): Real {
    return value(x) < this.at ? -Infinity : 0;
  }

  logccdf(x: Real): Real {
    return value(x) < this.at ? 0 : -Infinity;
  }

  protected quantileOf(): number {
    return this.at;
  }

  support(): Support {
    return this.discrete ? { kind: 'discrete' } : { kind: 'real' };
  }

  mean(): Real {
    return this.v;
  }

  var(): Real {
    return 0;
  }

  override mode(): Real {
    return this.v;
  }

  override entropy(): Real {
    return 0;
  }

  minimum(): Real {
    return this.at;
  }

  maximum(): Real {
    return this.at;
  }

  rand(): number {
    return this.at;
  }
}

export function Dirac(v: Real): UnivariateDistribution {
  return new DiracDist(v);
}
