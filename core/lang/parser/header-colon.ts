import { isOp, type Token } from '../token.js';
import { bracketDepth } from './structure.js';
import { Parser } from './state.js';

/**
 * Parses a block's header (`for i in 1:n`, `while c`, `if c`) with `parse`, as `Parser.attempt` does. A header
 * line that ends in `:` is Python's habit: Julia reads that `:` as a range running on into the next line, so
 * the error would surface there, at whatever the body starts with. It is named at the colon instead, and the
 * header is read up to it.
 */
export function parseHeader<T>(p: Parser, keyword: Token, parse: (header: Parser) => T): T | undefined {
  const colon = trailingColon(p);
  if (colon === undefined) return p.attempt(() => parse(p));
  p.error(p.token(colon), `Julia's \`${keyword.text}\` line ends without a \`:\` (Python's ends with one): remove it, and close the block with \`end\``);
  const header = new Parser(p.source, [...p.tokens.slice(p.pos, colon), { ...p.token(p.tokens.length - 1), from: p.token(colon).from, to: p.token(colon).from }], p.diagnostics, p.unbalanced);
  header.ctx = p.ctx;
  header.definitions = p.definitions;
  const parsed = header.attempt(() => parse(header));
  while (p.pos <= colon) p.next();
  return parsed;
}

/** The index of the `:` that ends the header's line, outside brackets, if it does. */
function trailingColon(p: Parser): number | undefined {
  let depth = 0;
  let last: number | undefined;
  for (let i = p.pos; ; i++) {
    const t = p.token(i);
    if (t.kind === 'eof' || (t.kind === 'newline' && depth === 0)) return last !== undefined && isOp(p.token(last), ':') ? last : undefined;
    if (t.kind !== 'newline') last = i;
    depth = bracketDepth(t, depth);
  }
}
