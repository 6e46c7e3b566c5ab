import type { Bijector } from './types.js';
import { checkLength } from './length.js';

/** The real line (and, flagged `discrete`, the integers, which samplers that move in ℝⁿ must refuse). */
export function identityBijector(length: number, discrete: boolean): Bijector {
  const what = discrete ? 'discrete' : 'real';
  return {
    constrainedLength: length,
    unconstrainedLength: length,
    discrete,
    link(x) {
      checkLength(what, length, x.length);
      return Float64Array.from(x);
    },
    invlink(y) {
      checkLength(what, length, y.length);
      return { x: y.slice(), logJac: 0 };
    },
  };
}
