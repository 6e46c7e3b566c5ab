import type * as A from '../ast.js';
import { JArray, type Value } from '../../model/index.js';
import { builtins } from '../builtins/index.js';
import { forEachChild, forEachStatementExpr } from './walk.js';

/** Calls that read one row's extent when a vector of vectors is walked row by row: `for j in 1:length(y[i])`. */
const ROW_EXTENTS: ReadonlySet<string> = new Set(['length', 'eachindex', 'axes', 'lastindex']);

/**
 * The names a model body reads as vectors of vectors: `y[i][j]`, `length(y[i])`. Julia's `Vector{Vector{Float64}}`
 * reaches Tilde as nested JSON rows, which bind as a matrix, where `y[i]` is one element: such a model (Turing
 * issue #868's `y[i][j] ~ Normal(μ[i], s)`) would read one number per i and fit another model without a word.
 */
export function rowIndexedNames(stmts: readonly A.Stmt[]): Set<string> {
  const names = new Set<string>();
  const rowOf = (e: A.Expr | undefined): string | undefined => (e?.kind === 'index' && e.indices.length === 1 && e.target.kind === 'ident' ? e.target.name : undefined);
  const visit = (e: A.Expr): void => {
    const row = e.kind === 'index' ? rowOf(e.target) : e.kind === 'call' && e.callee.kind === 'ident' && ROW_EXTENTS.has(e.callee.name) ? rowOf(e.args[0]) : undefined;
    if (row !== undefined) names.add(row);
    forEachChild(e, visit);
  };
  forEachStatementExpr(stmts, visit);
  return names;
}

/** A matrix given for an argument the model reads row by row, as the vector of its rows (`eachrow`, kept with the data). */
export function asRows(v: Value): Value {
  return v instanceof JArray && v.ndims === 2 ? builtins.get('eachrow')!.call([v], new Map()) : v;
}
