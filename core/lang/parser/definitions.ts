import type { Expr, FunctionDef, Param, Stmt } from '../ast.js';
import { isKeyword, isOp, isPunct, type Token } from '../token.js';
import { parseEndBlock } from './blocks.js';
import { parseExpr, parsePostfix } from './expressions.js';
import type { Parser } from './state.js';
import { parseStatement } from './statements.js';
import { bracketDepth } from './structure.js';

type Signature = Pick<FunctionDef, 'name' | 'nameSpan' | 'params' | 'kwparams' | 'typeParams' | 'module'>;

/**
 * `function f(args; kwargs) … end`, after the `function` keyword; `first` is where the definition
 * starts (`@model` or `function`). A broken signature is reported and the body still read.
 */
export function parseFunction(p: Parser, kind: FunctionDef['kind'], first: Token): FunctionDef {
  const at = p.peek();
  const signature = p.attempt(() => parseSignature(p)) ?? { name: '', nameSpan: { from: at.from, to: at.to }, params: [], kwparams: [], typeParams: [] };
  const what = `\`${kind === 'model' ? '@model ' : ''}function${signature.name ? ` ${signature.name}` : ''}\``;
  const body = insideDefinition(p, () => parseEndBlock(p, { token: first, what }));
  return { kind, ...signature, body, span: p.span(first.from) };
}

function insideDefinition<T>(p: Parser, parse: () => T): T {
  p.definitions++;
  try {
    return parse();
  } finally {
    p.definitions--;
  }
}

/** `f(x) = e`, `f(x)::T = e`, `f(x::T) where {T} = e`: a name glued to `(`, then after the matching `)` one of `=`, `::`, `where`. */
export function oneLineDefinitionAhead(p: Parser): boolean {
  const k = moduleOfName(p);
  const name = p.peek(k);
  const open = p.peek(k + 1);
  if (name.kind !== 'ident' || !isPunct(open, '(') || open.spaceBefore) return false;
  let depth = 0;
  for (let i = p.pos + k + 1; p.token(i).kind !== 'eof'; i++) {
    depth = bracketDepth(p.token(i), depth);
    if (depth > 0) continue;
    const after = p.token(i + 1);
    return isOp(after, '=') || isOp(after, '::') || isKeyword(after, 'where');
  }
  return false;
}

/** The body of `f(x) = begin … end` is the block's statements; otherwise the one statement. */
export function parseOneLineDefinition(p: Parser, kind: FunctionDef['kind'], first: Token): FunctionDef {
  const signature = parseSignature(p);
  if (!p.atOp('=')) p.unexpected('`=` after the function signature');
  p.next();
  p.skipNewlines();
  if (statementsInParentheses(p)) {
    const body = insideDefinition(p, () => p.inBrackets(p.next(), () => parseStatementsUntilClose(p)));
    return { kind, ...signature, body, span: p.span(first.from) };
  }
  const s = insideDefinition(p, () => parseStatement(p));
  const body = s.kind === 'block' && !s.scoped ? s.body : [s];
  return { kind, ...signature, body, span: p.span(first.from) };
}

/**
 * `@model parent(y) = (a ~ to_submodel(child()); y ~ Normal(a))`: Julia's `(a; b)` block as a one-line body
 * (DynamicPPL's own submodel tests). A `;` at the parentheses' own depth tells it from `(x, y)` and `(; x)`.
 */
function statementsInParentheses(p: Parser): boolean {
  if (!p.atPunct('(') || isPunct(p.peek(1), ';')) return false;
  let depth = 0;
  for (let k = 0; ; k++) {
    const t = p.peek(k);
    if (t.kind === 'eof') return false;
    if (t.kind === 'punct' && '([{'.includes(t.text)) depth++;
    else if (t.kind === 'punct' && ')]}'.includes(t.text) && --depth === 0) return false;
    else if (depth === 1 && isPunct(t, ';')) return true;
  }
}

function parseStatementsUntilClose(p: Parser): Stmt[] {
  const body: Stmt[] = [];
  while (!p.atPunct(')')) {
    const s = parseStatement(p);
    body.push(...(s.kind === 'block' && !s.scoped ? s.body : [s]));
    if (!p.atPunct(';')) break;
    p.next();
  }
  p.close('`;` or `)`');
  return body;
}

/** Packages whose functions a file's distribution type gets methods of (`Distributions.logpdf(d::MyLaplace, x) = …`). */
const EXTENDED_MODULES: ReadonlySet<string> = new Set(['Distributions', 'Base', 'Bijectors', 'Random', 'Statistics', 'StatsBase', 'StatsAPI']);

/** 2 where a definition's name is qualified by one of `EXTENDED_MODULES` (`Distributions.logpdf`), else 0: the tokens before the name. */
export function moduleOfName(p: Parser): number {
  const module = p.peek();
  const dot = p.peek(1);
  const name = p.peek(2);
  const glued = isPunct(dot, '.') && !dot.spaceBefore && !name.spaceBefore && name.kind === 'ident';
  return module.kind === 'ident' && EXTENDED_MODULES.has(module.text) && glued ? 2 : 0;
}

function parseSignature(p: Parser): Signature {
  const module = moduleOfName(p) > 0 ? p.next().text : undefined;
  if (module !== undefined) p.next();
  const name = p.peek();
  if (isPunct(name, '(')) p.fail(name, 'an anonymous `function (x) … end` alone at the top level of the file does nothing: give the function a name');
  if (name.kind !== 'ident') p.unexpected('the function name');
  p.next();
  if (!p.atPunct('(')) p.unexpected('`(` after the function name');
  const open = p.next();
  const { params, kwparams } = parseParams(p, open);
  if (p.atOp('::')) {
    // The return type is accepted and ignored.
    p.next();
    parsePostfix(p);
  }
  const typeParams = parseWhere(p);
  return { name: name.text, nameSpan: { from: name.from, to: name.to }, params, kwparams, typeParams, ...(module === undefined ? {} : { module }) };
}

function parseParams(p: Parser, open: Token): { params: Param[]; kwparams: Param[] } {
  return p.inBrackets(open, () => {
    const params: Param[] = [];
    const kwparams: Param[] = [];
    let keywords = false;
    while (!p.atPunct(')')) {
      if (p.atPunct(';') && !keywords) {
        p.next();
        keywords = true;
        continue;
      }
      (keywords ? kwparams : params).push(parseParam(p));
      if (p.atPunct(',')) p.next();
      else if (!p.atPunct(';') || keywords) break;
    }
    p.close('`,` or `)`');
    return { params, kwparams };
  });
}

/**
 * `x`, `x::T`, `xs...`, `y = missing`, `σ::Real = 1.0`, and the nameless `::Type{T} = Float64`,
 * which gets the name '' and keeps its type: the evaluator binds `T` from it. JuliaFormatter writes the
 * nameless one in parentheses, `(::Type{TV})=Vector{Float64}` (Turing's and DynamicPPL's own tests).
 */
function parseParam(p: Parser): Param {
  const from = p.peek().from;
  const { name, type } = p.atPunct('(') ? p.inBrackets(p.next(), () => {
    const inner = parseNameAndType(p);
    p.close('`)`');
    return inner;
  }) : parseNameAndType(p);
  const splat = p.atOp('...');
  if (splat) p.next();
  let value: Expr | undefined;
  if (p.atOp('=')) {
    p.next();
    value = parseExpr(p);
  }
  const param: Param = { name, splat, span: p.span(from) };
  if (type) param.type = type;
  if (value) param.default = value;
  return param;
}

function parseNameAndType(p: Parser): { name: string; type: Expr | undefined } {
  let name = '';
  if (!p.atOp('::')) {
    const t = p.peek();
    if (t.kind !== 'ident') p.unexpected('a parameter name');
    p.next();
    name = t.text;
  }
  let type: Expr | undefined;
  if (p.atOp('::')) {
    p.next();
    type = parsePostfix(p);
  }
  return { name, type };
}

/** `where T`, `where {T, S<:Real}`, repeated `where` clauses: the names they bind. */
function parseWhere(p: Parser): string[] {
  const names: string[] = [];
  while (p.atKeyword('where')) {
    p.next();
    if (!p.atPunct('{')) {
      names.push(parseTypeVariable(p));
      continue;
    }
    const open = p.next();
    p.inBrackets(open, () => {
      while (!p.atPunct('}')) {
        names.push(parseTypeVariable(p));
        if (!p.atPunct(',')) break;
        p.next();
      }
      p.close('`,` or `}`');
    });
  }
  return names;
}

function parseTypeVariable(p: Parser): string {
  const t = p.peek();
  if (t.kind !== 'ident') p.unexpected('a type parameter name');
  p.next();
  if (p.atOp('<:') || p.atOp('>:')) {
    p.next();
    parsePostfix(p);
  }
  return t.text;
}

