import type { Expr, Stmt } from '../ast.js';
import type { Parser } from './state.js';

/**
 * `@. expr` as Julia expands it: every operator and call becomes its broadcast form, except inside
 * `$(…)`, and a call whose callee is `$f` stays a plain call. Ranges, indexing, fields and `&&`/`||`
 * keep their meaning; their operands are rewritten.
 */
export function broadcastExpr(e: Expr): Expr {
  switch (e.kind) {
    case 'binary':
      return { ...e, left: broadcastExpr(e.left), right: broadcastExpr(e.right), dotted: true };
    case 'unary':
      return { ...e, operand: broadcastExpr(e.operand), dotted: true };
    case 'compare':
      return { ...e, operands: e.operands.map(broadcastExpr), dotted: e.ops.map(() => true) };
    case 'call':
      return {
        ...e,
        args: e.args.map(broadcastExpr),
        kwargs: e.kwargs.map((k) => ({ ...k, value: broadcastExpr(k.value) })),
        broadcast: e.callee.kind !== 'interpolate',
      };
    case 'and':
    case 'or':
      return { ...e, left: broadcastExpr(e.left), right: broadcastExpr(e.right) };
    case 'ternary':
      return { ...e, cond: broadcastExpr(e.cond), then: broadcastExpr(e.then), otherwise: broadcastExpr(e.otherwise) };
    case 'index':
      return { ...e, target: broadcastExpr(e.target), indices: e.indices.map(broadcastExpr) };
    case 'range':
      return { ...e, start: broadcastExpr(e.start), stop: broadcastExpr(e.stop), ...(e.step && { step: broadcastExpr(e.step) }) };
    case 'field':
      return { ...e, target: broadcastExpr(e.target) };
    case 'tuple':
    case 'array':
      return { ...e, items: e.items.map(broadcastExpr) };
    case 'namedtuple':
      return { ...e, fields: e.fields.map((f) => ({ ...f, value: broadcastExpr(f.value) })) };
    case 'matrix':
      return { ...e, rows: e.rows.map((row) => row.map(broadcastExpr)) };
    case 'comprehension':
      return { ...e, body: broadcastExpr(e.body) };
    case 'adjoint':
      return { ...e, operand: broadcastExpr(e.operand) };
    case 'splat':
    case 'typeassert':
      return { ...e, expr: broadcastExpr(e.expr) };
    case 'lambda':
      // Julia's `@.` dots the body too: `@. map(v -> v + 1, x)` is `map.(v -> v .+ 1, x)`; it leaves a block body alone.
      return Array.isArray(e.body) ? e : { ...e, body: broadcastExpr(e.body) };
    default:
      // Literals, names, `:`, `end`, curly types, and `$(…)`, which is left unbroadcast.
      return e;
  }
}

/**
 * `@.` in front of a statement: `@. y = f(x)` is `y .= f.(x)`, `@. y += x` is `y .+= x`, and
 * `@. x ~ Normal(μ, σ)` is `x .~ Normal.(μ, σ)` (what DynamicPPL sees after Julia expands the macro).
 */
export function broadcastStmt(p: Parser, s: Stmt): Stmt {
  switch (s.kind) {
    case 'expr':
      return { ...s, expr: broadcastExpr(s.expr) };
    case 'assign':
      return { ...s, value: broadcastExpr(s.value), op: s.op.startsWith('.') ? s.op : `.${s.op}` };
    case 'tilde':
      return { ...s, rhs: broadcastExpr(s.rhs), dotted: true };
    case 'deterministic':
      return { ...s, value: broadcastExpr(s.value) };
    default:
      return p.fail(s.span, '`@.` applies to an expression, an assignment or a `~` statement');
  }
}
