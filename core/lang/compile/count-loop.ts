import type * as A from '../ast.js';
import { nameOf } from '../calls.js';

/** Functions that give a count, not the range of indices a loop over it means. */
const COUNTS = ['length', 'lastindex', 'nrow', 'ncol', 'size'];

/**
 * `for n in length(x)`: a number iterates over itself in Julia, so the loop runs once, with n = length(x). Julia and
 * Turing run it silently and the model sees one observation of many (a Discourse answer's mixture model did); said
 * as a warning, since the loop is valid Julia.
 */
export function countLoopNote(it: A.Iteration, source: string): string | undefined {
  const iter = it.iter;
  if (iter.kind !== 'call' || iter.broadcast || !COUNTS.includes(nameOf(iter) ?? '')) return undefined;
  if (nameOf(iter) === 'size' && iter.args.length !== 2) return undefined;
  const text = source.slice(iter.span.from, iter.span.to);
  const target = source.slice(it.target.span.from, it.target.span.to);
  return `\`for ${target} in ${text}\` runs once, with \`${target}\` = ${text}: a number iterates over itself in Julia; to loop over the indices write \`for ${target} in 1:${text}\``;
}
