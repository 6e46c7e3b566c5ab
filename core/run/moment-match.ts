import { value } from '../ad/index.js';
import type { Chains } from '../chains/index.js';
import { LooError, type MomentMatchModel } from '../diagnostics/index.js';
import { BoundModel, chainEntries, fromHeld, heldOf, ModelError, type Model, type Value } from '../model/index.js';
import { Rng } from '../rng/index.js';
import { PointwiseContext } from './pointwise-context.js';

/**
 * Runs the model at a draw moment matching moved. Every such draw is a point of the unconstrained space, but
 * a model may still fail there (`Normal(μ, σ - 1)` below σ = 1, where the sampler never went): matching
 * then cannot go on, and the model's message says why.
 */
function atMovedDraw<T>(run: () => T): T {
  try {
    return run();
  } catch (e) {
    if (!(e instanceof ModelError) || e instanceof LooError) throw e;
    throw new LooError(`moment matching moved the draws to where the model cannot be evaluated (${e.message}): leave-one-out without it is all this model allows`);
  }
}

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
  // Matching asks for the log density and the log-likelihood at the same moved draws: one run gives the
  // density and the constrained values (by element name) both, and the likelihood's run reads those.
  const runs = new WeakMap<readonly Float64Array[], { logDensity: number; values: Map<string, number> }[]>();
  const evaluated = (points: readonly Float64Array[]) => {
    let done = runs.get(points);
    if (!done) {
      done = points.map((p) =>
        atMovedDraw(() => {
          const ctx = bound.run(Array.from(p), true);
          return { logDensity: value(ctx.logdensity), values: new Map(ctx.variables.flatMap((v) => v.elements.map((e, k) => [e, v.value[k]!] as const))) };
        }),
      );
      runs.set(points, done);
    }
    return done;
  };
  return {
    draws,
    logDensity: (points) => Float64Array.from(evaluated(points), (e) => e.logDensity),
    logLik: (i, points) =>
      Float64Array.from(evaluated(points), ({ values: at }) => {
        const ctx = new PointwiseContext((_vn, elements) => (elements.every((e) => at.has(e)) ? elements.map((e) => at.get(e)!) : undefined), Rng.seeded(0));
        atMovedDraw(() => model.run(ctx, args));
        const term = ctx.observed[i];
        if (term === undefined || term.name !== names[i]) throw new LooError(`moment matching moved the draws to where the model does not observe \`${names[i]}\` as the ${i + 1}th observation (does an \`if\` on a parameter choose them?)`);
        return term.logLik;
      }),
  };
}
