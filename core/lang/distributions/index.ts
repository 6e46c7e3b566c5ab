import type { JFunction, Value } from '../../model/index.js';
import { univariateFunctions } from './univariate.js';
import { multivariateFunctions } from './multivariate.js';
import { distributionFunctionList } from './functions.js';

/** Distribution constructors and the functions of distributions, by their Julia names. */
export const distributionFunctions: ReadonlyMap<string, Value> = new Map<string, JFunction>([...univariateFunctions, ...multivariateFunctions, ...distributionFunctionList]);
