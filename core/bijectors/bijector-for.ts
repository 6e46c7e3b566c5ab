import { value } from '../ad/index.js';
import type { Bijector, Support } from './types.js';
import { identityBijector } from './identity.js';
import { lowerBijector } from './lower.js';
import { upperBijector } from './upper.js';
import { intervalBijector } from './interval.js';
import { simplexBijector } from './simplex.js';
import { corrCholeskyBijector } from './corr-cholesky.js';
import { corrBijector } from './corr.js';
import { pdBijector } from './pd.js';
import { orderedBijector } from './ordered.js';
import { elementwiseBijector } from './elementwise.js';

/**
 * The Bijectors.jl transform of a support, so that Tilde's unconstrained log density (log-Jacobian
 * included) is Turing's. `constrainedLength` is the number of elements that share a scalar support (real,
 * discrete, lower, upper, interval: a multivariate normal is `real` with its length); the structured
 * supports know their own size, and a `constrainedLength` that disagrees with it is an error.
 */
export function bijectorFor(support: Support, constrainedLength?: number): Bijector {
  const n = constrainedLength ?? 1;
  if (!Number.isInteger(n) || n < 0) throw new RangeError(`bijectorFor: length must be a non-negative integer, got ${n}`);
  switch (support.kind) {
    case 'real':
      return identityBijector(n, false);
    case 'discrete':
      return identityBijector(n, true);
    case 'lower':
    case 'upper':
    case 'interval':
      return n === 1 ? scalarBijector(support) : elementwiseBijector(Array.from({ length: n }, () => scalarBijector(support)));
    case 'elementwise':
      return sized(elementwiseBijector(support.supports.map((s) => bijectorFor(s))), constrainedLength);
    case 'simplex':
      return sized(simplexBijector(support.dim), constrainedLength);
    case 'corr-cholesky':
      return sized(corrCholeskyBijector(support.dim, support.uplo), constrainedLength);
    case 'corr':
      return sized(corrBijector(support.dim), constrainedLength);
    case 'pd':
      return sized(pdBijector(support.dim), constrainedLength);
    case 'ordered':
      return sized(orderedBijector(support.dim), constrainedLength);
  }
}

/** As Bijectors' TruncatedBijector, an infinite bound is no bound: (−∞, ∞) is the identity, (a, ∞) the log. */
function scalarBijector(support: Extract<Support, { kind: 'lower' | 'upper' | 'interval' }>): Bijector {
  const lower = support.kind === 'upper' ? -Infinity : support.lower;
  const upper = support.kind === 'lower' ? Infinity : support.upper;
  const hasLower = Number.isFinite(value(lower));
  const hasUpper = Number.isFinite(value(upper));
  if (hasLower && hasUpper) return intervalBijector(lower, upper);
  if (hasLower) return lowerBijector(lower);
  if (hasUpper) return upperBijector(upper);
  return identityBijector(1, false);
}

function sized(b: Bijector, constrainedLength: number | undefined): Bijector {
  if (constrainedLength !== undefined && constrainedLength !== b.constrainedLength) {
    throw new RangeError(`bijectorFor: the support has ${b.constrainedLength} elements, not ${constrainedLength}`);
  }
  return b;
}
