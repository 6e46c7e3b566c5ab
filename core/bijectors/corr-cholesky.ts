import type { Bijector } from './types.js';
import { checkLength } from './length.js';
import { cpcLength, invlinkCpc, linkCpc, weightedLogcoshSum } from './cpc.js';
import { transpose } from './matrix.js';

/**
 * Cholesky factors of d×d correlation matrices ↔ ℝ^{d(d−1)/2}: Bijectors' VecCholeskyBijector. The value is
 * the factor itself, flat column-major: upper for 'U', lower (the transpose, same y) for 'L'.
 * log|J| is that of y ↦ the strictly-triangular entries of the factor: per column j, Σ_{i<j} log of the
 * unused length after entry i, plus that length once more at the diagonal, which sums to
 * −Σ (j − i + 1)·logcosh(y_ij) (Bijectors' _logabsdetjac_inv_chol).
 */
export function corrCholeskyBijector(d: number, uplo: 'L' | 'U'): Bijector {
  const n = cpcLength(d);
  return {
    constrainedLength: d * d,
    unconstrainedLength: n,
    discrete: false,
    link(x) {
      checkLength('corr-cholesky', d * d, x.length);
      return linkCpc(uplo === 'U' ? x : transpose(x, d), d);
    },
    invlink(y) {
      checkLength('corr-cholesky', n, y.length);
      const w = invlinkCpc(y, d);
      return { x: uplo === 'U' ? w : transpose(w, d), logJac: weightedLogcoshSum(y, d, (i, j) => j - i + 1) };
    },
  };
}
