import type { Assign, Block, Deterministic, Expr, For, Ident, If, Local, Return, Stmt, Tilde, While } from '../ast.js';
import { broken, endsStatement, parseBody, parseEndBlock } from './blocks.js';
import { parseExpr } from './expressions.js';
import { parseHeader } from './header-colon.js';
import { parseIterations } from './iterations.js';
import type { Parser } from './state.js';
import { parseDeterministic, parseSimpleStatement, parseTilde, parseTildeCall, parseValue, tildeCallAhead, toPattern } from './statements.js';

/*
 * Statements with a body. A broken header is reported and skipped, and the body is still parsed,
 * so that its `end` closes this block rather than the enclosing one.
 */

export function parseFor(p: Parser): For {
  const keyword = p.next();
  const iterations = parseHeader(p, keyword, (h) => parseIterations(h)) ?? [];
  const body = parseEndBlock(p, { token: keyword, what: 'the `for` loop' });
  return { kind: 'for', iterations, body, span: p.span(keyword.from) };
}

export function parseWhile(p: Parser): While {
  const keyword = p.next();
  const cond = parseHeader(p, keyword, (h) => parseExpr(h)) ?? broken(p, keyword.from);
  const body = parseEndBlock(p, { token: keyword, what: 'the `while` loop' });
  return { kind: 'while', cond, body, span: p.span(keyword.from) };
}

export function parseIf(p: Parser): If {
  const keyword = p.next();
  const opener = { token: keyword, what: 'the `if` block' };
  const branches: If['branches'] = [];
  for (let clause = keyword; ; ) {
    const cond = parseHeader(p, clause, (h) => parseExpr(h)) ?? broken(p, clause.from);
    const { body, closed } = parseBody(p, opener, ['end', 'else', 'elseif']);
    branches.push({ cond, body });
    if (!closed) break;
    clause = p.next();
    if (clause.text === 'elseif') continue;
    if (clause.text === 'else') {
      const otherwise = parseEndBlock(p, opener);
      return { kind: 'if', branches, otherwise, span: p.span(keyword.from) };
    }
    break;
  }
  return { kind: 'if', branches, span: p.span(keyword.from) };
}

export function parseBegin(p: Parser): Block {
  const keyword = p.next();
  const body = parseEndBlock(p, { token: keyword, what: 'the `begin` block' });
  return { kind: 'block', scoped: false, bindings: [], body, span: p.span(keyword.from) };
}

/** `let a = 1, b = f(a), c` … `end`; a bare name `c` binds a new local copy of the outer `c`. */
export function parseLet(p: Parser): Block {
  const keyword = p.next();
  const bindings = endsStatement(p.peek()) ? [] : (p.attempt(() => parseBindings(p)) ?? []);
  const body = parseEndBlock(p, { token: keyword, what: 'the `let` block' });
  return { kind: 'block', scoped: true, bindings, body, span: p.span(keyword.from) };
}

function parseBindings(p: Parser): Assign[] {
  const bindings = [parseBinding(p)];
  while (p.atPunct(',')) {
    p.next();
    p.skipNewlines();
    bindings.push(parseBinding(p));
  }
  return bindings;
}

function parseBinding(p: Parser): Assign {
  const from = p.peek().from;
  const target = parseExpr(p);
  if (!p.atOp('=')) {
    if (target.kind !== 'ident') p.unexpected('`=` in the `let` binding');
    return { kind: 'assign', target, op: '', value: target, span: target.span };
  }
  p.next();
  p.skipNewlines();
  const value = parseExpr(p);
  return { kind: 'assign', target: toPattern(p, target, '='), op: '', value, span: p.span(from) };
}

/**
 * `return`, `return e`, `return a, b`, Turing's `return y ~ D` (the `~`, then the value of `y`) and Julia's
 * `return x = e` (the assignment, then the value of `x`), as Storopoli's non-centred funnel ends.
 */
export function parseReturn(p: Parser): Return | Block {
  const keyword = p.next();
  if (endsStatement(p.peek())) return { kind: 'return', span: p.span(keyword.from) };
  if (tildeCallAhead(p)) return returning(p, parseTildeCall(p), keyword.from);
  const value = parseValue(p);
  const t = p.peek();
  // DynamicPPL reads `:=` anywhere: `return y := 100 + x` records y and returns its value.
  if (t.kind === 'op' && t.text === ':=' && !t.dotted) return returning(p, parseDeterministic(p, value, value.span.from), keyword.from);
  if (t.kind === 'op' && t.text === '=' && !t.dotted) {
    p.next();
    p.skipNewlines();
    const assign: Assign = { kind: 'assign', target: toPattern(p, value, '='), op: '', value: parseValue(p), span: p.span(value.span.from) };
    const span = p.span(keyword.from);
    return { kind: 'block', scoped: false, bindings: [], body: [assign, { kind: 'return', value, span }], span };
  }
  if (t.kind !== 'op' || t.text !== '~') return { kind: 'return', value, span: p.span(keyword.from) };
  return returning(p, parseTilde(p, value, t, value.span.from), keyword.from);
}

/** `return x ~ D` (or `:=`): the statement, then its left side returned. */
function returning(p: Parser, st: Tilde | Deterministic, from: number): Block {
  const span = p.span(from);
  const value = st.kind === 'tilde' ? st.lhs : st.target;
  return { kind: 'block', scoped: false, bindings: [], body: [st, { kind: 'return', value, span }], span };
}

/** `local x`, `local x, y`, `local x = e`, `local x::Float64 = 0`. */
export function parseLocal(p: Parser): Local {
  const keyword = p.next();
  const s: Stmt = parseSimpleStatement(p);
  const target: Expr | undefined = s.kind === 'assign' && s.op === '' ? s.target : s.kind === 'expr' ? s.expr : undefined;
  const names = target && localNames(target);
  if (!names) return p.fail(s.span, '`local` must be followed by names, as in `local x` or `local x = 0`');
  const span = p.span(keyword.from);
  return s.kind === 'assign' ? { kind: 'local', names, init: s, span } : { kind: 'local', names, span };
}

/**
 * `global n += 1` in a script's top-level loop, which a Julia file needs to assign a global from inside a loop:
 * at the top level every name is global, so it is the assignment itself, and a bare `global n` declares nothing
 * more. Inside a function or model, `global` is refused (see unsupported.ts).
 */
export function parseGlobal(p: Parser): Stmt {
  const keyword = p.next();
  const s = parseSimpleStatement(p);
  if (s.kind === 'assign') return s;
  if (s.kind === 'expr' && localNames(s.expr)) return { kind: 'block', scoped: false, bindings: [], body: [], span: p.span(keyword.from) };
  return p.fail(s.span, '`global` must be followed by names or an assignment, as in `global n` or `global n += 1`');
}

function localNames(e: Expr): Ident[] | undefined {
  if (e.kind === 'ident') return [e];
  if (e.kind === 'typeassert') return localNames(e.expr);
  if (e.kind !== 'tuple') return undefined;
  const names = e.items.map(localNames);
  return names.every((n) => n !== undefined) ? names.flat() : undefined;
}
