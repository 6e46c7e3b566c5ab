import { ops, type Real } from '../ad/index.js';
import type { Bijector } from './types.js';
import { checkLength } from './length.js';
import { cpcLength, invlinkCpc, linkCpc, weightedLogcoshSum } from './cpc.js';
import { choleskyLower, transpose } from './matrix.js';

/**
 * d×d correlation matrices ↔ ℝ^{d(d−1)/2}: Bijectors' VecCorrBijector, X = WᵀW with W from the CPCs.
 * log|J| is that of y ↦ the strictly-upper entries of X: −Σ (d − i + 1)·logcosh(y_ij) (Bijectors'
 * _logabsdetjac_inv_corr, equal to its inverse's log|J| of W plus Σ_j (d − j)·log W_jj).
 */
export function corrBijector(d: number): Bijector {
  const n = cpcLength(d);
  return {
    constrainedLength: d * d,
    unconstrainedLength: n,
    discrete: false,
    link(x) {
      checkLength('corr', d * d, x.length);
      return linkCpc(transpose(choleskyLower(x, d, 'corr'), d), d);
    },
    invlink(y) {
      checkLength('corr', n, y.length);
      const w = invlinkCpc(y, d);
      const x: Real[] = new Array(d * d);
      for (let c = 0; c < d; c++) {
        for (let r = 0; r <= c; r++) {
          // W is upper triangular, so column r of W is zero below row r.
          const v = ops.dotOf(w.slice(r * d, r * d + r + 1), w.slice(c * d, c * d + r + 1));
          x[r + c * d] = v;
          x[c + r * d] = v;
        }
      }
      return { x, logJac: weightedLogcoshSum(y, d, (i) => d - i + 1) };
    },
  };
}
