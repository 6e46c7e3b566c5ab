import type * as A from '../ast.js';
import { JArray, ModelError, type Value } from '../../model/index.js';
import { forEachChild, forEachStatementExpr } from './walk.js';

/** Calls that ask an argument for a second dimension: `size(y, 2)`, `axes(y, 2)`, `eachcol(y)`. */
const BY_DIMENSION: ReadonlySet<string> = new Set(['size', 'axes']);

/** Where a model body first reads each name as a matrix: `y[g, i]`, `size(y, 2)`, `eachcol(y)`. */
export function matrixReads(stmts: readonly A.Stmt[]): Map<string, A.Expr> {
  const reads = new Map<string, A.Expr>();
  const nameOf = (e: A.Expr | undefined): string | undefined => (e?.kind === 'ident' ? e.name : undefined);
  const visit = (e: A.Expr): void => {
    let name: string | undefined;
    if (e.kind === 'index' && e.indices.length >= 2) name = nameOf(e.target);
    else if (e.kind === 'call' && e.callee.kind === 'ident') {
      const dimension = e.args[1];
      if (BY_DIMENSION.has(e.callee.name) && dimension?.kind === 'number' && dimension.value >= 2) name = nameOf(e.args[0]);
      else if (e.callee.name === 'eachcol') name = nameOf(e.args[0]);
    }
    if (name !== undefined && !reads.has(name)) reads.set(name, e);
    forEachChild(e, visit);
  };
  forEachStatementExpr(stmts, visit);
  return reads;
}

/** A vector whose elements are all vectors: how ragged rows in JSON data (Julia's `Vector{Vector{Float64}}`) bind. */
function vectorLengths(v: Value | undefined): number[] | undefined {
  if (!(v instanceof JArray) || v.ndims !== 1 || v.length === 0) return undefined;
  const lengths = v.data.map((x) => (x instanceof JArray && x.ndims === 1 ? x.length : -1));
  return lengths.includes(-1) ? undefined : lengths;
}

const SHOWN_LENGTHS = 10;

/**
 * Ragged data read as a matrix is an error naming the argument, its vectors' lengths and the read: Julia gives a
 * BoundsError at `y[g, 2]`, and `y[g, 1]` or `1:size(y, 2)` (which is 1) would quietly read whole vectors instead.
 */
export function checkVectorsReadAsMatrix(source: string, reads: ReadonlyMap<string, A.Expr>, args: ReadonlyMap<string, Value>): void {
  for (const [name, read] of reads) {
    const lengths = vectorLengths(args.get(name));
    if (lengths === undefined) continue;
    const shown = lengths.slice(0, SHOWN_LENGTHS).join(', ') + (lengths.length > SHOWN_LENGTHS ? ', …' : '');
    throw new ModelError(
      `\`${name}\` is a vector of ${lengths.length} vectors, of lengths ${shown} (ragged data, Julia's \`Vector{Vector}\`), but \`${source.slice(read.span.from, read.span.to)}\` reads it as a matrix: write \`${name}[g][i]\` for element i of vector g, and \`length(${name}[g])\` for its length`,
      read.span,
    );
  }
}
