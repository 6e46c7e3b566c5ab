import type { BlockValue, Stmt } from '../ast.js';
import type { Span } from '../../model/index.js';
import type { Token } from '../token.js';
import { parseBegin, parseIf, parseLet } from './compound.js';
import { STATEMENTS, type Parser } from './state.js';
import { parseSimpleStatement } from './statements.js';

/**
 * Statements whose effect reaches past the value of an `if`, `begin` or `let` used as one: Tilde evaluates such a
 * block as an expression, which cannot leave the function, the loop or the model's variables.
 */
const LEAVING: Partial<Record<Stmt['kind'], string>> = {
  return: '`return`',
  break: '`break`',
  continue: '`continue`',
  tilde: '`~`',
  deterministic: '`:=`',
  addlogprob: '`@addlogprob!`',
};

/** `if …`, `begin …` or `let …` … `end` where a value goes, from its keyword. */
export function parseBlockValue(p: Parser): BlockValue {
  const keyword = p.peek();
  const block = p.with(STATEMENTS, () => (keyword.text === 'if' ? parseIf(p) : keyword.text === 'let' ? parseLet(p) : parseBegin(p)));
  const statements = block.kind === 'if' ? [...block.branches.flatMap((b) => b.body), ...(block.otherwise ?? [])] : block.body;
  refuseLeaving(p, statements, `an \`${keyword.text}\` used as a value`, `write the \`${keyword.text}\` as a statement, assigning the value in it`);
  return { kind: 'blockvalue', block, span: block.span };
}

/** Statements run in the enclosing scope for the value of the last, as `(a = 1)`, `(a; b)` and `a = b = c` are. */
export function statementsValue(body: Stmt[], span: Span): BlockValue {
  return { kind: 'blockvalue', block: { kind: 'block', scoped: false, bindings: [], body, span }, span };
}

/** `(a = 1)`, `(k += 1)`, `(a; b)` after the `(`: statements separated by `;`, up to the `)`. */
export function parseStatementsValue(p: Parser, open: Token): BlockValue {
  const body: Stmt[] = [];
  while (!p.atPunct(')')) {
    body.push(parseSimpleStatement(p));
    if (!p.atPunct(';')) break;
    p.next();
  }
  p.close('`;` or `)`');
  const span = p.span(open.from);
  refuseLeaving(p, body, 'parentheses used as a value', 'write it as a statement of its own');
  return statementsValue(body, span);
}

/** `inLoop`: a loop inside the block takes its own `break` and `continue`. */
function refuseLeaving(p: Parser, stmts: readonly Stmt[], where: string, remedy: string, inLoop = false): void {
  for (const st of stmts) {
    const what = LEAVING[st.kind];
    if (what !== undefined && !(inLoop && (st.kind === 'break' || st.kind === 'continue'))) {
      p.error(st.span, `${what} inside ${where} is not supported: ${remedy}`);
    }
    if (st.kind === 'if') refuseLeaving(p, [...st.branches.flatMap((b) => b.body), ...(st.otherwise ?? [])], where, remedy, inLoop);
    else if (st.kind === 'block') refuseLeaving(p, st.body, where, remedy, inLoop);
    else if (st.kind === 'for' || st.kind === 'while') refuseLeaving(p, st.body, where, remedy, true);
  }
}
