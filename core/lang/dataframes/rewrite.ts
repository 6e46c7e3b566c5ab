import type * as A from '../ast.js';

/**
 * `e` with each subexpression `replace` gives a replacement for replaced, outermost first (a replacement is not
 * walked again: `replace` rewrites inside it itself); `e` itself when nothing is. Walks the expressions a top-level
 * line's value is made of: calls, operators, indexing, fields, tuples and array literals.
 */
export function rewritten(e: A.Expr, replace: (e: A.Expr) => A.Expr | undefined): A.Expr {
  const replaced = replace(e);
  if (replaced !== undefined) return replaced;
  const sub = (x: A.Expr): A.Expr => rewritten(x, replace);
  const all = (xs: A.Expr[]): A.Expr[] => {
    const out = xs.map(sub);
    return out.every((x, i) => x === xs[i]) ? xs : out;
  };
  switch (e.kind) {
    case 'call': {
      const callee = sub(e.callee);
      const args = all(e.args);
      const kwargs = e.kwargs.map((k) => {
        const value = sub(k.value);
        return value === k.value ? k : { ...k, value };
      });
      return callee === e.callee && args === e.args && kwargs.every((k, i) => k === e.kwargs[i]) ? e : { ...e, callee, args, kwargs };
    }
    case 'binary':
    case 'and':
    case 'or': {
      const [left, right] = [sub(e.left), sub(e.right)];
      return left === e.left && right === e.right ? e : { ...e, left, right };
    }
    case 'unary':
    case 'adjoint': {
      const operand = sub(e.operand);
      return operand === e.operand ? e : { ...e, operand };
    }
    case 'compare': {
      const operands = all(e.operands);
      return operands === e.operands ? e : { ...e, operands };
    }
    case 'index': {
      const [target, indices] = [sub(e.target), all(e.indices)];
      return target === e.target && indices === e.indices ? e : { ...e, target, indices };
    }
    case 'field': {
      const target = sub(e.target);
      return target === e.target ? e : { ...e, target };
    }
    case 'tuple':
    case 'array': {
      const items = all(e.items);
      return items === e.items ? e : { ...e, items };
    }
    default:
      return e;
  }
}
