import type * as A from '../ast.js';
import { nameOf } from '../calls.js';
import { resolved, type ScriptScope } from './script-sampler.js';

/**
 * Turing before 0.7 (2019) put the number of draws inside the sampler and gave `sample` two arguments:
 * `sample(model, NUTS(2000, 1000, 0.85))`, `HMC(1000, 0.05, 10)`, `PG(10, 20)`, `Gibbs(1000, …)`, `MH(1000)`.
 * Old issues paste such lines; each gets its current spelling. The position of the count in each sampler:
 */
const COUNT_AT: ReadonlyMap<string, number> = new Map([
  ['NUTS', 0],
  ['HMC', 0],
  ['HMCDA', 0],
  ['MH', 0],
  ['Gibbs', 0],
  ['PG', 1],
]);

/** What a two-argument `sample(model, S(n, …))` line means today, or undefined when its sampler is not of that form. */
export function oldSampleSyntax(call: A.Call, modelAt: number, algorithm: A.Expr, scope: ScriptScope): string | undefined {
  const sampler = resolved(algorithm, scope);
  const name = sampler.kind === 'call' ? nameOf(sampler) : undefined;
  const at = COUNT_AT.get(name ?? '');
  if (sampler.kind !== 'call' || at === undefined || sampler.args.length <= at) return undefined;
  const text = (e: A.Expr) => scope.source.slice(e.span.from, e.span.to);
  const rest = sampler.args.filter((_, i) => i !== at).map(text).join(', ');
  const today = `sample(${text(call.args[modelAt]!)}, ${name}(${rest}), ${text(sampler.args[at]!)})`;
  const gibbs = name === 'Gibbs' ? ', with each sampler in it given its variables (`Gibbs(:s => PG(20), (:m, :T) => HMC(0.001, 7))`)' : '';
  return `\`${text(sampler)}\` holds the number of draws, as samplers did before Turing 0.7 (2019): Turing now writes \`${today}\`${gibbs}`;
}
