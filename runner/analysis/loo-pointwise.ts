import { csvTable } from '../../core/chains/index.js';
import type { RunLoo } from '../../core/run/index.js';
import type { ExportFile } from '../api.js';

/** The columns of `tilde loo --pointwise` and of the workbench's export, which `tilde loo-compare` reads back. */
export const POINTWISE_COLUMNS = ['observation', 'elpd_loo', 'mcse_elpd_loo', 'p_loo', 'looic', 'pareto_k', 'n_eff', 'r_eff'] as const;

/** Each observation's leave-one-out values as CSV, one row per observation. */
export function looPointwiseCsv(result: RunLoo): ExportFile {
  const rows = result.pointwise.map((p, i) => [result.names[i]!, p.elpdLoo, p.mcseElpdLoo, p.pLoo, p.looic, p.paretoK, p.nEff, p.relativeEff]);
  return { name: 'loo_pointwise.csv', text: csvTable(POINTWISE_COLUMNS, rows) };
}
