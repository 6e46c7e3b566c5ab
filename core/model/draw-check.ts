import { value, type Real } from '../ad/index.js';
import { Rng } from '../rng/index.js';
import { ValuesContext } from './contexts.js';
import type { Context } from './context.js';
import { ModelError, lineColumn } from './diagnostic.js';
import { DrawStreams, type DrawSite } from './draw-streams.js';
import type { Model } from './model.js';
import type { Value } from './values.js';

/**
 * Other keys each site is tried with: a draw that reaches the density only now and then (a Bernoulli's in an `if`)
 * goes unnoticed with probability 2⁻⁴ at worst.
 */
const TRIES = 4;

type Outcome = { logjoint: number } | { error: string };

function sameOutcome(a: Outcome, b: Outcome): boolean {
  if ('error' in a) return 'error' in b && a.error === b.error;
  return 'logjoint' in b && (a.logjoint === b.logjoint || (Number.isNaN(a.logjoint) && Number.isNaN(b.logjoint)));
}

function outcomeOf(model: Model, args: ReadonlyMap<string, Value>, discovery: Context, streams: DrawStreams): Outcome {
  const values = new Map<string, Real[]>(discovery.variables.map((v) => [v.name, Array.from(v.value)]));
  const ctx = new ValuesContext((vn) => values.get(vn.name), discovery.variables).drawsFrom(streams);
  try {
    model.run(ctx, args);
    ctx.finish();
    return { logjoint: value(ctx.logjoint) };
  } catch (e) {
    if (e instanceof ModelError) return { error: e.message };
    throw e;
  }
}

/** The error one of two outcomes has and the other has not (the first's, if both have), if any. */
function errorOf(a: Outcome, b: Outcome): string | undefined {
  return 'error' in a ? a.error : 'error' in b ? b.error : undefined;
}

function refusal(model: Model, site: DrawSite, error: string | undefined): ModelError {
  // The line in the message too: a chain's error is shown without its place (`chain 1: error: …`).
  const { line } = lineColumn(model.source, site.span.from);
  const effect = error === undefined ? 'a value that reaches the log density (a `~`\'s distribution or observed value, or `@addlogprob!`)' : `values that make the model stop at some draws and not at others (${error})`;
  return new ModelError(
    `\`${site.name}\` on line ${line} draws ${effect}: it would be drawn anew at every evaluation, and NUTS, HMC or MH would sample a different density at every step, without a word. Make it a random variable with \`~\` (\`z ~ Normal(μ, σ)\`), or keep its value out of the density: a model's own draws are for what it returns or records with \`:=\` (a posterior predictive \`y_rep = rand(Normal(μ, σ))\`)`,
    site.span,
  );
}

/**
 * A model's own draws (Turing's `rand` in a model body) must leave its log density alone, as generated
 * quantities do: where one does not, every gradient would be of another function and no sampler would notice.
 * At the discovery run's parameter values, the model runs with one key for its draws, then with each site's
 * draws alone changed: the first site whose change changes the log joint (or makes or mends an error, such
 * as another set of parameters) is refused, at its place in the source.
 */
export function refuseDrawsInDensity(model: Model, args: ReadonlyMap<string, Value>, discovery: Context): void {
  const key = Rng.seeded(1);
  const base = new DrawStreams(key);
  const expected = outcomeOf(model, args, discovery, base);
  for (const site of base.sites) {
    for (let t = 0; t < TRIES; t++) {
      const varied = new DrawStreams(key, { at: site.span.from, key: Rng.seeded(2 + t) });
      const outcome = outcomeOf(model, args, discovery, varied);
      if (!sameOutcome(expected, outcome)) throw refusal(model, site, errorOf(expected, outcome));
    }
  }
}
