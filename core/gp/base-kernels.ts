import type { Real } from '../ad/index.js';
import { dotProduct, type Kernel } from './kernel.js';

/** KernelFunctions' kernels that are not functions of the distance: dot products, constants, white noise, periodic. */

/** Adds c·g·b to ga and c·g·a to gb: the gradient of a function of a ⋅ b with derivative g. */
function addDot(a: ArrayLike<number>, ia: number, b: ArrayLike<number>, ib: number, d: number, cg: number, ga: Float64Array, gb: Float64Array): void {
  for (let k = 0; k < d; k++) {
    const ak = a[ia + k]!;
    const bk = b[ib + k]!;
    ga[ia + k]! += cg * bk;
    gb[ib + k]! += cg * ak;
  }
}

/** (a ⋅ b + c)^degree; the linear kernel is degree 1. */
class Polynomial implements Kernel {
  readonly dim = undefined;

  constructor(
    readonly name: string,
    readonly params: readonly Real[],
    private readonly degree: number,
  ) {}

  value(th: ArrayLike<number>, at: number, a: ArrayLike<number>, ia: number, b: ArrayLike<number>, ib: number, d: number): number {
    const s = dotProduct(a, ia, b, ib, d) + th[at]!;
    return this.degree === 1 ? s : Math.pow(s, this.degree);
  }

  grad(th: ArrayLike<number>, at: number, a: ArrayLike<number>, ia: number, b: ArrayLike<number>, ib: number, d: number, c: number, gth: Float64Array, ga: Float64Array, gb: Float64Array): number {
    const p = this.degree;
    const s = dotProduct(a, ia, b, ib, d) + th[at]!;
    const g = p === 1 ? 1 : p * Math.pow(s, p - 1);
    gth[at]! += c * g;
    addDot(a, ia, b, ib, d, c * g, ga, gb);
    return p === 1 ? s : Math.pow(s, p);
  }
}

/** c everywhere (the zero kernel has no parameter and is 0). */
class Constant implements Kernel {
  readonly dim = undefined;

  constructor(
    readonly name: string,
    readonly params: readonly Real[],
  ) {}

  value(th: ArrayLike<number>, at: number): number {
    return this.params.length === 0 ? 0 : th[at]!;
  }

  grad(th: ArrayLike<number>, at: number, _a: ArrayLike<number>, _ia: number, _b: ArrayLike<number>, _ib: number, _d: number, c: number, gth: Float64Array): number {
    if (this.params.length === 0) return 0;
    gth[at]! += c;
    return th[at]!;
  }
}

/** δ(a, b): 1 where the two points are equal. */
class White implements Kernel {
  readonly name = 'WhiteKernel';
  readonly params: readonly Real[] = [];
  readonly dim = undefined;

  value(_th: ArrayLike<number>, _at: number, a: ArrayLike<number>, ia: number, b: ArrayLike<number>, ib: number, d: number): number {
    for (let k = 0; k < d; k++) if (a[ia + k] !== b[ib + k]) return 0;
    return 1;
  }

  grad(th: ArrayLike<number>, at: number, a: ArrayLike<number>, ia: number, b: ArrayLike<number>, ib: number, d: number): number {
    return this.value(th, at, a, ia, b, ib, d);
  }
}

/** exp(−½ Σₖ (sin(π(aₖ − bₖ)) / rₖ)²), one rₖ per input dimension. */
class Periodic implements Kernel {
  readonly name = 'PeriodicKernel';

  constructor(readonly params: readonly Real[]) {}

  get dim(): number {
    return this.params.length;
  }

  value(th: ArrayLike<number>, at: number, a: ArrayLike<number>, ia: number, b: ArrayLike<number>, ib: number, d: number): number {
    let s = 0;
    for (let k = 0; k < d; k++) {
      const t = Math.sin(Math.PI * (a[ia + k]! - b[ib + k]!)) / th[at + k]!;
      s += t * t;
    }
    return Math.exp(-s / 2);
  }

  grad(th: ArrayLike<number>, at: number, a: ArrayLike<number>, ia: number, b: ArrayLike<number>, ib: number, d: number, c: number, gth: Float64Array, ga: Float64Array, gb: Float64Array): number {
    const v = this.value(th, at, a, ia, b, ib, d);
    const cv = c * v;
    for (let k = 0; k < d; k++) {
      const r = th[at + k]!;
      const angle = Math.PI * (a[ia + k]! - b[ib + k]!);
      const t = Math.sin(angle) / r;
      gth[at + k]! += (cv * t * t) / r;
      const g = (-cv * t * Math.cos(angle) * Math.PI) / r;
      ga[ia + k]! += g;
      gb[ib + k]! -= g;
    }
    return v;
  }
}

export const linearKernel = (c: Real): Kernel => new Polynomial('LinearKernel', [c], 1);
export const polynomialKernel = (degree: number, c: Real): Kernel => new Polynomial('PolynomialKernel', [c], degree);
export const constantKernel = (c: Real): Kernel => new Constant('ConstantKernel', [c]);
export const zeroKernel = (): Kernel => new Constant('ZeroKernel', []);
export const whiteKernel = (): Kernel => new White();
export const periodicKernel = (r: readonly Real[]): Kernel => new Periodic(r);
