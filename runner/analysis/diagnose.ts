import type { Chains } from '../../core/chains/index.js';
import { diagnosticWarnings, samplerDiagnostics, summarize } from '../../core/diagnostics/index.js';
import type { RunDiagnosis } from '../api.js';
import { withDraws } from './with-draws.js';

/**
 * The run's judgement over the draws so far: core's diagnosis (summary, sampler checks, warnings)
 * of the chains that have draws, as `tilde sample` prints it, with the sampler statistics
 * summarised apart and each chain's count. Before any draw it is empty rather than an error, since
 * the window asks while the run starts. `probs`: quantiles the summary gives besides q5 and q95.
 */
export function diagnoseRun(all: Chains | undefined, nChains: number, probs: readonly number[] = []): RunDiagnosis {
  const draws = Array.from({ length: nChains }, (_, c) => all?.nDraws(c) ?? 0);
  const chains = all && withDraws(all);
  if (!chains) return { draws, summary: [], stats: [], sampler: [], warnings: [] };
  // Chains without draws were left out; the sampler checks and warnings keep the run's chain numbers.
  const runChain = draws.flatMap((n, c) => (n > 0 ? [c] : []));
  const summary = summarize(chains, { probs });
  const sampler = samplerDiagnostics(chains).map((s) => ({ ...s, chain: runChain[s.chain]! }));
  return {
    draws,
    summary: [...summary.rows],
    stats: [...summarize(chains, { variables: chains.stats }).rows],
    sampler,
    warnings: diagnosticWarnings(summary, sampler, chains.nChains),
  };
}
