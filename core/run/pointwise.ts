import { drawsMatrix, type Chains } from '../chains/index.js';
import { loo, LooError, looMomentMatch, MAX_MOMENT_MATCH_TRANSFORMATIONS, nonFiniteLogLik, PARETO_K_BAD, waic, type Loo, type Waic } from '../diagnostics/index.js';
import { ModelError, type Model, type Value } from '../model/index.js';
import { Rng } from '../rng/index.js';
import { momentMatchModel } from './moment-match.js';
import { PointwiseContext, type Term } from './pointwise-context.js';

/**
 * Splitting a vector into `y[i] ~ …` is the same model only when its elements are independent given the
 * parameters; a correlated MvNormal's or a Multinomial's element left out needs its conditional distribution
 * (non-factorised LOO, Bürkner, Gabry and Vehtari 2021), which splitting would not give.
 */
function wholeNote(name: string, family: string, length: number): string {
  return `\`${name}\` is observed as one ${family} value of ${length} elements, so leave-one-out leaves them out together. If they are independent given the parameters (an MvNormal with a diagonal covariance), observe them one at a time (\`y[i] ~ …\` in a loop, or \`.~\`) to leave out one element; if not (a full covariance, a Multinomial), leaving out one element needs its distribution conditional on the others, not a loop`;
}

/**
 * The observations at a draw must be the first draw's, in order: an `if` on a parameter that observes `y[1]`
 * at one draw and `y[2]` at another would otherwise put `y[2]`'s log-likelihood in `y[1]`'s column.
 */
function checkSameObservations(first: readonly Term[], now: readonly Term[], draw: number, chain: number): void {
  let k = 0;
  while (k < first.length && k < now.length && first[k]!.name === now[k]!.name) k++;
  if (k === first.length && k === now.length) return;
  const here = `draw ${draw} of chain ${chain}`;
  const [message, span] =
    k === now.length
      ? [`\`${first[k]!.name}\` is observed at the first draw but not at ${here}`, first[k]!.span]
      : k === first.length
        ? [`\`${now[k]!.name}\` is observed at ${here} but not at the first draw`, now[k]!.span]
        : [`at ${here} the model observes \`${now[k]!.name}\` where it observed \`${first[k]!.name}\` at the first draw`, now[k]!.span];
  throw new ModelError(`${message}: leave-one-out needs the same observations at every draw (does an \`if\` on a parameter choose them?)`, span);
}

export interface RunLoo extends Loo {
  /** The model the run sampled, by name: what a comparison of runs calls it. */
  model: string;
  /** The observations in the order the model observes them, as the pointwise results are. */
  names: string[];
  /** What a statistician should know about what was left out or taken together. */
  notes: string[];
  /**
   * The observed values in the order observed: two runs' pointwise results pair up (loo_compare) only when
   * these are equal, the same data observed in the same order; the same count is not enough.
   */
  observed: number[];
  /** WAIC from the same log-likelihoods (loo's `waic`), for those who report it. */
  waic: Waic;
  /** When asked for: the observations whose k moment matching took on, with their k before it. */
  momentMatched?: MomentMatchedObservation[];
}

export interface MomentMatchedObservation {
  name: string;
  kBefore: number;
  /** Affine maps accepted: 0 when none lowered k. */
  transformations: number;
  reachedLimit: boolean;
}

export interface RunLooOptions {
  /**
   * Moment matching (R's `loo_moment_match`) for the observations whose k exceeds 0.7: the draws moved
   * towards each one's leave-one-out posterior, reweighted with the model's log density.
   */
  momentMatch?: boolean;
}

/**
 * PSIS-LOO of a sampled run: each observation's log-likelihood at every draw of every chain that has draws
 * (as many as the shortest of them has: a chain that crashed at its start does not take the others' draws
 * away), then `loo`. The observations must be the same at every draw.
 */
export function runLoo(model: Model, args: ReadonlyMap<string, Value>, chains: Chains, options: RunLooOptions = {}): RunLoo {
  const used = Array.from({ length: chains.nChains }, (_, c) => c).filter((c) => chains.nDraws(c) > 0);
  if (used.length === 0) throw new LooError('the run has no draws: leave-one-out needs the posterior draws');
  const n = Math.min(...used.map((c) => chains.nDraws(c)));
  let first: Term[] | undefined;
  const observed: number[] = [];
  let values: Float64Array | undefined;
  const notes = new Set<string>();
  const m = used.length;
  for (const [u, c] of used.entries()) {
    for (let i = 0; i < n; i++) {
      // No draw is made from the generator: every parameter is in the chains.
      const ctx = new PointwiseContext((_vn, elements) => (elements.every((e) => chains.has(e)) ? elements.map((e) => chains.draws(e, c)[i]!) : undefined), Rng.seeded(0));
      if (!first) ctx.observedValues = observed;
      model.run(ctx, args);
      if (ctx.drawn.length > 0) throw new LooError(`the draws have no values for \`${ctx.drawn[0]}\`: leave-one-out needs the run’s own draws of every parameter`);
      if (!first) {
        if (ctx.observed.length === 0 && ctx.addedLogProb) {
          throw new LooError('the model observes nothing with `~`, and its `@addlogprob!` terms are not observations (DynamicPPL leaves them out too): leave-one-out needs the likelihood written as `y[i] ~ …`');
        }
        first = ctx.observed;
        values = new Float64Array(first.length * m * n);
        // A whole variable taken as one value (`y ~ MvNormal(…)`), not an indexed part the model chose to observe as one (`y[:, i]`).
        for (const t of first) {
          if (t.whole && !t.name.includes('[')) notes.add(wholeNote(t.name, t.whole.family, t.whole.length));
        }
        if (ctx.addedLogProb) notes.add('terms added with `@addlogprob!` are not observations and are left out, as in DynamicPPL’s pointwise log-likelihoods');
      } else {
        checkSameObservations(first, ctx.observed, i + 1, c + 1);
      }
      // Observation-major, then chain, then draw: each observation's draws × chains matrix is contiguous.
      ctx.observed.forEach((t, k) => {
        if (!Number.isFinite(t.logLik)) throw new ModelError(nonFiniteLogLik(t.name, t.logLik, i + 1, c + 1), t.span);
        values![(k * m + u) * n + i] = t.logLik;
      });
    }
  }
  const names = first!.map((t) => t.name);
  const perObservation = m * n;
  const matrices = names.map((_, k) => drawsMatrix(values!.subarray(k * perObservation, (k + 1) * perObservation), n, m));
  const psis = loo(matrices, names);
  const common = { waic: waic(matrices), model: model.name, names, notes: [...notes], observed };
  // Without a k to lower there is nothing to match, and no need to put the draws on the unconstrained scale.
  if (!options.momentMatch || psis.pointwise.every((p) => !(p.paretoK > PARETO_K_BAD))) return { ...psis, ...common, ...(options.momentMatch && { momentMatched: [] }) };
  const matched = looMomentMatch(psis, matrices, momentMatchModel(model, args, chains, used, n, names));
  const momentMatched = matched.matched.map((o) => ({ name: names[o.index]!, kBefore: o.kBefore, transformations: o.transformations, reachedLimit: o.reachedLimit }));
  const limit = momentMatched.filter((o) => o.reachedLimit).map((o) => `\`${o.name}\``);
  if (limit.length > 0) common.notes.push(`moment matching reached its limit of ${MAX_MOMENT_MATCH_TRANSFORMATIONS} transformations for ${limit.join(', ')}: as R's loo says, more might make the estimate more accurate`);
  return { ...matched.loo, ...common, momentMatched };
}
