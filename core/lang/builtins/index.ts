import { JFunction, type Value } from '../../model/index.js';
import { collectionBuiltins } from './collections.js';
import { comparisonBuiltins } from './comparisons.js';
import { concatBuiltins } from './concat.js';
import { constantEntries } from './constants.js';
import { covarianceBuiltins } from './covariance.js';
import { creationBuiltins } from './creation.js';
import { dateBuiltins, dateMethods, datesIn, datesModule } from './dates.js';
import { callDictMethod, dictBuiltins, dictMethodNames, takesDict } from './dicts.js';
import { distanceBuiltins } from './distances.js';
import { errorBuiltins } from './errors.js';
import { gpBuiltins } from './gp.js';
import { higherOrderBuiltins } from './higher-order.js';
import { layoutBuiltins } from './layout.js';
import type { Builtin } from './define.js';
import { linalgBuiltins } from './linalg.js';
import { mathBuiltins } from './math.js';
import { matrixBuiltins } from './matrices.js';
import { namedTupleBuiltins } from './named-tuples.js';
import { normalBuiltins } from './normal.js';
import { odeBuiltins, odeConstants } from './ode.js';
import { pairBuiltins } from './pairs.js';
import { quantileBuiltins } from './quantiles.js';
import { rangeBuiltins } from './ranges.js';
import { reductionBuiltins } from './reductions.js';
import { roundingBuiltins } from './rounding.js';
import { sizeBuiltins } from './sizes.js';
import { sliceBuiltins } from './slices.js';
import { specialBuiltins } from './special.js';
import { statsBuiltins } from './stats.js';
import { stringBuiltins } from './strings.js';
import { triangularBuiltins } from './triangular.js';
import { typeBuiltins } from './types.js';

/** The built-in functions and constants of the model language, with Julia's names and meaning. */

const all: Builtin[] = [
  ...mathBuiltins,
  ...roundingBuiltins,
  ...specialBuiltins,
  ...normalBuiltins,
  ...sizeBuiltins,
  ...creationBuiltins,
  ...rangeBuiltins,
  ...concatBuiltins,
  ...layoutBuiltins,
  ...sliceBuiltins,
  ...collectionBuiltins,
  ...namedTupleBuiltins,
  ...pairBuiltins,
  ...dictBuiltins,
  ...dateBuiltins,
  ...reductionBuiltins,
  ...higherOrderBuiltins,
  ...statsBuiltins,
  ...quantileBuiltins,
  ...covarianceBuiltins,
  ...distanceBuiltins,
  ...linalgBuiltins,
  ...matrixBuiltins,
  ...triangularBuiltins,
  ...typeBuiltins,
  ...comparisonBuiltins,
  ...errorBuiltins,
  ...stringBuiltins,
  ...odeBuiltins,
  ...gpBuiltins,
];

function table<T>(entries: [string, T][]): ReadonlyMap<string, T> {
  const map = new Map<string, T>();
  for (const [name, v] of entries) {
    if (map.has(name)) throw new Error(`built-in ${name} is defined twice`);
    map.set(name, v);
  }
  return map;
}

/**
 * A built-in with a method for a kind of value its own file does not know takes it when its first argument is one:
 * a Dict's (`keys(d)`, `length(d)`), a vector of Dates' (`minimum(df.date)`).
 */
function withMethods(b: Builtin): Builtin['call'] {
  const onDates = dateMethods.get(b.name);
  if (!dictMethodNames.has(b.name) && onDates === undefined) return b.call;
  return (args, kwargs) => {
    if (takesDict(b.name, args)) return callDictMethod(b.name, args, kwargs);
    const dates = onDates && args.length === 1 && kwargs.size === 0 ? datesIn(args[0]) : undefined;
    return dates ? onDates!(dates) : b.call(args, kwargs);
  };
}

export const builtins: ReadonlyMap<string, JFunction> = table(all.map((b) => [b.name, new JFunction(b.name, withMethods(b))]));

export const constants: ReadonlyMap<string, Value> = table([...constantEntries, ...odeConstants, datesModule(builtins)]);

/** One line per name for editor completion, e.g. "logsumexp(x) / logsumexp(x; dims)". */
export const builtinSignatures: ReadonlyMap<string, string> = table([
  ...all.map((b): [string, string] => [b.name, b.signature]),
  ['Float64', 'Float64(x)'],
  ['Int', 'Int(x)'],
  ['Real', 'Real(x)'],
  ['Vector', 'Vector{T}(undef, n)'],
  ['Matrix', 'Matrix{T}(undef, m, n) / Matrix(I, n, n)'],
  ['Array', 'Array{T}(undef, dims...)'],
  ['Dict', 'Dict(k => v, ...) / Dict(pairs) / Dict{K, V}()'],
  ['I', 'I (the identity, λ * I)'],
]);

export { callType, UNDEF } from './construct.js';
export { operatorFunctions } from './operators.js';
export { SUBSTITUTED_SOLVERS } from './ode.js';
