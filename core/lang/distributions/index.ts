import type { JFunction, Value } from '../../model/index.js';
import { univariateFunctions, univariateSignatures } from './univariate.js';
import { multivariateFunctions, multivariateSignatures } from './multivariate.js';
import { distributionFunctionList } from './functions.js';
import { nameOf } from './convert.js';

/** Distribution constructors and the functions of distributions, by their Julia names. */
export const distributionFunctions: ReadonlyMap<string, Value> = new Map<string, JFunction>([
  ...univariateFunctions,
  ...multivariateFunctions,
  ...distributionFunctionList.map(([signature, f]): [string, JFunction] => [nameOf(signature), f]),
]);

/** Each distribution constructor's signature with its parameters as the constructor names them, for editor completion. */
export const distributionSignatures: ReadonlyMap<string, string> = new Map([...univariateSignatures, ...multivariateSignatures]);

/** `logpdf(d, x)`, `mean(d)` …: the functions of a distribution, by name. */
export const distributionFunctionSignatures: ReadonlyMap<string, string> = new Map(distributionFunctionList.map(([signature]) => [nameOf(signature), signature]));
