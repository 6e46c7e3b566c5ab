import { backendOf, node, valuesOf, type BlockOp, type Real } from '../../ad/index.js';
import { JArray } from '../../model/index.js';
import { columnDots, rowDots } from './matvec-kernels.js';

interface ConstantRows {
  rows: number;
  cols: number;
  /** Row-major copy, so that each row is a contiguous view: a node's partials with no copy. */
  data: Float64Array;
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
  return { rows, cols, data, block };
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
