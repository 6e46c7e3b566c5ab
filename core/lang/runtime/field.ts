import { DataFrame, JCholesky, JNamedTuple, JPeriod, ModelInstance, Submodel, UniformScaling, describe, type Value } from '../../model/index.js';
import { columnOf } from '../dataframes/columns.js';
import { fail } from './errors.js';
import { ODESolution } from './ode-values.js';
import { Pair } from './pair.js';
import { transposeArray } from './transpose.js';
import { structValueOf } from './user-types.js';

/** A data frame's column (`df.weight`), `cholesky(A).L`, `.U`, `.UL`, named-tuple fields, `(λ*I).λ`, a pair's `.first` and `.second`, an ODE solution's `.t`, `.u`, `.retcode`, a field of a type of the file's (`d.μ`, `p.a`). */
export function getField(v: Value, name: string): Value {
  if (v instanceof JCholesky) {
    if (name === 'L') return v.lower;
    if (name === 'U') return transposeArray(v.lower);
    if (name === 'UL') return v.uplo === 'L' ? v.lower : transposeArray(v.lower);
    return fail(`a Cholesky factorisation has the fields L, U and UL, not ${name}`);
  }
  if (v instanceof DataFrame) return columnOf(v, name);
  const own = structValueOf(v);
  if (own !== undefined) return own.field(name);
  if (v instanceof JNamedTuple) {
    const x = v.entries.get(name);
    if (x === undefined) return fail(v.entries.size ? `the named tuple has no field ${name} (it has ${[...v.entries.keys()].join(', ')})` : `the named tuple is empty: it has no field ${name}`);
    return x;
  }
  if (v instanceof UniformScaling && name === 'λ') return v.lambda;
  // `(d2 - d1).value`: the days between two Dates.
  if (v instanceof JPeriod && name === 'value') return v.value;
  if (v instanceof ODESolution) return v.field(name);
  if (v instanceof Pair) {
    if (name === 'first') return v.first;
    if (name === 'second') return v.second;
    return fail(`a pair has the fields first and second, not ${name}`);
  }
  // The submodels page writes `ps = to_submodel(priors(x))` once, then reads `ps.mu`: only `~` runs a submodel.
  if (v instanceof Submodel || v instanceof ModelInstance) {
    const model = v instanceof Submodel ? v.instance.name : v.name;
    return fail(`${describe(v)} has no field ${name}: a model object is not run by \`=\`; \`name ~ to_submodel(${model}(…))\` runs it and gives \`name\` its return value`);
  }
  return fail(`${describe(v)} has no field ${name}`);
}
