import type { Chains } from '../../core/chains/index.js';
import { diagnose, summaryToCsv } from '../../core/diagnostics/index.js';
import type { ExportFile, ExportKind } from '../api.js';
import { drawsFiles } from './draws-files.js';
import { withDraws } from './with-draws.js';

/** The run's draws (wide, or Stan's layout a file per chain) or its summary (with the quantiles `probs` too), as the CLI writes them. */
export function exportRun(all: Chains | undefined, kind: Exclude<ExportKind, 'predictive' | 'loo-pointwise'>, probs: readonly number[] = []): ExportFile[] {
  const chains = all && withDraws(all);
  if (!all || !chains) throw new Error('the run has no draws yet, so there is nothing to export');
  switch (kind) {
    case 'draws-wide':
      return drawsFiles(all, 'wide', 'draws.csv');
    case 'draws-stan':
      return drawsFiles(all, 'stan', 'draws.csv');
    case 'summary':
      return [{ name: 'summary.csv', text: summaryToCsv(diagnose(chains, { probs }).summary) }];
  }
}
