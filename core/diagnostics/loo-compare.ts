import type { Loo, LooEstimate } from './loo.js';
import { LooError } from './loo.js';
import { sd } from './moments.js';

/** One model's row of `loo_compare`: its difference in elpd_loo from the best, with that difference's SE. */
export interface LooComparisonRow {
  name: string;
  elpdDiff: number;
  seDiff: number;
  elpdLoo: LooEstimate;
  pLoo: LooEstimate;
  looic: LooEstimate;
}

/**
 * R's `loo_compare`: the models ordered by elpd_loo, best first, each with Σᵢ(elpdᵢ − best elpdᵢ) and its SE
 * √N·sd of those pointwise differences, which (unlike the SEs of the two totals) accounts for their
 * correlation over the same observations. The models must have been fitted to the same N observations.
 */
export function looCompare(models: readonly { name: string; loo: Loo }[]): LooComparisonRow[] {
  if (models.length < 2) throw new LooError('comparing needs at least two models');
  const n = models[0]!.loo.observations;
  const other = models.find((m) => m.loo.observations !== n);
  if (other) throw new LooError(`the models have different numbers of observations (${models[0]!.name}: ${n}, ${other.name}: ${other.loo.observations}): their elpd_loo do not compare`);
  // Stable, as R's order(): ties keep the order given.
  const ranked = models.map((m, i) => ({ m, i })).sort((a, b) => b.m.loo.elpdLoo.estimate - a.m.loo.elpdLoo.estimate || a.i - b.i).map((x) => x.m);
  const best = ranked[0]!.loo.pointwise;
  return ranked.map(({ name, loo }) => {
    const diffs = loo.pointwise.map((p, i) => p.elpdLoo - best[i]!.elpdLoo);
    return { name, elpdDiff: diffs.reduce((a, b) => a + b, 0), seDiff: Math.sqrt(n) * sd(diffs), elpdLoo: loo.elpdLoo, pLoo: loo.pLoo, looic: loo.looic };
  });
}
