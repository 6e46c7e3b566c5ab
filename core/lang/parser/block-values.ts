import type { BlockValue, Stmt } from '../ast.js';
import { parseBegin, parseIf, parseLet } from './compound.js';
import { STATEMENTS, type Parser } from './state.js';

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
  refuseLeaving(p, block.kind === 'if' ? [...block.branches.flatMap((b) => b.body), ...(block.otherwise ?? [])] : block.body, keyword.text);
  return { kind: 'blockvalue', block, span: block.span };
}

/** `inLoop`: a loop inside the block takes its own `break` and `continue`. */
function refuseLeaving(p: Parser, stmts: readonly Stmt[], keyword: string, inLoop = false): void {
  for (const st of stmts) {
    const what = LEAVING[st.kind];
    if (what !== undefined && !(inLoop && (st.kind === 'break' || st.kind === 'continue'))) {
      p.error(st.span, `${what} inside an \`${keyword}\` used as a value is not supported: write the \`${keyword}\` as a statement, assigning the value in it`);
    }
    if (st.kind === 'if') refuseLeaving(p, [...st.branches.flatMap((b) => b.body), ...(st.otherwise ?? [])], keyword, inLoop);
    else if (st.kind === 'block') refuseLeaving(p, st.body, keyword, inLoop);
    else if (st.kind === 'for' || st.kind === 'while') refuseLeaving(p, st.body, keyword, true);
  }
}
