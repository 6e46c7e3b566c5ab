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
  return name === 'sample' || name === 'vi';
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
