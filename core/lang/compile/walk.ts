import type * as A from '../ast.js';

/** Calls `f` on each expression directly inside `e` (expressions hold no statements). */
export function forEachChild(e: A.Expr, f: (c: A.Expr) => void): void {
  switch (e.kind) {
    case 'call':
      f(e.callee);
      e.args.forEach(f);
      e.kwargs.forEach((k) => f(k.value));
      return;
    case 'binary':
    case 'and':
    case 'or':
      f(e.left);
      f(e.right);
      return;
    case 'unary':
      f(e.operand);
      return;
    case 'compare':
      e.operands.forEach(f);
      return;
    case 'ternary':
      f(e.cond);
      f(e.then);
      f(e.otherwise);
      return;
    case 'index':
      f(e.target);
      e.indices.forEach(f);
      return;
    case 'range':
      f(e.start);
      if (e.step) f(e.step);
      f(e.stop);
      return;
    case 'field':
      f(e.target);
      return;
    case 'tuple':
    case 'array':
      e.items.forEach(f);
      return;
    case 'namedtuple':
      e.fields.forEach((field) => f(field.value));
      return;
    case 'matrix':
      e.rows.forEach((r) => r.forEach(f));
      return;
    case 'comprehension':
      f(e.body);
      e.iterations.forEach((it) => f(it.iter));
      if (e.filter) f(e.filter);
      return;
    case 'adjoint':
      f(e.operand);
      return;
    case 'interpolate':
    case 'splat':
      f(e.expr);
      return;
    case 'curly':
      f(e.target);
      e.params.forEach(f);
      return;
    case 'typeassert':
      f(e.expr);
      return;
    default:
      return;
  }
}

/** Whether `end` appears anywhere in `e`: an index that does not mention it needs no `end` bound. */
export function mentionsEnd(e: A.Expr): boolean {
  if (e.kind === 'end') return true;
  let found = false;
  forEachChild(e, (c) => (found ||= mentionsEnd(c)));
  return found;
}
