import type { Deterministic, Expr, If, Pattern, Stmt, Tilde } from '../ast.js';
import { isKeyword, type Token } from '../token.js';
import { broadcastStmt } from './broadcast.js';
import { parseBegin, parseFor, parseIf, parseLet, parseLocal, parseReturn, parseWhile } from './compound.js';
import { oneLineDefinitionAhead, parseFunction, parseOneLineDefinition } from './definitions.js';
import { controlFollows, parseExpr } from './expressions.js';
import { parseMacroArgument, peekMacro, takeMacro } from './macros.js';
import { ParseAbort, type Parser } from './state.js';
import { openerAt } from './structure.js';
import { unsupportedHint } from './unsupported.js';

/** `a = e`, `a += e`, `a .= e`, `a .+= e`, …: the operator recorded in `Assign.op`. */
const ASSIGNMENTS: ReadonlyMap<string, string> = new Map([
  ['=', ''], ['+=', '+'], ['-=', '-'], ['*=', '*'], ['/=', '/'], ['^=', '^'], ['\\=', '\\'], ['%=', '%'], ['÷=', '÷'],
]);

export function parseStatement(p: Parser): Stmt {
  return p.nest(() => {
    const t = p.peek();
    switch (t.kind === 'keyword' ? t.text : '') {
      case 'for':
        return parseFor(p);
      case 'while':
        return parseWhile(p);
      case 'if':
        return parseIf(p);
      case 'begin':
        return parseBegin(p);
      case 'let':
        return parseLet(p);
      case 'return':
        return parseReturn(p);
      case 'local':
        return parseLocal(p);
      case 'break':
        p.next();
        return { kind: 'break', span: p.span(t.from) };
      case 'continue':
        p.next();
        return { kind: 'continue', span: p.span(t.from) };
      case 'function':
        p.next();
        return rejectNested(p, parseFunction(p, 'function', t));
    }
    const macro = peekMacro(p);
    if (macro) return parseMacroStatement(p, macro);
    if (oneLineDefinitionAhead(p)) return rejectNested(p, parseOneLineDefinition(p, 'function', t));
    if (t.kind === 'ident' && t.text === 'mutable' && isKeyword(p.peek(1), 'struct')) p.next();
    if (openerAt(p.tokens, p.pos) && t.kind === 'ident') p.unexpected('a statement');
    return parseSimpleStatement(p);
  });
}

function rejectNested(p: Parser, def: { name: string; nameSpan: { from: number; to: number } }): never {
  return p.fail(def.nameSpan, `nested function definitions are not supported: define \`${def.name}\` at the top level of the file`);
}

function parseMacroStatement(p: Parser, macro: { token: Token; length: number }): Stmt {
  const from = p.peek().from;
  takeMacro(p, macro);
  if (macro.token.text === 'addlogprob!') {
    const expr = parseMacroArgument(p);
    return { kind: 'addlogprob', expr, span: p.span(from) };
  }
  if (macro.token.text === '.') {
    if (p.peek().kind === 'keyword' && !isKeyword(p.peek(), 'true', 'false')) p.unexpected('an expression, an assignment or a `~` statement after `@.`');
    const s = broadcastStmt(p, p.with({ dotMacro: true }, () => parseSimpleStatement(p)));
    return { ...s, span: p.span(from) };
  }
  p.error(macro.token, unsupportedHint(macro.token, p.peek()) ?? '');
  // `@inbounds for … end`: read the block anyway, so that its `end` does not close the enclosing one.
  if (openerAt(p.tokens, p.pos)) p.quietly(() => p.attempt(() => parseStatement(p)));
  throw new ParseAbort('unsupported macro');
}

/** Expression statements, assignments (also to tuples: `n, d = size(X)`), `~`, `.~` and `:=`. */
export function parseSimpleStatement(p: Parser): Stmt {
  const from = p.peek().from;
  const first = parseExpr(p);
  const lhs = p.atPunct(',') ? parseTupleRest(p, first, from) : first;
  if ((p.atOp('&&') || p.atOp('||')) && controlFollows(p)) return parseGuard(p, lhs, from);
  const t = p.peek();
  const assignment = t.kind === 'op' ? ASSIGNMENTS.get(t.text) : undefined;
  if (t.kind === 'op' && t.text === '~') return parseTilde(p, lhs, t, from);
  if (t.kind === 'op' && t.text === ':=' && !t.dotted) return parseDeterministic(p, lhs, from);
  if (assignment === undefined) return { kind: 'expr', expr: lhs, span: p.span(from) };
  p.next();
  p.skipNewlines();
  const value = parseValue(p);
  if (p.atOp('=')) p.fail(p.peek(), 'chained assignments (`a = b = c`) are not supported');
  const target = toPattern(p, lhs, t.text);
  return { kind: 'assign', target, op: t.dotted ? `.${assignment}` : assignment, value, span: p.span(from) };
}

/** `cond && break`, `cond || continue`, `cond && return x`: Julia's short-circuit control flow, as an `if`. */
function parseGuard(p: Parser, cond: Expr, from: number): If {
  const op = p.next();
  // `a || b && break` means `a || (b && break)`, which an `if` on `a || b` would not express.
  if (op.text === '&&' && cond.kind === 'or') p.fail(cond.span, 'mixing `||` with `&& break`/`continue`/`return` is not supported: write an `if` block');
  const action = parseStatement(p);
  const test: Expr = op.text === '&&' ? cond : { kind: 'unary', op: '!', operand: cond, dotted: false, span: cond.span };
  return { kind: 'if', branches: [{ cond: test, body: [action] }], span: p.span(from) };
}

/** `a, b` after its first element: a tuple without parentheses. */
function parseTupleRest(p: Parser, first: Expr, from: number): Expr {
  const items = [first];
  while (p.atPunct(',')) {
    p.next();
    p.skipNewlines();
    items.push(parseExpr(p));
  }
  return { kind: 'tuple', items, span: p.span(from) };
}

/** A right-hand side or return value, where `a, b` is a tuple. */
export function parseValue(p: Parser): Expr {
  const from = p.peek().from;
  const first = parseExpr(p);
  return p.atPunct(',') ? parseTupleRest(p, first, from) : first;
}

export function parseTilde(p: Parser, lhs: Expr, op: Token, from: number): Tilde {
  if (!isTildeTarget(lhs)) p.fail(lhs.span, 'the left side of `~` must be a variable, an indexed variable or a literal');
  p.next();
  p.skipNewlines();
  const rhs = parseExpr(p);
  return { kind: 'tilde', lhs, rhs, dotted: op.dotted, span: p.span(from) };
}

function isTildeTarget(e: Expr): boolean {
  switch (e.kind) {
    case 'ident':
    case 'index':
    case 'field':
    case 'number':
    case 'array':
    case 'matrix':
      return true;
    case 'unary':
      return e.op === '-' && e.operand.kind === 'number';
    default:
      return false;
  }
}

function parseDeterministic(p: Parser, target: Expr, from: number): Deterministic {
  if (target.kind !== 'ident' && target.kind !== 'index') p.fail(target.span, 'the left side of `:=` must be a name or an indexed name');
  p.next();
  p.skipNewlines();
  const value = parseExpr(p);
  return { kind: 'deterministic', target, value, span: p.span(from) };
}

/** What can be assigned to; a type annotation on a name (`x::Float64 = 0`) is accepted and dropped. */
export function toPattern(p: Parser, e: Expr, op: string): Pattern {
  if (e.kind === 'ident' || e.kind === 'index' || e.kind === 'field') return e;
  if (e.kind === 'typeassert') return toPattern(p, e.expr, op);
  if (e.kind === 'tuple' && op === '=' && e.items.length > 0) return { ...e, items: e.items.map((item) => toPattern(p, item, op)) };
  if (e.kind === 'namedtuple' && op === '=') p.fail(e.span, 'destructuring by field name (`(; a, b) = x`) is not supported: write `a, b = x.a, x.b`');
  const what = op === '=' ? 'a name, an indexed name or a tuple of names' : 'a name or an indexed name';
  return p.fail(e.span, `cannot assign to this: the left side of \`${op}\` must be ${what}`);
}
