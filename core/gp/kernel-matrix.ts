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

/** K[i, j] = k(x_i, y_j), n×m column-major; `symmetric` (y is x) computes the lower triangle and mirrors it. */
export function kernelValues(k: Kernel, th: ArrayLike<number>, x: ArrayLike<number>, y: ArrayLike<number>, n: number, m: number, d: number, symmetric: boolean, out: Float64Array, at = 0): void {
  for (let j = 0; j < m; j++) {
    for (let i = symmetric ? j : 0; i < n; i++) {
      const v = k.value(th, 0, x, i * d, y, j * d, d);
      out[at + i + j * n] = v;
      if (symmetric) out[at + j + i * n] = v;
    }
  }
}

/**
 * Adds Σᵢⱼ G[i, j] ∂K[i, j] to the hyperparameters' (gth), x's (gx) and y's (gy) adjoints, G n×m
 * column-major at `at`. For a symmetric K each pair is visited once with G[i, j] + G[j, i].
 */
export function kernelAdjoint(
  k: Kernel,
  th: ArrayLike<number>,
  x: ArrayLike<number>,
  y: ArrayLike<number>,
  n: number,
  m: number,
  d: number,
  symmetric: boolean,
  g: ArrayLike<number>,
  at: number,
  gth: Float64Array,
  gx: Float64Array,
  gy: Float64Array,
): void {
  for (let j = 0; j < m; j++) {
    for (let i = symmetric ? j : 0; i < n; i++) {
      const c = symmetric && i !== j ? g[at + i + j * n]! + g[at + j + i * n]! : g[at + i + j * n]!;
      if (c !== 0) k.grad(th, 0, x, i * d, y, j * d, d, c, gth, gx, gy);
    }
  }
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
