import { Chains } from '../../core/chains/index.js';

/**
 * The chains that have draws, renumbered from 0, for summaries (a cancelled run's
 * waiting chains have none); undefined when no chain has any.
 */
export function withDraws(all: Chains): Chains | undefined {
  const kept = Array.from({ length: all.nChains }, (_, c) => c).filter((c) => all.nDraws(c) > 0);
  if (kept.length === 0) return undefined;
  const chains = new Chains(all, kept.map((c) => all.info(c)));
  kept.forEach((c, k) => chains.appendColumns(k, all.columns.map((name) => all.draws(name, c))));
  return chains;
}
