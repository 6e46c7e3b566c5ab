import { toStanCsv, toWideCsv, type Chains } from '../../core/chains/index.js';
import type { ExportFile } from '../api.js';

/**
 * The draws as CSV, as `tilde sample --out NAME` writes them and the app exports them: one wide
 * file, or one CmdStan-style file per chain named NAME with `_1`, `_2` … before the extension. Chains
 * keep their run's numbers: a stopped run's chain that made no draw has no rows and no file, and the
 * others are not renumbered.
 */
export function drawsFiles(chains: Chains, layout: 'wide' | 'stan', name: string): ExportFile[] {
  if (layout === 'wide') return [{ name, text: toWideCsv(chains) }];
  const sampled = Array.from({ length: chains.nChains }, (_, c) => c).filter((c) => chains.nDraws(c) > 0);
  return sampled.map((c) => ({ name: name.replace(/(\.[^./]*)?$/, (ext) => `_${c + 1}${ext}`), text: toStanCsv(chains, c) }));
}
