import type { StructDef } from '../ast.js';
import { parseExpr } from './expressions.js';
import { isKeyword, isOp, isPunct, type Token } from '../token.js';
import type { Parser } from './state.js';
import { bracketDepth, skipBlock } from './structure.js';

/**
 * `struct Params … end` (a plain data holder, `mutable` too; with `keywords`, `@kwdef`'s, whose fields may have defaults) or `struct MyLaplace{T<:Real} <: ContinuousUnivariateDistribution
 * … end`, as Turing's custom-distribution page and forum posts write a distribution Distributions.jl lacks: its name,
 * supertype (empty without one) and fields. Type parameters are read and dropped, since Tilde's numbers carry no
 * Julia type, and a field's type is kept by name only (an `Int` field refuses 1.5); an inner constructor is refused.
 */
export function parseStruct(p: Parser, keywords = false): StructDef | undefined {
  const first = p.next();
  const mutable = !isKeyword(first, 'struct');
  if (mutable) p.next();
  const opener = p.pos - 1;
  const name = p.next();
  if (name.kind !== 'ident') p.fail(name, 'a struct needs a name: `struct Params … end`');
  skipCurly(p);
  const supertype = p.atOp('<:') ? (p.next(), readSupertype(p)) : '';
  const def = (fields: StructDef['fields']): StructDef => ({ kind: 'struct', name: name.text, nameSpan: span(name), supertype, mutable, ...(keywords ? { keywords } : {}), fields, span: p.span(first.from) });
  const fields: StructDef['fields'] = [];
  p.skipSeparators();
  while (!p.atKeyword('end')) {
    const t = p.peek();
    if (t.kind === 'eof') {
      p.missingEnd({ token: first, what: `\`struct ${name.text}\`` });
      return def(fields);
    }
    if (t.kind === 'string') p.next();
    // Julia 1.8's `const a::Int` in a mutable struct: a field like another, as Tilde writes none.
    else if (isKeyword(t, 'const') && p.peek(1).kind === 'ident') p.next();
    else if (t.kind === 'ident' && (isOp(p.peek(1), '::') || endsField(p.peek(1)) || (keywords && isOp(p.peek(1), '=')))) {
      const field = readField(p, keywords);
      // Julia refuses the definition ("duplicate field name"): reading `p.a` would take one of the two.
      if (fields.some((f) => f.name === field.name)) p.error(field.span, `\`struct ${name.text}\` has two fields named \`${field.name}\`: give each field its own name`);
      else fields.push(field);
    }
    else {
      p.error(t, `\`struct ${name.text}\`: Tilde reads a struct's fields (\`μ::T\`), not inner constructors or other code: write a constructor outside it, \`${name.text}(μ) = ${name.text}(μ, 1.0)\``);
      p.pos = skipBlock(p.tokens, opener);
      return undefined;
    }
    p.skipSeparators();
  }
  p.next();
  return def(fields);
}

/**
 * Adds `def` to the file's structs. Julia refuses a second definition of the name with other fields ("invalid
 * redefinition of constant"), where taking either would read the other's fields wrong; the same one again (a pasted
 * cell run twice) is no change.
 */
export function addStruct(p: Parser, structs: StructDef[], def: StructDef): void {
  const earlier = structs.find((s) => s.name === def.name);
  if (earlier === undefined) structs.push(def);
  else if (fieldList(earlier) !== fieldList(def)) p.error(def.nameSpan, `\`struct ${def.name}\` is defined twice, with fields (${fieldList(earlier)}) and then (${fieldList(def)}): Julia refuses to redefine a struct; give one of them another name`);
}

const fieldList = (def: StructDef): string => def.fields.map((f) => (f.type === undefined ? f.name : `${f.name}::${f.type}`)).join(', ');

const span = (t: Token) => ({ from: t.from, to: t.to });

const endsField = (t: Token): boolean => t.kind === 'newline' || isPunct(t, ';') || isKeyword(t, 'end');

/** `a`, `a::T`, and in a `@kwdef` struct `a::T = default`. */
function readField(p: Parser, keywords: boolean): StructDef['fields'][number] {
  const t = p.next();
  let type: string | undefined;
  if (p.atOp('::')) {
    p.next();
    type = p.next().text;
    // `d::Distributions.Normal`: the name after its modules'.
    while (p.atPunct('.') && p.peek(1).kind === 'ident') {
      p.next();
      type = p.next().text;
    }
    skipCurly(p);
  }
  const field = { name: t.text, span: p.span(t.from), ...(type !== undefined ? { type } : {}) };
  if (!keywords || !p.atOp('=')) return field;
  p.next();
  return { ...field, default: parseExpr(p) };
}

/** `{T<:Real}`, `{Univariate, Continuous}`: the identifiers inside, skipped over. */
function skipCurly(p: Parser): string[] {
  if (!p.atPunct('{')) return [];
  const names: string[] = [];
  let depth = 0;
  do {
    const t = p.next();
    if (t.kind === 'eof') p.fail(t, 'missing `}`');
    depth = bracketDepth(t, depth);
    if (t.kind === 'ident') names.push(t.text);
  } while (depth > 0);
  return names;
}

/** `Distributions.ContinuousUnivariateDistribution` or `Distribution{Univariate, Continuous}`, named as the alias Distributions.jl gives it. */
function readSupertype(p: Parser): string {
  let t = p.next();
  while (isPunct(p.peek(), '.') && p.peek(1).kind === 'ident') {
    p.next();
    t = p.next();
  }
  const params = skipCurly(p);
  const form = params.includes('Discrete') ? 'Discrete' : params.includes('Continuous') ? 'Continuous' : '';
  const variate = params.find((x) => x.endsWith('variate'));
  if (t.text === 'Distribution' && variate !== undefined && form !== '') return `${form}${variate}Distribution`;
  if (/^(Uni|Multi|Matrix)variateDistribution$/.test(t.text) && form !== '') return `${form}${t.text}`;
  return t.text;
}
