import type * as A from '../ast.js';
import { ModelError, describe, vectorLengths, type Value } from '../../model/index.js';
import { forEachChild, forEachStatementExpr } from './walk.js';

/** Calls that take a dimension: `size(y, 2)` and `axes(y, 2)` ask for a second one. */
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

/**
 * Ragged data read as a matrix is an error naming the argument, its vectors' lengths and the read: Julia gives a
 * BoundsError at `y[g, 2]`, and `y[g, 1]` or `1:size(y, 2)` (which is 1) would quietly read whole vectors instead.
 */
export function checkVectorsReadAsMatrix(source: string, reads: ReadonlyMap<string, A.Expr>, args: ReadonlyMap<string, Value>): void {
  for (const [name, read] of reads) {
    const v = args.get(name);
    if (vectorLengths(v) === undefined) continue;
    throw new ModelError(
      `\`${name}\` is ${describe(v)}, ragged data (Julia's \`Vector{Vector}\`), but \`${source.slice(read.span.from, read.span.to)}\` reads it as a matrix: write \`${name}[g][i]\` for element i of vector g, and \`length(${name}[g])\` for its length`,
      read.span,
    );
  }
}
