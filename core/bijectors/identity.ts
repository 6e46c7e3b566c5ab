import type { Bijector } from './types.js';
import { checkLength } from './length.js';

/** A scalar parameter's, asked for at each of its `~` in every run of the model: made once, as they keep nothing. */
const SCALAR_REAL = made(1, false);
const SCALAR_DISCRETE = made(1, true);

/** The real line (and, flagged `discrete`, the integers, which samplers that move in ℝⁿ must refuse). */
export function identityBijector(length: number, discrete: boolean): Bijector {
  if (length === 1) return discrete ? SCALAR_DISCRETE : SCALAR_REAL;
  return made(length, discrete);
}

function made(length: number, discrete: boolean): Bijector {
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
    linkReal(x) {
      checkLength(what, length, x.length);
      return x.slice();
    },
  };
}
