import type * as A from '../ast.js';
import { JType, NOTHING, type Value } from '../../model/index.js';
import { isaType } from '../runtime/types.js';

/**
 * Julia chooses among the methods of one name by the types of the arguments. The file's definitions of a
 * name — a model and the convenience function the probability-interface page writes beside it,
 * `gdemo(x::AbstractVector{<:Real}) = gdemo(length(x)) | (; x)` — are told apart the same way: by the number
 * of arguments, then by the parameters' annotations, the most specific that accepts the arguments winning.
 * An annotation Tilde does not know (`::Type{T}`, a package's type) constrains nothing; a definition alone
 * is not checked against its annotations.
 */
export function chooseDefinition<T extends { def: A.FunctionDef }>(candidates: readonly T[], args: readonly Value[]): T | undefined {
  // Alone, a definition runs whatever its annotations say, as before there was a choice to make.
  if (candidates.length <= 1) return candidates[0];
  let best = candidates[0];
  let bestScore = -1;
  for (const c of candidates) {
    const score = specificity(c.def, args);
    if (score > bestScore) [best, bestScore] = [c, score];
  }
  return best;
}

/** How many annotated parameters accept their argument; −1 when one refuses it. */
function specificity(def: A.FunctionDef, args: readonly Value[]): number {
  let score = 0;
  for (const [i, p] of def.params.entries()) {
    const t = annotation(p);
    const v = args[i];
    if (t === undefined || v === undefined || p.splat) continue;
    if (!isaType(v, t)) return -1;
    score++;
  }
  return score;
}

/** The type a parameter is annotated with (`AbstractVector` of `x::AbstractVector{<:Real}`), if Tilde knows it. */
export function annotation(p: A.Param): JType | undefined {
  const e = p.type?.kind === 'curly' ? p.type.target : p.type;
  if (e?.kind !== 'ident' || e.name === 'Any') return undefined;
  const t = new JType(e.name);
  try {
    isaType(NOTHING, t);
    return t;
  } catch {
    return undefined;
  }
}
