import type { Call, Expr } from './ast.js';

/** The name a call or a name refers to: `NUTS(…)`, `Turing.NUTS(…)`, `AdvancedHMC.DenseEuclideanMetric`. */
export function nameOf(e: Expr): string | undefined {
  const target = e.kind === 'call' && !e.broadcast ? e.callee : e;
  return target.kind === 'ident' || target.kind === 'field' ? target.name : undefined;
}

/**
 * A script's `sample(…)` or `Turing.sample(…)` line, or its variational `vi(…)`: the parser keeps it without the warning
 * that top-level statements are not run, because the compiler says what it takes from it (compile/script-run.ts).
 */
export function isSampleCall(e: Expr): e is Call {
  const name = e.kind === 'call' && !e.broadcast ? nameOf(e) : undefined;
  return (name === 'sample' && !isCollectionSample(e as Call)) || name === 'vi';
}

/** StatsBase's weight vectors, which `sample` draws by. */
export const WEIGHTS = ['Weights', 'weights', 'pweights', 'aweights', 'fweights', 'uweights', 'ProbabilityWeights', 'FrequencyWeights', 'AnalyticWeights', 'UnitWeights'];
const COLLECTIONS = ['collect', 'unique', 'vcat', 'eachindex', 'axes', 'keys', 'values'];

/**
 * StatsBase's `sample(a, n)`, which scripts draw synthetic data with (`y = sample([0, 1], 11)`, `g = sample(1:K, N)`,
 * `sample(1:3, Weights(p), n)`, `sample(x, k; replace = false)`), told from Turing's `sample(model, …)` by what can
 * only be StatsBase's: a collection written in the call, weights, or its keywords. `sample(x, n)` with `x` a vector
 * stays a sample line: only the data's value could tell it apart.
 */
export function isCollectionSample(e: Call): boolean {
  if (e.kwargs.some((k) => k.name === 'replace' || k.name === 'ordered')) return true;
  if (e.args.some((a) => a.kind === 'call' && WEIGHTS.includes(nameOf(a) ?? ''))) return true;
  return e.args.slice(0, 2).some((a) => ['array', 'range', 'comprehension', 'matrix', 'tuple'].includes(a.kind) || (a.kind === 'call' && COLLECTIONS.includes(nameOf(a) ?? '')));
}

/**
 * `Random.seed!(n)`, `seed!(n)` or `Random.seed!(rng, n)` with a literal integer: it seeds the draws of the script's data
 * (compile/script-random.ts), so the parser keeps it without the warning that top-level statements are not run.
 */
export function seedOf(e: Expr): number | undefined {
  if (e.kind !== 'call' || e.broadcast || (e.args.length !== 1 && e.args.length !== 2) || nameOf(e) !== 'seed!') return undefined;
  const seed = e.args.at(-1);
  return seed?.kind === 'number' && seed.isInteger ? seed.value : undefined;
}
