import { nodeByRule, ops, type Real, type Recompute } from '../ad/index.js';
import type { Bijector } from './types.js';
import { checkLength } from './length.js';
import { choleskyLower } from './matrix.js';

/**
 * Symmetric positive-definite d×d matrices ↔ ℝ^{d(d+1)/2}: Bijectors' PDVecBijector. y holds the lower
 * Cholesky factor L with its diagonal logged, row by row (L11, L21, L22, L31, …, Bijectors' triu_to_vec of
 * Lᵀ), and X = LLᵀ. log|J| is that of y ↦ the lower triangle of X: d·log 2 + Σ_i (d − i + 2)·log L_ii
 * (Bijectors' logabsdetjac_pdbijector_chol), with log L_ii = y_ii.
 */
export function pdBijector(d: number): Bijector {
  const n = (d * (d + 1)) / 2;
  const diagIndex = Int32Array.from({ length: d }, (_, i) => ((i + 1) * (i + 2)) / 2 - 1);
  // d·log 2 + Σ_i (d − i + 2)·y_ii (i 1-based) on the inputs [y_11, y_22, …].
  const logJacRule: Recompute = (v, p) => {
    let s = d * Math.LN2;
    for (let i = 0; i < d; i++) {
      p[i] = d - i + 1;
      s += p[i]! * v[i]!;
    }
    return s;
  };
  return {
    constrainedLength: d * d,
    unconstrainedLength: n,
    discrete: false,
    link(x) {
      checkLength('pd', d * d, x.length);
      const l = choleskyLower(x, d, 'pd');
      const y = new Float64Array(n);
      let idx = 0;
      for (let r = 0; r < d; r++) for (let c = 0; c <= r; c++) y[idx++] = r === c ? Math.log(l[r + c * d]!) : l[r + c * d]!;
      return y;
    },
    invlink(y) {
      checkLength('pd', n, y.length);
      // Rows of L, each cut at the diagonal: the only entries the products LLᵀ need.
      const rows: Real[][] = [];
      let idx = 0;
      for (let r = 0; r < d; r++) {
        const row: Real[] = [];
        for (let c = 0; c <= r; c++) row.push(r === c ? ops.exp(y[idx++]!) : y[idx++]!);
        rows.push(row);
      }
      const x: Real[] = new Array(d * d);
      for (let c = 0; c < d; c++) {
        for (let r = 0; r <= c; r++) {
          const v = ops.dotOf(rows[r]!, rows[c]!.slice(0, r + 1));
          x[r + c * d] = v;
          x[c + r * d] = v;
        }
      }
      const diag = Array.from(diagIndex, (k) => y[k]!);
      return { x, logJac: nodeByRule(diag, logJacRule) };
    },
  };
}
