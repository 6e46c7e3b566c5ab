import { ops, type Real } from '../../ad/index.js';
import { UnivariateDistribution } from './base.js';
import { checkFinite, checkJointly } from './check.js';
import { checkInterval, IntervalUnivariate } from './interval.js';

type P = readonly [a: number, b: number, c: number];

const modeInside = (v: ArrayLike<number>): boolean => v[0]! <= v[2]! && v[2]! <= v[1]!;
const modeOutside = (v: ArrayLike<number>): string => `the mode c must be in [a, b], got a = ${v[0]}, b = ${v[1]}, c = ${v[2]}`;

/**
 * TriangularDist(a, b, c): lower limit a, upper limit b, mode c. Below the mode F = (x − a)²/((b − a)(c − a))
 * and F/f = (x − a)/2; above it 1 − F = (b − x)²/((b − a)(b − c)) and (1 − F)/f = (b − x)/2, which give
 * the cdf partials g = (∂F/∂θ)/f in closed form on each side.
 */
class TriangularDistribution extends IntervalUnivariate<P> {
  readonly family = 'TriangularDist';

  constructor(
    a: Real,
    b: Real,
    private readonly c: Real,
  ) {
    const f = 'TriangularDist';
    const [av, bv] = checkInterval(f, a, b);
    const cv = checkFinite(f, 'c', c);
    checkJointly(f, 'c', [a, b, c], modeInside, modeOutside);
    super([a, b, c], [av, bv, cv]);
  }

  /** Distributions.jl's branches: x = c on its own, so that c = a or c = b gives 2/(b − a) there rather than 0/0. */
  protected lpdf(x: number, [a, b, c]: P): number {
    if (x < a || x > b) return -Infinity;
    if (x < c) return Math.log((2 * (x - a)) / ((b - a) * (c - a)));
    if (x > c) return Math.log((2 * (b - x)) / ((b - a) * (b - c)));
    return Math.log(2 / (b - a));
  }

  protected lpdfGrad(x: number, [a, b, c]: P): ArrayLike<number> {
    if (x < c) return [1 / (x - a), -1 / (x - a) + 1 / (b - a) + 1 / (c - a), -1 / (b - a), -1 / (c - a)];
    if (x > c) return [-1 / (b - x), 1 / (b - a), 1 / (b - x) - 1 / (b - a) - 1 / (b - c), 1 / (b - c)];
    return [0, 1 / (b - a), -1 / (b - a), 0];
  }

  /** Whether x is on the rising side, where the cdf is formed directly (the falling side forms 1 − F). */
  private rising(x: number, [a, , c]: P): boolean {
    return x < c || (x === c && c > a);
  }

  protected lcdf(x: number, θ: P): number {
    const [a, b, c] = θ;
    if (x <= a) return -Infinity;
    if (x >= b) return 0;
    if (this.rising(x, θ)) return 2 * Math.log(x - a) - Math.log(b - a) - Math.log(c - a);
    return Math.log1p(-((b - x) * (b - x)) / ((b - a) * (b - c)));
  }

  protected lccdf(x: number, θ: P): number {
    const [a, b, c] = θ;
    if (x <= a) return 0;
    if (x >= b) return -Infinity;
    if (!this.rising(x, θ)) return 2 * Math.log(b - x) - Math.log(b - a) - Math.log(b - c);
    return Math.log1p(-((x - a) * (x - a)) / ((b - a) * (c - a)));
  }

  protected cdfGrad(x: number, θ: P): readonly number[] {
    const [a, b, c] = θ;
    if (this.rising(x, θ)) {
      const h = (x - a) / 2;
      return [-1 + h / (b - a) + h / (c - a), -h / (b - a), -h / (c - a)];
    }
    const h = (b - x) / 2;
    return [-h / (b - a), -1 + h / (b - a) + h / (b - c), -h / (b - c)];
  }

  protected quantileOf(p: number): number {
    const [a, b, c] = this.θ;
    return p <= (c - a) / (b - a) ? a + Math.sqrt((b - a) * (c - a) * p) : b - Math.sqrt((b - a) * (b - c) * (1 - p));
  }

  protected override cquantileOf(q: number): number {
    const [a, b, c] = this.θ;
    return q <= (b - c) / (b - a) ? b - Math.sqrt((b - a) * (b - c) * q) : a + Math.sqrt((b - a) * (c - a) * (1 - q));
  }

  /** (a + b + c)/3 */
  mean(): Real {
    return ops.div(ops.add(ops.add(this.a, this.b), this.c), 3);
  }

  /** (a² + b² + c² − ab − ac − bc)/18 */
  var(): Real {
    const { a, b, c } = this;
    const squares = ops.add(ops.add(ops.abs2(a), ops.abs2(b)), ops.abs2(c));
    const products = ops.add(ops.add(ops.mul(a, b), ops.mul(a, c)), ops.mul(b, c));
    return ops.div(ops.sub(squares, products), 18);
  }
}

/** TriangularDist(a, b) has its mode at the midpoint (a + b)/2. */
export function TriangularDist(a: Real, b: Real, c?: Real): UnivariateDistribution {
  return new TriangularDistribution(a, b, c ?? ops.mul(ops.add(a, b), 0.5));
}
