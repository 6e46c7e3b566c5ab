import { value, type Real } from '../../ad/index.js';
import type { Support } from '../../bijectors/index.js';
import type { Rng } from '../../rng/index.js';
import { UnivariateDistribution } from './base.js';
import { checkFinite } from './check.js';
import { guardSupport } from '../support-guard.js';

/**
 * Turing's improper priors. Their log density is 0 on the support; nothing else about them is a
 * distribution, so the cdf and quantile throw, and mean and variance are NaN.
 *
 * Draws: Turing's `rand` returns `rand(rng)` (Uniform(0, 1)), an arbitrary choice. Tilde draws what
 * DynamicPPL's default initialisation would give instead, Uniform(−2, 2) in the unconstrained space:
 * x ~ Uniform(−2, 2) for Flat (identity link) and l + exp(Uniform(−2, 2)) for FlatPos (log link), so a
 * prior draw of a Flat parameter is a sensible starting point and symmetric about 0.
 */
abstract class Improper extends UnivariateDistribution {
  readonly discrete = false;
  readonly improper = true;

  private lacks(what: string): never {
    throw new Error(`${this.family} is an improper distribution: it has no ${what}`);
  }

  logcdf(): Real {
    return this.lacks('cdf');
  }

  logccdf(): Real {
    return this.lacks('cdf');
  }

  protected quantileOf(): number {
    return this.lacks('quantile');
  }

  override quantile(): number {
    return this.lacks('quantile');
  }

  mean(): Real {
    return NaN;
  }

  var(): Real {
    return NaN;
  }

  maximum(): Real {
    return Infinity;
  }

  protected unconstrainedDraw(rng: Rng): number {
    return -2 + 4 * rng.uniform();
  }
}

class FlatDist extends Improper {
  readonly family = 'Flat';

  logpdf(): Real {
    return 0;
  }

  support(): Support {
    return { kind: 'real' };
  }

  minimum(): Real {
    return -Infinity;
  }

  rand(rng: Rng): number {
    return this.unconstrainedDraw(rng);
  }
}

class FlatPosDist extends Improper {
  readonly family = 'FlatPos';

  constructor(private readonly l: Real) {
    super();
    checkFinite('FlatPos', 'l', l);
  }

  logpdf(x: Real): Real {
    return guardSupport([x, this.l], (v) => (v[0]! > v[1]! ? undefined : -Infinity), () => 0, 'the support check of `FlatPos`');
  }

  support(): Support {
    return { kind: 'lower', lower: this.l };
  }

  minimum(): Real {
    return this.l;
  }

  rand(rng: Rng): number {
    return value(this.l) + Math.exp(this.unconstrainedDraw(rng));
  }
}

export function Flat(): UnivariateDistribution {
  return new FlatDist();
}

export function FlatPos(l: Real): UnivariateDistribution {
  return new FlatPosDist(l);
}
