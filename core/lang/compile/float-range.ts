import type * as A from '../ast.js';
import { JRange, ModelError, type Value } from '../../model/index.js';
import { forEachChild, forEachStatementExpr } from './walk.js';

/**
 * Julia's `1:N` with N = 2.5 is the Float64 range 1.0:1.0:2.0, and `y[i]` with its `i` stops with "invalid
 * index: 1.0 of type Float64". Tilde's numbers do not tell 1 from 1.0, so the loop itself checks, once per run
 * of it, that a Float64 range does not give the variable an index of the body uses.
 */

/** Julia's printing of a Float64: `1.0`, `2.5`. */
export function juliaFloat(x: number): string {
  return Number.isInteger(x) ? x.toFixed(1) : String(x);
}

/** `1.0:1.0:2.0`, as Julia prints the range. */
export function floatRangeText(r: JRange): string {
  return `${juliaFloat(r.start)}:${juliaFloat(r.step)}:${juliaFloat(r.last)}`;
}

/** The first index written as the loop variable itself or an offset of it (`y[i]`, `x[i - 1, j]`): where Julia stops. */
function indexBy(name: string, body: readonly A.Stmt[], exprs: readonly A.Expr[]): A.Expr | undefined {
  let found: A.Expr | undefined;
  const isVariable = (e: A.Expr): boolean =>
    (e.kind === 'ident' && e.name === name) || (e.kind === 'binary' && (e.op === '+' || e.op === '-') && (isVariable(e.left) || isVariable(e.right)));
  const visit = (e: A.Expr): void => {
    if (found) return;
    if (e.kind === 'index' && e.indices.some(isVariable)) found = e;
    else forEachChild(e, visit);
  };
  exprs.forEach(visit);
  forEachStatementExpr(body, visit);
  return found;
}

/**
 * A check of what a loop (or comprehension) over `iter` gives its variable (a range gives numbers, so only a
 * name matters), or undefined when the body does not index with it.
 */
export function floatIndexGuard(target: A.Pattern, iter: A.Expr, body: readonly A.Stmt[], exprs: readonly A.Expr[], source: string): ((v: Value) => void) | undefined {
  if (target.kind !== 'ident') return undefined;
  const index = indexBy(target.name, body, exprs);
  if (index === undefined) return undefined;
  const written = source.slice(index.span.from, index.span.to);
  const range = source.slice(iter.span.from, iter.span.to);
  return (v) => {
    if (!(v instanceof JRange) || !v.float || v.length === 0) return;
    const [what, x] = !Number.isInteger(v.stop) ? ['stop', v.stop] : !Number.isInteger(v.start) ? ['start', v.start] : ['step', v.step];
    throw new ModelError(
      `\`${written}\` indexes with a Float64: \`${range}\` is the Float64 range ${floatRangeText(v)}, as its ${what} ${x} is not a whole number, and Julia stops here with "invalid index: ${juliaFloat(v.start)} of type Float64"; give the range integer bounds (an \`Int\` in the data, or \`floor(Int, …)\`)`,
      index.span,
    );
  };
}
