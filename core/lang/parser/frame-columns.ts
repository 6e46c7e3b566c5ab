import type { Expr, Ident } from '../ast.js';
import type { Span } from '../../model/index.js';
import { callNamed } from './expressions.js';

/** What DataFramesMeta's macros are made of: their arguments, the columns an expression names, and a refusal that says why. */

/** A macro Tilde does not read, compiled to a call that fails with why: the line that uses it then says so where it runs. */
export const REFUSED_MACRO = '⟨refused macro⟩';

/** One argument of a verb: `:z = :x .+ 1` (a target and its value), `:a`, or `@byrow :z = :x + 1`. */
export interface Argument {
  target?: Expr;
  value: Expr;
  byRow: boolean;
  /** The columns an `@eachrow` block makes (`@newcol z::Vector{Float64}`). */
  made?: Expr[];
  /** `@passmissing`: a row with a `missing` cell gives `missing` without calling the function. */
  passMissing?: boolean;
  /** `@kwarg view = true`, a block's line that is a keyword argument of the DataFrames call. */
  keyword?: true;
}

/**
 * A call that fails with `message` where it runs: a script's top-level line is read quietly, and one that cannot be
 * read is ignored without its reason, where a line that fails says why.
 */
export function failing(message: string, span: Span, at: Span = span): Expr {
  return callNamed(REFUSED_MACRO, [{ kind: 'string', value: message, span }], span, at);
}

/** `node` with each syntax node that `replace` gives a replacement for replaced, at any depth (a replacement is not walked). */
export function mapped<T>(node: T, replace: (n: Expr) => Expr | undefined): T {
  if (Array.isArray(node)) return node.map((x: unknown) => mapped(x, replace)) as T;
  if (node === null || typeof node !== 'object') return node;
  if ('kind' in node) {
    const r = replace(node as unknown as Expr);
    if (r !== undefined) return r as T;
  }
  return Object.fromEntries(Object.entries(node).map(([k, v]) => [k, mapped(v, replace)])) as T;
}

/** The columns an expression names, each once, as parameters that `use` makes what stands for them in its body (the column, or its cell). */
export function columnReferences(value: Expr, use: (param: Ident) => Expr, span = value.span): { sources: Expr; params: Ident[]; body: Expr } {
  const sources: Expr[] = [];
  const params: Ident[] = [];
  const byName = new Map<string, Ident>();
  const param = (source: Expr, name?: string): Ident => {
    const known = name === undefined ? undefined : byName.get(name);
    if (known) return known;
    const id: Ident = { kind: 'ident', name: `⟨column ${params.length + 1}⟩`, span: source.span };
    sources.push(source);
    params.push(id);
    if (name !== undefined) byName.set(name, id);
    return id;
  };
  const body = mapped(value, (n) => {
    if (n.kind === 'symbol') return use(param(n, n.name));
    const named = namedColumn(n);
    if (named !== undefined) return use(param(named));
    const escaped = n.kind === 'call' && n.callee.kind === 'ident' && n.callee.name === '^' && n.args.length === 1 && n.args[0]!.kind === 'symbol';
    return escaped ? n.args[0] : undefined;
  });
  return { sources: { kind: 'array', items: sources, span }, params, body };
}

/** The column a value names: `$col`, `$"name"`, and DataFramesMeta's older `cols(col)`. */
export function namedColumn(e: Expr): Expr | undefined {
  if (e.kind === 'interpolate') return e.expr;
  return e.kind === 'call' && e.callee.kind === 'ident' && e.callee.name === 'cols' && e.args.length === 1 ? e.args[0] : undefined;
}
