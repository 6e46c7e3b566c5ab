import type { DrawsMatrix } from '../chains/index.js';
import { logsumexp } from '../math/index.js';
import { estimateOf, type LooEstimate } from './loo.js';
import { variance } from './moments.js';

/** One observation's share of WAIC, with loo's names. */
export interface WaicPointwise {
  elpdWaic: number;
  pWaic: number;
  waic: number;
}

export interface Waic {
  elpdWaic: LooEstimate;
  pWaic: LooEstimate;
  waic: LooEstimate;
  pointwise: WaicPointwise[];
  /** loo's warning when some p_waic exceed `P_WAIC_LARGE`, where WAIC is known to fail before PSIS-LOO does. */
  warning?: string;
}

/** Above this an observation's p_waic says WAIC is unreliable there (Vehtari, Gelman and Gabry 2017, §2.2). */
export const P_WAIC_LARGE = 0.4;

/**
 * The widely applicable information criterion (Watanabe 2010) as `loo::waic` computes it from each
 * observation's log-likelihood at every draw: the chains pooled, p_waic the variance of the log-likelihood.
 */
export function waic(logLik: readonly DrawsMatrix[]): Waic {
  const pointwise = logLik.map(({ data }) => {
    const lpd = logsumexp(data) - Math.log(data.length);
    const pWaic = variance(data);
    return { elpdWaic: lpd - pWaic, pWaic, waic: -2 * (lpd - pWaic) };
  });
  const large = pointwise.filter((p) => p.pWaic > P_WAIC_LARGE).length;
  return {
    elpdWaic: estimateOf(pointwise.map((p) => p.elpdWaic)),
    pWaic: estimateOf(pointwise.map((p) => p.pWaic)),
    waic: estimateOf(pointwise.map((p) => p.waic)),
    pointwise,
    ...(large > 0 && { warning: `${large} (${((100 * large) / pointwise.length).toFixed(1)}%) p_waic estimates greater than ${P_WAIC_LARGE}. We recommend trying loo instead.` }),
  };
}
