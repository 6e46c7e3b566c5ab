import { ADNum, backendOf, node, valuesOf, type BlockOp, type Real } from '../../ad/index.js';
import { JArray, type Value } from '../../model/index.js';
import { columnDots, rowDots } from './matvec-kernels.js';
import { RowVector } from './special-arrays.js';
import { distinctInputs } from './broadcast-arithmetic.js';

interface ConstantRows {
  rows: number;
  cols: number;
  /** Row-major copy, so that each row is a contiguous view: a node's partials with no copy. */
  data: Float64Array;
  /** Column-major, as bound: the backward sweep's Xᵀ ȳ reads down columns. */
  columns: Float64Array;
  /** The whole product as one entry, for backends that take blocks: y = X β forward, β̄ += Xᵀ ȳ backward. */
  block: BlockOp;
}

/** Bound data never changes (it is frozen), so its numeric form is worked out once per data set. */
const cache = new WeakMap<JArray, ConstantRows | null>();

function constantRows(a: JArray): ConstantRows | null {
  if (!a.frozen) return numericRows(a);
  let entry = cache.get(a);
  if (entry === undefined) cache.set(a, (entry = numericRows(a)));
  return entry;
}

/** The matrix's numeric form, or null when it holds AD values. */
function numericRows(a: JArray): ConstantRows | null {
  if (!a.data.every((x) => typeof x === 'number')) return null;
  const [rows, cols] = a.shape as [number, number];
  const data = new Float64Array(rows * cols);
  for (let i = 0; i < rows; i++) for (let j = 0; j < cols; j++) data[i * cols + j] = a.data[i + j * rows] as number;
  const columns = Float64Array.from(a.data as number[]);
  const block: BlockOp = {
    linear: true,
    forward: (x, out, at) => rowDots(data, rows, cols, x, out, at),
    backward: (_x, adjoint, at, adjX) => columnDots(columns, rows, cols, adjoint, at, adjX),
  };
  return { rows, cols, data, columns, block };
}

/**
 * `X * β` with X numbers (β plain or holding AD values) — the linear predictor of every regression: one
 * block where the backend takes blocks (the reverse tape, also when compiled), else one node per row
 * whose inputs are β itself and whose partials are the row of X. Bound data's form is kept, so nothing is
 * copied per evaluation; a design matrix the model builds from data (`X = hcat(d, a, d .* a)`) is read
 * anew, and still made one block: a node per row cost a compiled tape a linear node each way per
 * observation (posteriordb's wells, 3020 rows, took ~5× Stan's gradient). Returns undefined when the fast
 * path does not apply.
 */
export function constantMatVec(a: JArray, b: readonly Real[]): Real[] | undefined {
  if (a.ndims !== 2) return undefined;
  const rows = constantRows(a);
  if (!rows || rows.cols !== b.length) return undefined;
  const { cols, data, block } = rows;
  const backend = backendOf(b);
  if (backend?.block !== undefined) return backend.block(b, block, rows.rows);
  const x = valuesOf(b);
  const products = new Float64Array(rows.rows);
  rowDots(data, rows.rows, cols, x, products, 0);
  if (backend === undefined) return Array.from(products);
  const out: Real[] = new Array(rows.rows);
  // Only backends without blocks come here, and none of them replays a node.
  for (let i = 0; i < rows.rows; i++) out[i] = node(products[i]!, b, data.subarray(i * cols, (i + 1) * cols));
  return out;
}

/** The scalar or vector `a` of `a .+ X * β` as plain elements, or undefined when it is neither. */
function offsetOf(a: Value, rows: number): readonly Real[] | undefined {
  if (typeof a === 'number' || a instanceof ADNum) return [a];
  if (!(a instanceof JArray) || a instanceof RowVector || a.ndims !== 1 || a.length !== rows) return undefined;
  return a.data.every((x) => typeof x === 'number' || x instanceof ADNum) ? (a.data as Real[]) : undefined;
}

/**
 * `a .+ X * β` (or `X * β .+ a`), a scalar or a vector `a` (`α`, `α[g]`) and X numbers, as one block of the
 * reverse tape: y = X β + a forward, β̄ += Xᵀ ȳ and ā += ȳ backward. Two blocks (the product, then the sum)
 * copied every predictor in and out of the tape twice more: a hierarchical regression's compiled gradient
 * spent a quarter of its time there. The same sums in the same order as the two, so the same values.
 * Undefined where the fast path does not apply (another backend, other shapes): the caller computes the two.
 */
export function constantAffine(a: Value, x: JArray, b: Value): JArray | undefined {
  if (x.ndims !== 2 || x instanceof RowVector || !(b instanceof JArray) || b instanceof RowVector || b.ndims !== 1) return undefined;
  const beta = b.data;
  if (!beta.every((v) => typeof v === 'number' || v instanceof ADNum)) return undefined;
  const rows = constantRows(x);
  if (!rows || rows.cols !== beta.length) return undefined;
  const offset = offsetOf(a, rows.rows);
  if (offset === undefined) return undefined;
  const backend = backendOf(beta as Real[]) ?? backendOf(offset);
  if (backend?.block === undefined) return undefined;
  const { cols, data, columns } = rows;
  const n = rows.rows;
  // The offset's distinct values after β's: α[g] over a thousand rows of twenty groups is twenty inputs.
  const { inputs: distinct, at: among } = distinctInputs(offset);
  const at = among.map((k) => cols + k);
  const stride = offset.length === 1 ? 0 : 1;
  const op: BlockOp = {
    linear: true,
    forward(xs, out, first) {
      rowDots(data, n, cols, xs, out, first);
      for (let i = 0; i < n; i++) out[first + i] = xs[at[i * stride]!]! + out[first + i]!;
    },
    backward(_xs, adjoint, first, adjX) {
      columnDots(columns, n, cols, adjoint, first, adjX);
      if (stride === 1) {
        for (let i = 0; i < n; i++) adjX[at[i]!]! += adjoint[first + i]!;
        return;
      }
      // A scalar's adjoint summed in a local and added once, as the sum's block does it.
      let sum = 0;
      for (let i = 0; i < n; i++) sum += adjoint[first + i]!;
      adjX[at[0]!]! += sum;
    },
  };
  return JArray.vector(backend.block([...(beta as Real[]), ...distinct], op, n), 'float');
}
