import type * as A from '../ast.js';
import { JArray, type Value } from '../../model/index.js';
import { builtins } from '../builtins/index.js';
import { COLON, getIndex, type IndexValue } from '../runtime/index.js';
import { forEachChild, forEachStatementExpr } from './walk.js';

/**
 * Calls that take one row whole when a vector of vectors is walked row by row: its extent, `for j in 1:length(y[i])`,
 * or its values, `sum(times[i])`, `maximum(times[i])`: on one element of a matrix Julia's `sum` and `maximum` return
 * that number, so a model meaning rows would fit another model without a word.
 */
const ROW_EXTENTS: ReadonlySet<string> = new Set(['length', 'eachindex', 'axes', 'lastindex', 'sum', 'prod', 'maximum', 'minimum', 'extrema', 'mean', 'enumerate', 'cumsum', 'diff']);

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

const VECTOR_TYPES: ReadonlySet<string> = new Set(['Vector', 'AbstractVector']);

/** `Vector`, `AbstractVector{Float64}` or `<:AbstractVector{T}`: a type whose values are vectors. */
function isVectorType(e: A.Expr): boolean {
  const bare = e.kind === 'unary' && e.op === '<:' ? e.operand : e;
  const name = bare.kind === 'curly' ? bare.target : bare;
  return name.kind === 'ident' && VECTOR_TYPES.has(name.name);
}

/**
 * The arguments declared vectors of vectors, `times::Vector{Vector{Float64}}`: nested JSON rows of equal lengths bind
 * as a matrix, which such a declaration refused though Julia reads those rows as the vectors it names, and a body that
 * only passes `times[i]` whole (`maximum(times[i])`, `saveat=times[i]`) is no row read `rowIndexedNames` could see.
 */
export function declaredVectorsOfVectors(params: readonly A.Param[]): Set<string> {
  const names = new Set<string>();
  for (const p of params) {
    const t = p.type;
    if (t?.kind === 'curly' && t.params.length === 1 && isVectorType(t) && isVectorType(t.params[0]!)) names.add(p.name);
  }
  return names;
}

/**
 * The names a model body reads with a single index, `y[g]`. For data nested three or more levels deep, which binds as
 * an array (`y[s][j][k]` is `y[s, j, k]`), such a read means the g-th slice, as the vector of matrices such data
 * bound as before it was an array: Julia's linear indexing would give one number, and a model written for slices
 * would read single numbers without a word.
 */
export function singleIndexedNames(stmts: readonly A.Stmt[]): Set<string> {
  const names = new Set<string>();
  const visit = (e: A.Expr): void => {
    if (e.kind === 'index' && e.indices.length === 1 && e.target.kind === 'ident') names.add(e.target.name);
    forEachChild(e, visit);
  };
  forEachStatementExpr(stmts, visit);
  return names;
}

/** An array of three or more dimensions as the vector of its slices along the first, `A[g, :, :]` for g = 1, 2, …, frozen as data is. */
function firstDimensionSlices(a: JArray): JArray {
  const colons = a.shape.slice(1).map((): IndexValue => COLON);
  const slices = Array.from({ length: a.shape[0]! }, (_, g) => {
    const slice = getIndex(a, [g + 1, ...colons]) as JArray;
    slice.frozen = true;
    return slice;
  });
  const vector = JArray.vector(slices, 'any');
  vector.frozen = true;
  return vector;
}

/**
 * Data for an argument the model reads row by row or slice by slice: a matrix as the vector of its rows (`eachrow`, kept
 * with the data), a higher-dimensional array as the vector of its slices.
 */
export function asRows(v: Value): Value {
  if (!(v instanceof JArray)) return v;
  if (v.ndims === 2) return builtins.get('eachrow')!.call([v], new Map());
  return v.ndims >= 3 ? firstDimensionSlices(v) : v;
}
