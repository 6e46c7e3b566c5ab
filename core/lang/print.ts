import type { Expr, Iteration, Stmt } from './ast.js';

/**
 * The tree as a Julia-like S-expression (`(call f (+ a b))`): a compact, exact form for tests and
 * debugging, where a JSON dump would bury the shape under spans.
 */
export function printExpr(e: Expr): string {
  const all = (items: Expr[]): string => items.map((item) => ` ${printExpr(item)}`).join('');
  switch (e.kind) {
    case 'number':
      return e.isInteger ? String(e.value) : Number.isInteger(e.value) ? `${e.value}.0` : String(e.value);
    case 'string':
      return JSON.stringify(e.value);
    case 'char':
      return `'${e.value}'`;
    case 'bool':
      return String(e.value);
    case 'symbol':
      return `:${e.name}`;
    case 'ident':
      return e.name;
    case 'call':
      return `(call${e.broadcast ? '.' : ''} ${printExpr(e.callee)}${all(e.args)}${e.kwargs.map((k) => ` (kw ${k.name} ${printExpr(k.value)})`).join('')})`;
    case 'binary':
      return `(${e.dotted ? '.' : ''}${e.op} ${printExpr(e.left)} ${printExpr(e.right)})`;
    case 'unary':
      return `(${e.dotted ? '.' : ''}${e.op} ${printExpr(e.operand)})`;
    case 'compare':
      return `(cmp ${printExpr(e.operands[0] as Expr)}${e.ops.map((op, i) => ` ${e.dotted[i] ? '.' : ''}${op} ${printExpr(e.operands[i + 1] as Expr)}`).join('')})`;
    case 'and':
      return `(&& ${printExpr(e.left)} ${printExpr(e.right)})`;
    case 'or':
      return `(|| ${printExpr(e.left)} ${printExpr(e.right)})`;
    case 'ternary':
      return `(? ${printExpr(e.cond)} ${printExpr(e.then)} ${printExpr(e.otherwise)})`;
    case 'index':
      return `(ref ${printExpr(e.target)}${all(e.indices)})`;
    case 'colon':
      return ':';
    case 'end':
      return 'end';
    case 'range':
      return `(: ${printExpr(e.start)}${e.step ? ` ${printExpr(e.step)}` : ''} ${printExpr(e.stop)})`;
    case 'field':
      return `(. ${printExpr(e.target)} ${e.name})`;
    case 'tuple':
      return `(tuple${all(e.items)})`;
    case 'namedtuple':
      return `(namedtuple${e.fields.map((f) => ` (= ${f.name} ${printExpr(f.value)})`).join('')})`;
    case 'array':
      return `(vect${all(e.items)})`;
    case 'matrix':
      return `(${e.elementType ? `typed_matrix ${printExpr(e.elementType)}` : 'matrix'}${e.rows.map((row) => ` (row${all(row)})`).join('')})`;
    case 'comprehension':
      return `(${e.collect ? 'comprehension' : 'generator'} ${printExpr(e.body)}${e.iterations.map(printIteration).join('')}${e.filter ? ` (if ${printExpr(e.filter)})` : ''})`;
    case 'adjoint':
      return `(' ${printExpr(e.operand)})`;
    case 'blockvalue':
      return `(value ${printStmt(e.block)})`;
    case 'interpolated':
      return `(string${all(e.parts)})`;
    case 'interpolate':
      return `($ ${printExpr(e.expr)})`;
    case 'splat':
      return `(... ${printExpr(e.expr)})`;
    case 'curly':
      return `(curly ${printExpr(e.target)}${all(e.params)})`;
    case 'typeassert':
      return `(:: ${printExpr(e.expr)} ${printExpr(e.type)})`;
    case 'lambda':
      return `(-> (tuple${all(e.params)}) ${Array.isArray(e.body) ? `(block${e.body.map((b) => ` ${printStmt(b)}`).join('')})` : printExpr(e.body)})`;
  }
}

function printIteration(it: Iteration): string {
  return ` (for ${printExpr(it.target)} ${printExpr(it.iter)})`;
}

export function printStmt(s: Stmt): string {
  const body = (stmts: Stmt[]): string => stmts.map((b) => ` ${printStmt(b)}`).join('');
  switch (s.kind) {
    case 'expr':
      return printExpr(s.expr);
    case 'assign':
      return `(${s.op}= ${printExpr(s.target)} ${printExpr(s.value)})`;
    case 'tilde':
      return `(${s.dotted ? '.' : ''}~ ${printExpr(s.lhs)} ${printExpr(s.rhs)})`;
    case 'deterministic':
      return `(:= ${printExpr(s.target)} ${printExpr(s.value)})`;
    case 'addlogprob':
      return `(addlogprob ${printExpr(s.expr)})`;
    case 'for':
      return `(for${s.iterations.map(printIteration).join('')}${body(s.body)})`;
    case 'while':
      return `(while ${printExpr(s.cond)}${body(s.body)})`;
    case 'if':
      return `(if${s.branches.map((b) => ` ${printExpr(b.cond)} (block${body(b.body)})`).join('')}${s.otherwise ? ` (else${body(s.otherwise)})` : ''})`;
    case 'block':
      return s.scoped ? `(let (${s.bindings.map(printStmt).join(' ')})${body(s.body)})` : `(block${body(s.body)})`;
    case 'return':
      return s.value ? `(return ${printExpr(s.value)})` : '(return)';
    case 'break':
    case 'continue':
      return `(${s.kind})`;
    case 'local':
      return `(local${s.names.map((n) => ` ${n.name}`).join('')}${s.init ? ` ${printStmt(s.init)}` : ''})`;
  }
}
