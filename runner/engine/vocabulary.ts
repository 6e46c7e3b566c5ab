import { builtinSignatures, distributionFunctionSignatures, distributionSignatures } from '../../core/lang/index.js';
import type { VocabularyEntry } from '../api.js';

/**
 * The names the language knows, with their signatures, for the editor's completion: read from the
 * tables that define them. A function of distributions that shares its name with a built-in
 * (`mean(x)`, `mean(d)`) is one entry with both signatures.
 */
export function vocabulary(): VocabularyEntry[] {
  const distributions = [...distributionSignatures].map(([name, signature]): VocabularyEntry => ({ name, kind: 'distribution', signature }));
  const functions = new Map([...builtinSignatures].map(([name, signature]) => [name, signature]));
  for (const [name, signature] of distributionFunctionSignatures) functions.set(name, functions.has(name) ? `${functions.get(name)} / ${signature}` : signature);
  return [...distributions, ...[...functions].map(([name, signature]): VocabularyEntry => ({ name, kind: 'function', signature }))];
}
