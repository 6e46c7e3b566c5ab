import type { Real } from '../ad/index.js';
import type { Kernel, Wrapping } from './kernel.js';

/** KernelFunctions' composite kernels: σ² * k, k₁ + k₂, k₁ * k₂ and k ∘ a transform of the inputs. */

/** The input dimension the parts agree on (undefined when none needs one), or an error naming both. */
function commonDim(dims: readonly (number | undefined)[]): number | undefined {
  let dim: number | undefined;
  for (const k of dims) {
    if (k === undefined) continue;
    if (dim !== undefined && dim !== k) throw new RangeError(`the kernels are made for inputs of dimensions ${dim} and ${k}`);
    dim = k;
  }
  return dim;
}

/** σ² · k */
class Scaled implements Kernel {
  readonly name = 'ScaledKernel';
  readonly params: readonly Real[];
  readonly dim: number | undefined;
  readonly wraps: Wrapping;

  constructor(
    variance: Real,
    private readonly inner: Kernel,
  ) {
    this.params = [variance, ...inner.params];
    this.dim = inner.dim;
    this.wraps = { kind: 'scale', inner };
  }

  value(th: ArrayLike<number>, at: number, a: ArrayLike<number>, ia: number, b: ArrayLike<number>, ib: number, d: number): number {
    return th[at]! * this.inner.value(th, at + 1, a, ia, b, ib, d);
  }

  grad(th: ArrayLike<number>, at: number, a: ArrayLike<number>, ia: number, b: ArrayLike<number>, ib: number, d: number, c: number, gth: Float64Array, ga: Float64Array, gb: Float64Array): number {
    const k = this.inner.grad(th, at + 1, a, ia, b, ib, d, c * th[at]!, gth, ga, gb);
    gth[at]! += c * k;
    return th[at]! * k;
  }
}

/** Σ kᵢ or Π kᵢ */
class Combined implements Kernel {
  readonly params: readonly Real[];
  readonly dim: number | undefined;
  private readonly offsets: number[];

  constructor(
    readonly name: 'KernelSum' | 'KernelProduct',
    private readonly parts: readonly Kernel[],
  ) {
    this.params = parts.flatMap((k) => k.params);
    this.dim = commonDim(parts.map((k) => k.dim));
    this.offsets = [];
    let at = 0;
    for (const k of parts) {
      this.offsets.push(at);
      at += k.params.length;
    }
  }

  value(th: ArrayLike<number>, at: number, a: ArrayLike<number>, ia: number, b: ArrayLike<number>, ib: number, d: number): number {
    let v = this.name === 'KernelSum' ? 0 : 1;
    for (let i = 0; i < this.parts.length; i++) {
      const k = this.parts[i]!.value(th, at + this.offsets[i]!, a, ia, b, ib, d);
      v = this.name === 'KernelSum' ? v + k : v * k;
    }
    return v;
  }

  grad(th: ArrayLike<number>, at: number, a: ArrayLike<number>, ia: number, b: ArrayLike<number>, ib: number, d: number, c: number, gth: Float64Array, ga: Float64Array, gb: Float64Array): number {
    const n = this.parts.length;
    if (this.name === 'KernelSum') {
      let v = 0;
      for (let i = 0; i < n; i++) v += this.parts[i]!.grad(th, at + this.offsets[i]!, a, ia, b, ib, d, c, gth, ga, gb);
      return v;
    }
    // Each factor's weight is the product of the others, taken without dividing (a factor may be 0).
    const values = this.parts.map((k, i) => k.value(th, at + this.offsets[i]!, a, ia, b, ib, d));
    for (let i = 0; i < n; i++) {
      let others = c;
      for (let j = 0; j < n; j++) if (j !== i) others *= values[j]!;
      this.parts[i]!.grad(th, at + this.offsets[i]!, a, ia, b, ib, d, others, gth, ga, gb);
    }
    return values.reduce((p, v) => p * v, 1);
  }
}

/**
 * k ∘ ScaleTransform(s) (x ↦ s x), k ∘ ARDTransform(v) (x ↦ v .* x), and `with_lengthscale(k, ℓ)`, which is
 * k ∘ ScaleTransform(1/ℓ) but keeps ℓ itself as the parameter (x ↦ x ./ ℓ), so its partial is ℓ's own.
 */
class Transformed implements Kernel {
  readonly params: readonly Real[];
  readonly dim: number | undefined;
  private ta = new Float64Array(0);
  private tb = new Float64Array(0);
  private gta = new Float64Array(0);
  private gtb = new Float64Array(0);

  readonly wraps: Wrapping;

  constructor(
    private readonly inner: Kernel,
    private readonly factors: readonly Real[],
    private readonly divide: boolean,
    /** One factor per dimension (ARDTransform, a vector of lengthscales), or one for all. */
    private readonly ard: boolean,
  ) {
    this.params = [...factors, ...inner.params];
    this.dim = commonDim([inner.dim, ard ? factors.length : undefined]);
    this.wraps = { kind: 'inputs', inner, count: factors.length, ard, divide };
  }

  get name(): string {
    return this.inner.name;
  }

  /** The transformed points, in the scratch arrays (sized once per dimension). */
  private transform(th: ArrayLike<number>, at: number, a: ArrayLike<number>, ia: number, b: ArrayLike<number>, ib: number, d: number): void {
    if (this.ta.length !== d) {
      this.ta = new Float64Array(d);
      this.tb = new Float64Array(d);
      this.gta = new Float64Array(d);
      this.gtb = new Float64Array(d);
    }
    for (let k = 0; k < d; k++) {
      const f = th[at + (this.ard ? k : 0)]!;
      this.ta[k] = this.divide ? a[ia + k]! / f : a[ia + k]! * f;
      this.tb[k] = this.divide ? b[ib + k]! / f : b[ib + k]! * f;
    }
  }

  value(th: ArrayLike<number>, at: number, a: ArrayLike<number>, ia: number, b: ArrayLike<number>, ib: number, d: number): number {
    this.transform(th, at, a, ia, b, ib, d);
    return this.inner.value(th, at + this.factors.length, this.ta, 0, this.tb, 0, d);
  }

  grad(th: ArrayLike<number>, at: number, a: ArrayLike<number>, ia: number, b: ArrayLike<number>, ib: number, d: number, c: number, gth: Float64Array, ga: Float64Array, gb: Float64Array): number {
    this.transform(th, at, a, ia, b, ib, d);
    const { ta, tb, gta, gtb } = this;
    gta.fill(0);
    gtb.fill(0);
    const v = this.inner.grad(th, at + this.factors.length, ta, 0, tb, 0, d, c, gth, gta, gtb);
    for (let k = 0; k < d; k++) {
      const p = at + (this.ard ? k : 0);
      const f = th[p]!;
      // x/ℓ: ∂/∂x = 1/ℓ and ∂/∂ℓ = −(x/ℓ)/ℓ; s·x: ∂/∂x = s and ∂/∂s = x = (s·x)/s, written without dividing by s.
      const dx = this.divide ? 1 / f : f;
      ga[ia + k]! += gta[k]! * dx;
      gb[ib + k]! += gtb[k]! * dx;
      gth[p]! += this.divide ? (-(gta[k]! * ta[k]! + gtb[k]! * tb[k]!)) / f : gta[k]! * a[ia + k]! + gtb[k]! * b[ib + k]!;
    }
    return v;
  }
}

export const scaledKernel = (variance: Real, k: Kernel): Kernel => new Scaled(variance, k);
export const kernelSum = (parts: readonly Kernel[]): Kernel => new Combined('KernelSum', parts);
export const kernelProduct = (parts: readonly Kernel[]): Kernel => new Combined('KernelProduct', parts);
/** x ↦ x / ℓ, or x ./ ℓ with one lengthscale per dimension (ARD) when ℓ is an array. */
export const withLengthscale = (k: Kernel, lengthscale: Real | readonly Real[]): Kernel =>
  Array.isArray(lengthscale) ? new Transformed(k, lengthscale, true, true) : new Transformed(k, [lengthscale as Real], true, false);
/** x ↦ s x (ScaleTransform), or x .* s with one factor per dimension (ARDTransform) when s is an array. */
export const withScale = (k: Kernel, scale: Real | readonly Real[]): Kernel =>
  Array.isArray(scale) ? new Transformed(k, scale, false, true) : new Transformed(k, [scale as Real], false, false);
