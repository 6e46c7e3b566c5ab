export { sum, mean, variance, sd } from './moments.js';
export { quantile, quantiles, quantileSorted, sortedCopy, sortedDeviations, median, medianSorted, mad, madSorted } from './quantile.js';
export { hpd } from './hpd.js';
export { autocovariance, autocorrelation } from './autocovariance.js';
export { splitChains } from './split.js';
export { ranks, zScale, foldDraws } from './transform.js';
export { qnorm } from './qnorm.js';
export { SharedDraws, sharedDraws } from './shared-draws.js';
export { isDegenerate } from './degenerate.js';
export { rhatKernel, rhat, rhatBasic, rhatBulk, rhatTail } from './rhat.js';
export { essKernel, essKernelDetailed, essBasic, essMean, essBulk, essBulkDetailed, essTail, essQuantile, essMedian, essSd, type EssEstimate } from './ess.js';
export { mcseMean, mcseSd, mcseQuantile, mcseMedian } from './mcse.js';
export { ebfmi, samplerDiagnostics, type ChainSamplerDiagnostics } from './sampler.js';
export {
  summarize,
  summaryToCsv,
  summaryHeader,
  summaryCells,
  quantileColumn,
  computeSeconds,
  SUMMARY_COLUMNS,
  type SummaryRow,
  type SummaryTable,
  type SummaryOptions,
} from './summary.js';
export { diagnosticWarnings, RHAT_MAX, ESS_PER_CHAIN_MIN, EBFMI_MIN, STUCK_STEP_SIZE, PARTICLES_USABLE_MIN, type DiagnosticWarning, type WarningKind } from './warnings.js';
export { diagnose, type Diagnosis } from './diagnose.js';
export { rNumber } from './r-number.js';
export { locationText } from './location-text.js';
export { loo, summarizeLoo, LooError, nonFiniteLogLik, PARETO_K_BAD, type Loo, type LooEstimate, type LooPointwise, type ParetoKClass } from './loo.js';
export { paretoSmooth, paretoTailLength, gpdFit, type SmoothedWeights } from './psis.js';
export { looCompare, type LooComparisonRow } from './loo-compare.js';
export { looMomentMatch, MAX_MOMENT_MATCH_TRANSFORMATIONS, type MomentMatched, type MomentMatchedLoo, type MomentMatchModel, type MomentMatchOptions } from './moment-match.js';
export { waic, P_WAIC_LARGE, type Waic, type WaicPointwise } from './waic.js';
