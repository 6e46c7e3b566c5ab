import type { Real } from '../../ad/index.js';
import { digamma, lbeta, lgamma } from '../../math/index.js';
import { DistributionArgumentError } from '../types.js';
import { checkPositive } from '../univariate/check.js';

/**
 * log c₀ of LKJ(d, η), f(R) = c₀ |R|^(η−1), and its derivative in η: Distributions' `lkj_logc0` by the
 * onion-method constant (LKJ 2009, eq. 17), also used by LKJCholesky. Distributions switches to
 * Theorem 5's closed forms at η = 1; those are the same number (the tests check it), so one formula
 * serves every η and stays differentiable there.
 */
export function lkjLogc0(d: number, eta: number): { logc0: number; dEta: number } {
  if (d <= 1) return { logc0: 0, dEta: 0 };
  const alpha = eta + d / 2 - 1;
  const top = eta + (d - 1) / 2;
  let loginv = (2 * eta + d - 3) * Math.LN2 + (Math.log(Math.PI) / 4) * (d * (d - 1) - 2) + lbeta(alpha, alpha) - (d - 2) * lgamma(top);
  let dloginv = 2 * Math.LN2 + 2 * (digamma(alpha) - digamma(2 * alpha)) - (d - 2) * digamma(top);
  for (let k = 2; k <= d - 1; k++) {
    loginv += lgamma(eta + (d - 1 - k) / 2);
    dloginv += digamma(eta + (d - 1 - k) / 2);
  }
  return { logc0: -loginv, dEta: -dloginv };
}

/**
 * The argument checks LKJ and LKJCholesky share. η through `checkPositive`, so that a compiled tape checks
 * a parameter η again at each replay, where the density alone would compute a number for η ≤ 0.
 */
export function checkLkjArguments(family: string, d: number, eta: Real): void {
  if (!Number.isInteger(d) || d < 1) throw new DistributionArgumentError(family, 'd', `dimension d must be a positive integer, got ${d}`);
  checkPositive(family, 'η', eta, 'shape η');
}
