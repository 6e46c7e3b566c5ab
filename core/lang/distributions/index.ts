import { JFunction, type Value } from '../../model/index.js';
import { allowKwargs } from '../builtins/define.js';
import { fail } from '../runtime/errors.js';
import { univariateFunctions, univariateSignatures } from './univariate.js';
import { multivariateFunctions, multivariateSignatures } from './multivariate.js';
import { distributionFunctionList } from './functions.js';
import { bijectorFunctions } from './bijectors.js';
export { supportOfTransform } from './bijectors.js';
import { statsFunsFunctions } from './statsfuns.js';
import { nameOf } from './convert.js';

const signatures = new Map([...univariateSignatures, ...multivariateSignatures]);

/** The keywords a constructor reads (Distributions.jl's), besides `check_args`, which any takes and Tilde's checks ignore. */
const KEYWORDS: ReadonlyMap<string, readonly string[]> = new Map([
  ['truncated', ['lower', 'upper']],
  ['censored', ['lower', 'upper']],
]);

/**
 * Julia refuses a keyword a method does not take; ignoring it would change the model without a word
 * (`truncated(Cauchy(0, 5); lowr = 0)` is an untruncated Cauchy, `Normal(μ = 5, σ = 2)` a standard normal).
 */
function refusingOtherKeywords([name, f]: [string, JFunction], signature: string | undefined): [string, JFunction] {
  const allowed = KEYWORDS.get(name);
  return [
    name,
    new JFunction(name, (args, kwargs) => {
      if (kwargs.size > 0) {
        const other = [...kwargs.keys()].find((k) => k !== 'check_args');
        if (allowed) allowKwargs(name, kwargs, [...allowed, 'check_args']);
        else if (other !== undefined) fail(`${name} has no keyword argument \`${other}\`: its parameters go by position, \`${signature ?? `${name}(…)`}\``);
      }
      return f.call(args, kwargs);
    }),
  ];
}

const constructors = new Map<string, JFunction>([
  ...[...univariateFunctions, ...multivariateFunctions, ...bijectorFunctions].map((entry) => refusingOtherKeywords(entry, signatures.get(entry[0]))),
  ...distributionFunctionList.map(([signature, f]): [string, JFunction] => [nameOf(signature), f]),
  ...statsFunsFunctions,
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
export const distributionSignatures: ReadonlyMap<string, string> = signatures;

/** `logpdf(d, x)`, `mean(d)` …: the functions of a distribution, by name. */
export const distributionFunctionSignatures: ReadonlyMap<string, string> = new Map(distributionFunctionList.map(([signature]) => [nameOf(signature), signature]));
