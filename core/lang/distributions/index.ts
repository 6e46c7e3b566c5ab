import type { JFunction, Value } from '../../model/index.js';
import { univariateFunctions, univariateSignatures } from './univariate.js';
import { multivariateFunctions, multivariateSignatures } from './multivariate.js';
import { distributionFunctionList } from './functions.js';
import { nameOf } from './convert.js';

const constructors = new Map<string, JFunction>([
  ...univariateFunctions,
  ...multivariateFunctions,
  ...distributionFunctionList.map(([signature, f]): [string, JFunction] => [nameOf(signature), f]),
]);

/** Distributions.jl's own other names for a family (`const DoubleExponential = Laplace`), which research code uses. */
const ALIASES: [alias: string, name: string][] = [
  ['Gaussian', 'Normal'],
  ['DoubleExponential', 'Laplace'],
  ['MultivariateNormal', 'MvNormal'],
];

/** Distribution constructors and the functions of distributions, by their Julia names. */
export const distributionFunctions: ReadonlyMap<string, Value> = new Map<string, Value>([
  ...constructors,
  ...ALIASES.map(([alias, name]): [string, JFunction] => {
    const f = constructors.get(name);
    if (f === undefined) throw new Error(`no distribution ${name} to alias as ${alias}`);
    return [alias, f];
  }),
]);

/** Each distribution constructor's signature with its parameters as the constructor names them, for editor completion. */
export const distributionSignatures: ReadonlyMap<string, string> = new Map([...univariateSignatures, ...multivariateSignatures]);

/** `logpdf(d, x)`, `mean(d)` …: the functions of a distribution, by name. */
export const distributionFunctionSignatures: ReadonlyMap<string, string> = new Map(distributionFunctionList.map(([signature]) => [nameOf(signature), signature]));
