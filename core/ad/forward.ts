import { ADNum, value, type NodeFactory, type Real } from './real.js';

/**
 * Forward mode with dual numbers carrying a chunk of partials (ForwardDiff.jl's design): a gradient of
 * n inputs takes ⌈n / chunk⌉ evaluations, each propagating `chunk` directional derivatives at once.
 */
class Dual extends ADNum {
  constructor(
    readonly v: number,
    readonly d: Float64Array,
    readonly backend: ForwardFactory,
  ) {
    super();
  }
}

class ForwardFactory implements NodeFactory {
  constructor(readonly chunk: number) {}

  node(v: number, inputs: readonly Real[], partials: ArrayLike<number>): ADNum {
    const d = new Float64Array(this.chunk);
    for (let i = 0; i < inputs.length; i++) {
      const x = inputs[i]!;
      if (typeof x === 'number') continue;
      const p = partials[i]!;
      if (p === 0) continue;
      const xd = (x as Dual).d;
      for (let k = 0; k < d.length; k++) d[k]! += p * xd[k]!;
    }
    return new Dual(v, d, this);
  }
}

/** ForwardDiff's default: chunks of up to 12, split evenly over the input length. */
export function defaultChunkSize(n: number): number {
  const max = 12;
  if (n <= max) return Math.max(1, n);
  const chunks = Math.ceil(n / max);
  return Math.ceil(n / chunks);
}

export interface GradientResult {
  value: number;
  grad: Float64Array;
}

export function forwardGradient(f: (theta: readonly Real[]) => Real, theta: ArrayLike<number>, chunk = defaultChunkSize(theta.length)): GradientResult {
  const n = theta.length;
  const grad = new Float64Array(n);
  if (n === 0) return { value: value(f([])), grad };
  const factory = new ForwardFactory(chunk);
  let primal = NaN;
  for (let start = 0; start < n; start += chunk) {
    const inputs: Real[] = new Array(n);
    for (let i = 0; i < n; i++) {
      const d = new Float64Array(chunk);
      if (i >= start && i < start + chunk) d[i - start] = 1;
      inputs[i] = new Dual(theta[i]!, d, factory);
    }
    const out = f(inputs);
    primal = value(out);
    if (typeof out !== 'number') {
      const od = (out as Dual).d;
      for (let k = 0; k < chunk && start + k < n; k++) grad[start + k] = od[k]!;
    }
  }
  return { value: primal, grad };
}
