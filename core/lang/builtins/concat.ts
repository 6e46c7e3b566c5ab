import { JArray, type Value } from '../../model/index.js';
import { fail } from '../runtime/errors.js';
import { arrayOf, dimsText, elementOf, isArrayValue, product, shapeOfArray } from '../runtime/shape.js';
import { allowKwargs, arg, arity, builtin, type Builtin } from './define.js';
import { dimsFrom } from './dims.js';

/** vcat, hcat (also behind matrix literals `[a b; c d]`), reshape and vec. */

/** One concatenation argument seen as a matrix block; a number is 1×1, a vector a column. */
interface Block {
  rows: number;
  cols: number;
  /** Column-major elements. */
  data: Value[];
  vector: boolean;
}

function elements(v: Value): Value[] {
  return isArrayValue(v) ? Array.from({ length: v.length }, (_, k) => elementOf(v, k)) : [v];
}

function block(name: string, v: Value): Block {
  if (!isArrayValue(v)) return { rows: 1, cols: 1, data: [v], vector: true };
  const shape = shapeOfArray(v);
  if (shape.length > 2) fail(`${name} of ${dimsText(shape)} is not supported`);
  return { rows: shape[0]!, cols: shape[1] ?? 1, data: elements(v), vector: shape.length === 1 };
}

function vcat(args: Value[]): JArray {
  const blocks = args.map((a) => block('vcat', a));
  if (blocks.every((b) => b.vector)) return arrayOf([blocks.reduce((n, b) => n + b.rows, 0)], blocks.flatMap((b) => b.data));
  const cols = blocks[0]!.cols;
  const bad = blocks.find((b) => b.cols !== cols);
  if (bad) fail(`vcat: the arguments have different numbers of columns (${cols} and ${bad.cols})`);
  const rows = blocks.reduce((n, b) => n + b.rows, 0);
  const data: Value[] = [];
  for (let j = 0; j < cols; j++) for (const b of blocks) data.push(...b.data.slice(j * b.rows, (j + 1) * b.rows));
  return arrayOf([rows, cols], data);
}

function hcat(args: Value[]): JArray {
  if (args.length === 0) return JArray.vector([], 'any');
  const blocks = args.map((a) => block('hcat', a));
  const rows = blocks[0]!.rows;
  const bad = blocks.find((b) => b.rows !== rows);
  if (bad) fail(`hcat: the arguments have different numbers of rows (${rows} and ${bad.rows})`);
  return arrayOf([rows, blocks.reduce((n, b) => n + b.cols, 0)], blocks.flatMap((b) => b.data));
}

export const concatBuiltins: Builtin[] = [
  builtin('vcat(xs...)', (args, kwargs) => {
    allowKwargs('vcat', kwargs);
    return vcat(args);
  }),
  builtin('hcat(xs...)', (args, kwargs) => {
    allowKwargs('hcat', kwargs);
    return hcat(args);
  }),
  builtin('reshape(x, dims...)', (args, kwargs) => {
    arity('reshape', args, 2, Infinity);
    allowKwargs('reshape', kwargs);
    const data = elements(arg(args, 0));
    const dims = dimsFrom('reshape', args.slice(1));
    if (product(dims) !== data.length) fail(`reshape: cannot reshape ${data.length} elements into ${dimsText(dims)}`);
    // A copy, not a view: reshaping bound data must not open a way to write into it.
    return arrayOf(dims, data);
  }),
  builtin('vec(x)', (args, kwargs) => {
    arity('vec', args, 1);
    allowKwargs('vec', kwargs);
    const data = elements(arg(args, 0));
    return arrayOf([data.length], data);
  }),
];
