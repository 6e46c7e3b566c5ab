import { value } from '../ad/index.js';
import type { Chains } from '../chains/index.js';
import { LooError, type MomentMatchModel } from '../diagnostics/index.js';
import { BoundModel, chainEntries, fromHeld, heldOf, type Model, type Value } from '../model/index.js';
import { Rng } from '../rng/index.js';
import { PointwiseContext } from './pointwise-context.js';

/**
 * What moment matching needs of a sampled model: the draws of chains `used` (n each, in the order of
 * `runLoo`'s log-likelihood matrices) on the unconstrained scale, the unconstrained log density the
 * sampler targets, and the log-likelihood of the observation `names[i]` at any unconstrained point.
 */
export function momentMatchModel(model: Model, args: ReadonlyMap<string, Value>, chains: Chains, used: readonly number[], n: number, names: readonly string[]): MomentMatchModel {
  // The parameters' order and transforms only: no value of this run is used.
  const { bound } = BoundModel.discover(model, args, Rng.seeded(0));
  const discrete = bound.variables.find((v) => v.discrete);
  if (discrete) throw new LooError(`\`${discrete.name}\` is discrete: moment matching moves the draws continuously, so it needs every parameter continuous`);
  const draws = used.flatMap((c) =>
    Array.from({ length: n }, (_, i) =>
      bound.evaluateAt((vn, dist) => {
        const { names: all, held } = chainEntries(vn.name, dist);
        const entries = heldOf(held, vn.elements ?? all);
        return entries.every((e) => chains.has(e)) ? fromHeld(held, all.length, entries.map((e) => chains.draws(e, c)[i]!)) : undefined;
      }).unconstrained,
    ),
  );
  const columns = bound.parameterNames;
  return {
    draws,
    logDensity: (points) => Float64Array.from(points, (p) => value(bound.logdensity(Array.from(p)))),
    logLik: (i, points) =>
      Float64Array.from(points, (p) => {
        const constrained = bound.constrain(p).values;
        const at = new Map(columns.map((name, j) => [name, constrained[j]!]));
        const ctx = new PointwiseContext((_vn, elements) => (elements.every((e) => at.has(e)) ? elements.map((e) => at.get(e)!) : undefined), Rng.seeded(0));
        model.run(ctx, args);
        const term = ctx.observed[i];
        if (term === undefined || term.name !== names[i]) throw new LooError(`moment matching moved the draws to where the model does not observe \`${names[i]}\` as the ${i + 1}th observation (does an \`if\` on a parameter choose them?)`);
        return term.logLik;
      }),
  };
}
