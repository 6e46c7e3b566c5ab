import type { Chains } from '../chains/index.js';
import { samplerDiagnostics, type ChainSamplerDiagnostics } from './sampler.js';
import { summarize, type SummaryOptions, type SummaryTable } from './summary.js';
import { diagnosticWarnings, type DiagnosticWarning } from './warnings.js';

/** Everything a user needs to decide whether to believe a posterior. */
export interface Diagnosis {
  readonly summary: SummaryTable;
  readonly sampler: readonly ChainSamplerDiagnostics[];
  readonly warnings: readonly DiagnosticWarning[];
}

export function diagnose(chains: Chains, options: SummaryOptions = {}): Diagnosis {
  const summary = summarize(chains, options);
  const sampler = samplerDiagnostics(chains);
  return { summary, sampler, warnings: diagnosticWarnings(summary, sampler, chains.nChains) };
}
