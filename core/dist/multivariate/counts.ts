import { anyAD, node, valuesOf, type Real, type Recompute } from '../../ad/index.js';
import type { Support } from '../../bijectors/index.js';
import type { Rng } from '../../rng/index.js';
import type { Multivariate } from '../types.js';
import { checkLength, part } from './values.js';

/**
 * Counts of n trials over k categories with one parameter per category (Multinomial's p,
 * DirichletMultinomial's α): what such a family does before its own formula. The log mass is one node
 * on the inputs [x, params]; counts carry no derivative, and the support check (non-negative whole
 * counts summing to n) is part of the rule, so a replay makes it again.
 */
export abstract class CountVector implements Multivariate {
  abstract readonly family: string;
  readonly variate = 'multivariate';
  readonly discrete = true;
  readonly shape: readonly number[];
  /** The parameters' plain values, for `rand` and the sizes. */
  protected readonly paramsV: Float64Array;
  private readonly paramsAD: boolean;

  constructor(
    protected readonly n: number,
    protected readonly params: readonly Real[],
  ) {
    this.shape = [params.length];
    this.paramsV = valuesOf(params);
    this.paramsAD = anyAD(params);
  }

  support(): Support {
    return { kind: 'discrete' };
  }

  /** The number of trials the counts must sum to: what a message about counts that do not needs to say. */
  get trials(): number {
    return this.n;
  }

  logpdf(x: readonly Real[]): Real {
    checkLength(this.family, x, this.paramsV.length);
    const inputs = [...x, ...this.params];
    if (!this.paramsAD && !anyAD(x)) return this.mass(valuesOf(inputs));
    const p = new Float64Array(inputs.length);
    return node(this.mass(valuesOf(inputs), p), inputs, p, this.rule);
  }

  private readonly rule: Recompute = (v, p) => this.mass(v, p);

  /** The log mass on the inputs [x, params], and its partials when `partials` is given. */
  private mass(v: ArrayLike<number>, partials?: Float64Array): number {
    const k = this.paramsV.length;
    const xv = part(v, 0, k);
    partials?.fill(0, 0, 2 * k);
    let total = 0;
    for (const xi of xv) {
      if (!Number.isInteger(xi) || xi < 0) return -Infinity;
      total += xi;
    }
    if (total !== this.n) return -Infinity;
    return this.countMass(xv, part(v, k, 2 * k), partials?.subarray(k, 2 * k));
  }

  /**
   * The family's log mass at counts `x` (checked, summing to n) and parameter values `params`, writing
   * ∂/∂paramsᵢ into `partials[i]` when it is given (zeroed beforehand).
   */
  protected abstract countMass(x: Float64Array, params: Float64Array, partials?: Float64Array): number;

  abstract rand(rng: Rng): Float64Array;
  abstract mean(): Real[];
}
