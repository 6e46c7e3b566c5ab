import type { Real } from '../ad/index.js';
import { besselKBelowScaled, lgamma } from '../math/index.js';
import { addDifference, squaredDistance, type Kernel } from './kernel.js';

/**
 * KernelFunctions' kernels of the Euclidean distance r = ‖x − x'‖, written as functions of r² so that
 * each derivative is finite where r = 0 (the diagonal) except the exponential kernel's, which has none
 * there and is given 0, the derivative of its constant diagonal.
 */
abstract class Isotropic implements Kernel {
  readonly dim = undefined;

  constructor(
    readonly name: string,
    readonly params: readonly Real[] = [],
  ) {}

  /** κ at r². */
  protected abstract kappa(r2: number, th: ArrayLike<number>, at: number): number;
  /** Adds c · ∂κ/∂θ to gth and returns ∂κ/∂r², given κ's value v there (from which each slope follows without another exp). */
  protected abstract slope(r2: number, v: number, th: ArrayLike<number>, at: number, c: number, gth: Float64Array): number;

  value(th: ArrayLike<number>, at: number, a: ArrayLike<number>, ia: number, b: ArrayLike<number>, ib: number, d: number): number {
    return this.kappa(squaredDistance(a, ia, b, ib, d), th, at);
  }

  grad(th: ArrayLike<number>, at: number, a: ArrayLike<number>, ia: number, b: ArrayLike<number>, ib: number, d: number, c: number, gth: Float64Array, ga: Float64Array, gb: Float64Array): number {
    const r2 = squaredDistance(a, ia, b, ib, d);
    const v = this.kappa(r2, th, at);
    const g = this.slope(r2, v, th, at, c, gth);
    if (g !== 0) addDifference(a, ia, b, ib, d, 2 * c * g, ga, gb);
    return v;
  }
}

/** exp(−r²/2) */
class SqExponential extends Isotropic {
  protected kappa(r2: number): number {
    return Math.exp(-r2 / 2);
  }
  protected slope(_r2: number, v: number): number {
    return -v / 2;
  }
}

/** exp(−r), Matérn ν = 1/2 */
class Exponential extends Isotropic {
  protected kappa(r2: number): number {
    return Math.exp(-Math.sqrt(r2));
  }
  protected slope(r2: number, v: number): number {
    return r2 === 0 ? 0 : -v / (2 * Math.sqrt(r2));
  }
}

const SQRT3 = Math.sqrt(3);
const SQRT5 = Math.sqrt(5);

/** (1 + √3 r) exp(−√3 r) */
class Matern32 extends Isotropic {
  protected kappa(r2: number): number {
    const s = SQRT3 * Math.sqrt(r2);
    return (1 + s) * Math.exp(-s);
  }
  /** −(3/2) exp(−√3 r), which is v / (1 + √3 r) */
  protected slope(r2: number, v: number): number {
    return (-1.5 * v) / (1 + SQRT3 * Math.sqrt(r2));
  }
}

/** (1 + √5 r + 5r²/3) exp(−√5 r) */
class Matern52 extends Isotropic {
  protected kappa(r2: number): number {
    const s = SQRT5 * Math.sqrt(r2);
    return (1 + s + (5 * r2) / 3) * Math.exp(-s);
  }
  /** −(5/6)(1 + √5 r) exp(−√5 r), with exp(−√5 r) = v / (1 + √5 r + 5r²/3) */
  protected slope(r2: number, v: number): number {
    const s = SQRT5 * Math.sqrt(r2);
    return ((-5 / 6) * (1 + s) * v) / (1 + s + (5 * r2) / 3);
  }
}

/**
 * KernelFunctions' MaternKernel of any smoothness ν > 0: 2^(1−ν)/Γ(ν) · s^ν K_ν(s) with s = √(2ν) r, in logs so
 * that neither s^ν nor K_ν overflows alone. ∂κ/∂r² = −ν 2^(1−ν)/Γ(ν) · s^(ν−1) K_(ν−1)(s); at r = 0 its limit
 * −ν/(2(ν − 1)) for ν > 1, and for ν ≤ 1, where it is singular, 0 as the exponential kernel's. K has no closed
 * derivative in its order, so a ν that is a parameter gets ∂κ/∂ν by a central difference (~1e-10 relative).
 */
class Matern extends Isotropic {
  /** ν when it is a number: the kernel then has no parameter, and its gradient no difference to take. */
  private readonly fixed: number | undefined;
  /** The Bessel pair of the last (ν, r²): `grad` asks for κ and then its slope at the same point, which both need it. */
  private last = { nu: NaN, r2: NaN, logBelow: NaN, logAt: NaN };

  constructor(nu: Real) {
    super('MaternKernel', typeof nu === 'number' ? [] : [nu]);
    this.fixed = typeof nu === 'number' ? nu : undefined;
  }

  /** [log K_(ν−1)(s), log K_ν(s)] at s = √(2ν r²), r² > 0. */
  private logBessels(nu: number, r2: number): { logBelow: number; logAt: number } {
    const last = this.last;
    if (last.nu !== nu || last.r2 !== r2) {
      const s = Math.sqrt(2 * nu * r2);
      const [below, at] = besselKBelowScaled(nu, s);
      this.last = { nu, r2, logBelow: Math.log(below) - s, logAt: Math.log(at) - s };
    }
    return this.last;
  }

  private valueAt(nu: number, r2: number): number {
    if (r2 === 0) return 1;
    const logK = this.logBessels(nu, r2).logAt;
    // K_ν overflows only where s is so small that κ is 1 to double precision.
    return Number.isFinite(logK) ? Math.exp(maternLogNorm(nu) + nu * Math.log(Math.sqrt(2 * nu * r2)) + logK) : 1;
  }

  protected kappa(r2: number, th: ArrayLike<number>, at: number): number {
    return this.valueAt(this.fixed ?? th[at]!, r2);
  }

  protected slope(r2: number, _v: number, th: ArrayLike<number>, at: number, c: number, gth: Float64Array): number {
    const nu = this.fixed ?? th[at]!;
    const atZero = nu > 1 ? -nu / (2 * (nu - 1)) : 0;
    let slope = atZero;
    if (r2 !== 0) {
      const { logBelow } = this.logBessels(nu, r2);
      const s = Math.sqrt(2 * nu * r2);
      if (Number.isFinite(logBelow)) slope = -nu * Math.exp(maternLogNorm(nu) + (nu - 1) * Math.log(s) + logBelow);
    }
    if (this.fixed === undefined) {
      const h = 1e-5 * Math.max(1, nu);
      gth[at]! += (c * (this.valueAt(nu + h, r2) - this.valueAt(nu - h, r2))) / (2 * h);
    }
    return slope;
  }
}

const maternLogNorm = (nu: number): number => (1 - nu) * Math.LN2 - lgamma(nu);

/** (1 + r²/(2α))^(−α) */
class RationalQuadratic extends Isotropic {
  protected kappa(r2: number, th: ArrayLike<number>, at: number): number {
    const alpha = th[at]!;
    return Math.pow(1 + r2 / (2 * alpha), -alpha);
  }
  protected slope(r2: number, v: number, th: ArrayLike<number>, at: number, c: number, gth: Float64Array): number {
    const alpha = th[at]!;
    const u = r2 / (2 * alpha);
    gth[at]! += c * v * (u / (1 + u) - Math.log1p(u));
    return (-0.5 * v) / (1 + u);
  }
}

/** exp(−r^γ), γ ∈ (0, 2]: its slope in r² is singular at 0 for γ < 2 and is given 0 there, as the exponential kernel's. */
class GammaExponential extends Isotropic {
  protected kappa(r2: number, th: ArrayLike<number>, at: number): number {
    return Math.exp(-Math.pow(r2, th[at]! / 2));
  }
  protected slope(r2: number, v: number, th: ArrayLike<number>, at: number, c: number, gth: Float64Array): number {
    if (r2 === 0) return 0;
    const half = th[at]! / 2;
    const rg = Math.pow(r2, half);
    gth[at]! -= (c * v * rg * Math.log(r2)) / 2;
    return (-v * half * rg) / r2;
  }
}

export const sqExponentialKernel = (): Kernel => new SqExponential('SqExponentialKernel');
export const exponentialKernel = (): Kernel => new Exponential('ExponentialKernel');
export const matern32Kernel = (): Kernel => new Matern32('Matern32Kernel');
export const matern52Kernel = (): Kernel => new Matern52('Matern52Kernel');
/** MaternKernel(ν = 1/2, 3/2, 5/2) is the exponential, Matern32 and Matern52 kernel, whose closed forms are cheaper. */
export function maternKernel(nu: Real): Kernel {
  if (nu === 0.5) return new Exponential('MaternKernel');
  if (nu === 1.5) return new Matern32('MaternKernel');
  if (nu === 2.5) return new Matern52('MaternKernel');
  return new Matern(nu);
}
export const rationalQuadraticKernel = (alpha: Real): Kernel => new RationalQuadratic('RationalQuadraticKernel', [alpha]);
export const gammaExponentialKernel = (gamma: Real): Kernel => new GammaExponential('GammaExponentialKernel', [gamma]);
