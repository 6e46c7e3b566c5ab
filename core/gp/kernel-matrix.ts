import { backendOf, node, nodeByRule, valuesOf, type BlockOp, type Real, type Recompute } from '../ad/index.js';
import type { Kernel } from './kernel.js';
import type { Points } from './points.js';

/**
 * kernelmatrix(k, x) and kernelmatrix(k, x, y), computed on plain numbers. Where hyperparameters or inputs
 * are AD values the matrix is one block of the reverse tape (Stan Math's multi-output vari), whose backward
 * sweep hands each entry's adjoint to the kernel's `grad`; backends without blocks get a node per entry
 * whose inputs are the hyperparameters and the entry's two points only.
 */

/** The kernel's dimension check against the inputs'. */
export function checkDimension(k: Kernel, x: Points): void {
  if (k.dim !== undefined && k.dim !== x.dim) throw new RangeError(`${k.name} is made for inputs of dimension ${k.dim}, but the inputs have dimension ${x.dim}`);
}

/** Points x of dimension d with their coordinates scaled (x .* f) or divided (x ./ f) by the factors at th[0 …]. */
function transformed(x: Float64Array, d: number, th: Float64Array, ard: boolean, divide: boolean): Float64Array {
  const out = new Float64Array(x.length);
  for (let i = 0; i < x.length; i++) {
    const f = th[ard ? i % d : 0]!;
    out[i] = divide ? x[i]! / f : x[i]! * f;
  }
  return out;
}

/**
 * Adds to the inputs' and the factors' adjoints those of the transformed points (gt, at points t): ∂t/∂x = f or 1/f,
 * ∂t/∂f = x or −t/f.
 */
function transformAdjoint(x: Float64Array, t: Float64Array, gt: Float64Array, d: number, th: Float64Array, ard: boolean, divide: boolean, gx: Float64Array, gth: Float64Array): void {
  for (let i = 0; i < x.length; i++) {
    const q = ard ? i % d : 0;
    const f = th[q]!;
    gx[i]! += divide ? gt[i]! / f : gt[i]! * f;
    gth[q]! += divide ? (-gt[i]! * t[i]!) / f : gt[i]! * x[i]!;
  }
}

/**
 * K[i, j] = k(x_i, y_j), n×m column-major at `at`; `symmetric` (y is x) computes the lower triangle and mirrors it.
 * A scaled kernel and one on transformed inputs are taken apart here, once per matrix: at every pair they cost as
 * much again as the kernel beneath.
 */
export function kernelValues(k: Kernel, th: Float64Array, x: Float64Array, y: Float64Array, n: number, m: number, d: number, symmetric: boolean, out: Float64Array, at = 0): void {
  const w = k.wraps;
  if (w?.kind === 'scale') {
    kernelValues(w.inner, th.subarray(1), x, y, n, m, d, symmetric, out, at);
    for (let i = at; i < at + n * m; i++) out[i]! *= th[0]!;
    return;
  }
  if (w?.kind === 'inputs') {
    const tx = transformed(x, d, th, w.ard, w.divide);
    const ty = symmetric ? tx : transformed(y, d, th, w.ard, w.divide);
    kernelValues(w.inner, th.subarray(w.count), tx, ty, n, m, d, symmetric, out, at);
    return;
  }
  for (let j = 0; j < m; j++) {
    for (let i = symmetric ? j : 0; i < n; i++) {
      const v = k.value(th, 0, x, i * d, y, j * d, d);
      out[at + i + j * n] = v;
      if (symmetric) out[at + j + i * n] = v;
    }
  }
}

/**
 * Adds Σᵢⱼ G[i, j] ∂K[i, j] to the hyperparameters' (gth), x's (gx) and y's (gy) adjoints, G n×m column-major
 * at `at`, and returns Σᵢⱼ G[i, j] K[i, j] (what a scaled kernel's σ² needs). For a symmetric K each pair is
 * visited once with G[i, j] + G[j, i], and gx and gy are one array.
 */
export function kernelAdjoint(
  k: Kernel,
  th: Float64Array,
  x: Float64Array,
  y: Float64Array,
  n: number,
  m: number,
  d: number,
  symmetric: boolean,
  g: Float64Array,
  at: number,
  gth: Float64Array,
  gx: Float64Array,
  gy: Float64Array,
): number {
  const w = k.wraps;
  if (w?.kind === 'scale') {
    const s = th[0]!;
    const scaled = g.slice(at, at + n * m);
    for (let i = 0; i < scaled.length; i++) scaled[i]! *= s;
    // Σ σ²G ⊙ K_inner, so Σ G ⊙ K_inner (σ²'s partial) is it over σ², which the constructor keeps positive.
    const total = kernelAdjoint(w.inner, th.subarray(1), x, y, n, m, d, symmetric, scaled, 0, gth.subarray(1), gx, gy);
    gth[0]! += total / s;
    return total;
  }
  if (w?.kind === 'inputs') {
    const tx = transformed(x, d, th, w.ard, w.divide);
    const ty = symmetric ? tx : transformed(y, d, th, w.ard, w.divide);
    const gtx = new Float64Array(x.length);
    const gty = symmetric ? gtx : new Float64Array(y.length);
    const total = kernelAdjoint(w.inner, th.subarray(w.count), tx, ty, n, m, d, symmetric, g, at, gth.subarray(w.count), gtx, gty);
    transformAdjoint(x, tx, gtx, d, th, w.ard, w.divide, gx, gth);
    if (!symmetric) transformAdjoint(y, ty, gty, d, th, w.ard, w.divide, gy, gth);
    return total;
  }
  let total = 0;
  for (let j = 0; j < m; j++) {
    for (let i = symmetric ? j : 0; i < n; i++) {
      const c = symmetric && i !== j ? g[at + i + j * n]! + g[at + j + i * n]! : g[at + i + j * n]!;
      if (c !== 0) total += c * k.grad(th, 0, x, i * d, y, j * d, d, c, gth, gx, gy);
    }
  }
  return total;
}

/** kernelmatrix(k, x) (y undefined: symmetric) or kernelmatrix(k, x, y): n×m entries, column-major. */
export function kernelMatrix(k: Kernel, x: Points, y?: Points): Real[] {
  checkDimension(k, x);
  if (y !== undefined) {
    checkDimension(k, y);
    if (y.dim !== x.dim) throw new RangeError(`the inputs have dimensions ${x.dim} and ${y.dim}`);
  }
  const symmetric = y === undefined;
  const other = y ?? x;
  const n = x.n;
  const m = other.n;
  const d = x.dim;
  const p = k.params.length;
  const nx = x.values.length;
  const inputs = symmetric ? [...k.params, ...x.values] : [...k.params, ...x.values, ...other.values];
  const xs = valuesOf(inputs);
  const out = new Float64Array(n * m);
  const split = (v: Float64Array) => ({ th: v.subarray(0, p), xv: v.subarray(p, p + nx), yv: symmetric ? v.subarray(p, p + nx) : v.subarray(p + nx) });
  const { th, xv, yv } = split(xs);
  kernelValues(k, th, xv, yv, n, m, d, symmetric, out);
  const backend = backendOf(inputs);
  if (backend === undefined) return Array.from(out);
  if (backend.block !== undefined) {
    const op: BlockOp = {
      forward(v, o, at) {
        const s = split(v);
        kernelValues(k, s.th, s.xv, s.yv, n, m, d, symmetric, o, at);
      },
      backward(v, adjoint, at, adjX) {
        const s = split(v);
        const g = split(adjX);
        kernelAdjoint(k, s.th, s.xv, s.yv, n, m, d, symmetric, adjoint, at, g.th, g.xv, g.yv);
      },
    };
    return backend.block(inputs, op, n * m);
  }
  return entryNodes(k, inputs, xs, out, p, nx, n, m, d, symmetric);
}

/** One node per entry, on the hyperparameters and the entry's two points: for backends without blocks, which replay nothing. */
function entryNodes(k: Kernel, inputs: readonly Real[], xs: Float64Array, out: Float64Array, p: number, nx: number, n: number, m: number, d: number, symmetric: boolean): Real[] {
  const th = xs.subarray(0, p);
  const xv = xs.subarray(p, p + nx);
  const yv = symmetric ? xv : xs.subarray(p + nx);
  const yAt = symmetric ? p : p + nx;
  const gth = new Float64Array(p);
  const ga = new Float64Array(d);
  const gb = new Float64Array(d);
  const entryInputs: Real[] = new Array(p + 2 * d);
  const partials = new Float64Array(p + 2 * d);
  const result: Real[] = new Array(n * m);
  for (let j = 0; j < m; j++) {
    for (let i = 0; i < n; i++) {
      gth.fill(0);
      ga.fill(0);
      gb.fill(0);
      // Each point's partials apart, as the node takes both points as inputs (the same AD value twice on the diagonal, which the node adds).
      k.grad(th, 0, xv.subarray(i * d, i * d + d), 0, yv.subarray(j * d, j * d + d), 0, d, 1, gth, ga, gb);
      for (let q = 0; q < p; q++) entryInputs[q] = inputs[q]!;
      for (let q = 0; q < d; q++) {
        entryInputs[p + q] = inputs[p + i * d + q]!;
        entryInputs[p + d + q] = inputs[yAt + j * d + q]!;
      }
      partials.set(gth, 0);
      partials.set(ga, p);
      partials.set(gb, p + d);
      result[i + j * n] = node(out[i + j * n]!, entryInputs, partials);
    }
  }
  return result;
}

/** kernelmatrix_diag(k, x): k(x_i, x_i) for each point, a node on the hyperparameters and that point. */
export function kernelMatrixDiag(k: Kernel, x: Points): Real[] {
  checkDimension(k, x);
  const p = k.params.length;
  const d = x.dim;
  // The hyperparameters' values at v[0 …] and the point's at v[p …]: one array serves as both, and so do the partials.
  const rule: Recompute = (v, partials) => {
    partials.fill(0, 0, p + d);
    return k.grad(v, 0, v, p, v, p, d, 1, partials, partials, partials);
  };
  return Array.from({ length: x.n }, (_, i) => nodeByRule([...k.params, ...x.values.slice(i * d, i * d + d)], rule));
}
