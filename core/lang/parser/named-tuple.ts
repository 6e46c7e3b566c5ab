import type { Expr, KeywordArg, NamedTupleLit } from '../ast.js';
import type { Span } from '../../model/index.js';
import type { Parser } from './state.js';

/** One element between the parentheses of a tuple: `item`, or `item = value`. */
export interface TupleElement {
  item: Expr;
  value?: Expr;
  span: Span;
}

/** The field an element stands for, with Julia's shorthands: a bare `b` is `b = b`, and `x.b` is `b = x.b`. */
function toField(p: Parser, element: TupleElement): KeywordArg {
  const { item, value, span } = element;
  if (value) {
    if (item.kind !== 'ident') return p.fail(item.span, `a named tuple field name must be a plain name, not \`${p.source.slice(item.span.from, item.span.to)}\``);
    return { name: item.name, value, span };
  }
  if (item.kind === 'ident' || item.kind === 'field') return { name: item.name, value: item, span };
  if (item.kind === 'splat') return p.fail(span, 'splatting into a named tuple (`(; a = 1, x...)`) is not supported: write its fields out');
  return p.fail(span, `\`${p.source.slice(span.from, span.to)}\` cannot be an element of a named tuple: write \`name = value\`, a name, or \`x.name\``);
}

/** A named tuple of these elements; as in Julia, a field name may appear only once. */
export function namedTupleOf(p: Parser, elements: readonly TupleElement[], span: Span): NamedTupleLit {
  const fields = elements.map((element) => toField(p, element));
  const seen = new Set<string>();
  for (const field of fields) {
    if (seen.has(field.name)) p.fail(field.span, `the field name \`${field.name}\` is repeated in this named tuple`);
    seen.add(field.name);
  }
  return { kind: 'namedtuple', fields, span };
}

/** `(; a, b)` as a destructuring target: every field the shorthand of a plain name (not `a = …`, not `x.a`). */
export function isPropertyPattern(e: NamedTupleLit): boolean {
  return e.fields.length > 0 && e.fields.every((f) => f.value.kind === 'ident' && f.value.span.from === f.span.from && f.value.span.to === f.span.to);
}
