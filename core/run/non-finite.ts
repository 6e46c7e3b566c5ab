import { value } from '../ad/index.js';
import { lineColumn, type BoundModel, type Span } from '../model/index.js';

/** A log density as a message shows it: ±∞ written so. */
export const infinityText = (x: number): string => (x === -Infinity ? '−∞' : x === Infinity ? '+∞' : String(x));

/**
 * Why the log density is not finite at θ, in the user's terms and at the model's line: the interpreter's
 * error where evaluation throws (a distribution's argument out of its domain), else the first term that is
 * not finite. The sampler's own evaluation may have been a compiled tape's replay, which skips the
 * interpreter's argument checks, so θ is evaluated again here.
 */
export function nonFiniteReason(bound: BoundModel, theta: ArrayLike<number>): string {
  const at = (span: Span | undefined): string => (span ? `line ${lineColumn(bound.model.source, span.from).line}: ` : '');
  try {
    value(bound.logdensity(Array.from(theta)));
  } catch (e) {
    return `${at((e as { span?: Span }).span)}${e instanceof Error ? e.message : String(e)}`;
  }
  const term = bound.nonFiniteTermAt(theta);
  if (term) return `${at(term.span)}${term.what} had log density ${infinityText(term.logdensity)}`;
  return 'the log density was finite but its gradient was not';
}
