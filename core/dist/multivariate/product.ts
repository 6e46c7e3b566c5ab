import { ops, type Real } from '../../ad/index.js';
import type { Support } from '../../bijectors/index.js';
import type { Rng } from '../../rng/index.js';
import { DistributionArgumentError, type Distribution, type Multivariate, type Univariate } from '../types.js';
import { ScalarUnivariate } from '../univariate/index.js';
import { checkLength } from './values.js';

const SCALAR_KINDS: ReadonlySet<Support['kind']> = new Set(['real', 'lower', 'upper', 'interval', 'discrete']);

/**
 * Independent parts laid out column-major, the log density the sum of theirs: univariate parts one per
 * element (a vector or a matrix), or vector-variate parts one per column (DistributionsAD's matrix of
 * multivariates). `family` is the constructor the model used, so errors name what the user wrote.
 */
class ProductDist implements Multivariate {
  readonly variate: 'multivariate' | 'matrixvariate';
  readonly discrete: boolean;
  readonly improper: boolean;
  /** Elements per part: 1 for univariate parts, the column length otherwise. */
  private readonly width: number;
  /** Whether the parts are vector-variate (columns), which a column of length 1 (`MvNormal(zeros(1), I)`) still is. */
  private readonly columns: boolean;
  /** Set when every part is a scalar family, whose log densities then sum in one node. */
  private readonly scalarParts: readonly ScalarUnivariate<readonly number[]>[] | undefined;

  constructor(
    readonly family: string,
    private readonly parts: readonly Distribution[],
    readonly shape: readonly number[],
  ) {
    this.variate = shape.length === 1 ? 'multivariate' : 'matrixvariate';
    this.discrete = parts.some((d) => d.discrete);
    this.improper = parts.some((d) => d.improper === true);
    this.columns = parts[0]?.variate === 'multivariate';
    this.width = this.columns ? parts[0]!.shape[0]! : 1;
    this.scalarParts = parts.every((d) => d instanceof ScalarUnivariate) ? (parts as ScalarUnivariate<readonly number[]>[]) : undefined;
  }

  support(): Support {
    const pieces: Support[] = [];
    let previous: { part: Distribution; support: Support } | undefined;
    for (const part of this.parts) {
      // filldist repeats one distribution: its support is made once, not once an element at every gradient.
      if (previous?.part !== part) previous = { part, support: part.support() };
      const s = previous.support;
      // A column with one scalar support (MvNormal's `real`) spreads it over its elements.
      const copies = this.width > 1 && SCALAR_KINDS.has(s.kind) ? this.width : 1;
      for (let k = 0; k < copies; k++) pieces.push(s);
    }
    if (pieces.every((s) => s.kind === 'real')) return { kind: 'real' };
    if (pieces.every((s) => s.kind === 'discrete')) return { kind: 'discrete' };
    return { kind: 'elementwise', supports: pieces };
  }

  logpdf(x: readonly Real[]): Real {
    const w = this.width;
    checkLength(this.family, x, this.parts.length * w);
    if (this.scalarParts) return ScalarUnivariate.sumLogpdf(this.scalarParts, x);
    const terms = this.columns
      ? this.parts.map((d, j) => (d as Multivariate).logpdf(x.slice(j * w, (j + 1) * w)))
      : this.parts.map((d, i) => (d as Univariate).logpdf(x[i]!));
    return ops.sumOf(terms);
  }

  /** The independent parts and the elements each covers (1, or a column's length), as `independentParts` gives them. */
  independentParts(): { parts: readonly Distribution[]; width: number } {
    return { parts: this.parts, width: this.width };
  }

  rand(rng: Rng): Float64Array {
    const out = new Float64Array(this.parts.length * this.width);
    this.parts.forEach((d, j) => {
      if (this.columns) out.set((d as Multivariate).rand(rng), j * this.width);
      else out[j] = (d as Univariate).rand(rng);
    });
    return out;
  }

  mean(): Real[] {
    return this.parts.flatMap((d) => {
      if (d.variate === 'univariate') return [(d as Univariate).mean()];
      const m = (d as Multivariate).mean;
      if (m === undefined) throw new DistributionArgumentError(this.family, 'mean', `the mean of ${d.family} is not available`);
      return m.call(d);
    });
  }
}

/**
 * The independent parts of a product, column-major: a univariate distribution per element
 * (`filldist(Normal(), n)`, `arraydist(BernoulliLogit.(η))`, width 1) or a vector-variate one per column
 * (`filldist(MvNormal(μ, Σ), n)`, width the column's length); undefined for any other distribution.
 */
export function independentParts(d: Distribution): { parts: readonly Distribution[]; width: number } | undefined {
  return d instanceof ProductDist ? d.independentParts() : undefined;
}

function checkCount(family: string, name: string, n: number): void {
  if (!Number.isInteger(n) || n < 0) throw new DistributionArgumentError(family, name, `${name} must be a non-negative integer, got ${n}`);
}

function isVectorVariate(d: Distribution): boolean {
  return d.variate === 'multivariate' && d.shape.length === 1;
}

/**
 * Turing's `filldist(D, n)` and `filldist(D, n, m)`: n (or n×m) independent copies of a univariate D, or
 * the n×… matrix whose n columns are independent draws of a vector-variate D.
 */
export function filldist(d: Distribution, n: number, m?: number): Multivariate {
  checkCount('filldist', 'n', n);
  if (m !== undefined) checkCount('filldist', 'm', m);
  if (d.variate === 'univariate') return new ProductDist('filldist', new Array<Distribution>(n * (m ?? 1)).fill(d), m === undefined ? [n] : [n, m]);
  if (!isVectorVariate(d) || m !== undefined) {
    throw new DistributionArgumentError('filldist', 'D', `filldist of ${d.family} needs a univariate distribution, or a multivariate one with a single count`);
  }
  return new ProductDist('filldist', new Array<Distribution>(n).fill(d), [d.shape[0]!, n]);
}

/**
 * Turing's `arraydist(ds)`: one independent univariate distribution per element (column-major, `shape`
 * [n] or [r, c], default a vector), or one vector-variate distribution per column of a matrix.
 */
export function arraydist(ds: readonly Distribution[], shape?: readonly number[]): Multivariate {
  return independent('arraydist', ds, shape);
}

/** Distributions' `product_distribution(ds)`: the same as `arraydist`. */
export function product_distribution(ds: readonly Distribution[], shape?: readonly number[]): Multivariate {
  return independent('product_distribution', ds, shape);
}

function independent(family: string, ds: readonly Distribution[], shape: readonly number[] | undefined): Multivariate {
  const fail = (detail: string): never => {
    throw new DistributionArgumentError(family, 'ds', detail);
  };
  if (ds.every((d) => d.variate === 'univariate')) {
    const s = shape ?? [ds.length];
    if (s.length < 1 || s.length > 2 || s.some((k) => !Number.isInteger(k) || k < 0) || s.reduce((a, b) => a * b, 1) !== ds.length) {
      fail(`shape [${s.join(', ')}] does not hold ${ds.length} distributions`);
    }
    return new ProductDist(family, ds, s);
  }
  const k = ds[0]!.shape[0];
  if (!ds.every((d) => isVectorVariate(d) && d.shape[0] === k)) fail('needs univariate distributions, or multivariate ones of one length');
  if (shape !== undefined && (shape.length !== 1 || shape[0] !== ds.length)) fail(`a vector of ${ds.length} multivariate distributions has no shape [${shape.join(', ')}]`);
  return new ProductDist(family, ds, [k!, ds.length]);
}
