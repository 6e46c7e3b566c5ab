import { bijectorOf, fromHeld, heldOf, ModelError, type BoundModel } from '../model/index.js';
import type { Rng } from '../rng/index.js';

/** A parameter's initial value: a number, or (nested) arrays of them, matrices row by row as JSON writes them. */
export type InitialValue = number | readonly InitialValue[];
/** Constrained initial values by variable name (`"β": [0, 1]`) or element name (`"β[2]": 1`). */
export type InitialValues = Readonly<Record<string, InitialValue>>;

/**
 * The values by element name, as the chains name their columns (`β[2]`, `Σ[1, 2]`); throws a ModelError
 * naming a value that is not a finite number or an array of them.
 */
export function initialValuesByElement(values: Readonly<Record<string, unknown>>): Record<string, number> {
  const out: Record<string, number> = {};
  const put = (name: string, v: unknown): void => {
    if (typeof v !== 'number' || !Number.isFinite(v)) throw new ModelError(`the initial value of \`${name}\` must be a finite number, got ${JSON.stringify(v)}`, undefined);
    out[name] = v;
  };
  for (const [name, v] of Object.entries(values)) {
    if (!Array.isArray(v)) put(name, v);
    else v.forEach((x: unknown, i) => (Array.isArray(x) ? x.forEach((y: unknown, j) => put(`${name}[${i + 1}, ${j + 1}]`, y)) : put(`${name}[${i + 1}]`, x)));
  }
  return out;
}

/**
 * A Cholesky factor given whole as a matrix (`"Ω": [[1, 0], [0.6, 0.8]]`, entries `Ω[i, j]`) read as the
 * names its chains hold (`Ω.L[i, j]`), its other triangle (zero by construction) passed over.
 */
function throughFactors(bound: BoundModel, init: Record<string, number>): Record<string, number> {
  const out = { ...init };
  for (const v of bound.variables) {
    if (v.held === undefined) continue;
    const factor = v.elements[0]!.slice(0, v.elements[0]!.indexOf('['));
    const held = new Set(heldOf(v.held, v.elements));
    for (const key of Object.keys(init)) {
      if (!key.startsWith(`${v.name}[`)) continue;
      const entry = `${factor}${key.slice(v.name.length)}`;
      if (!v.elements.includes(entry)) continue;
      delete out[key];
      if (held.has(entry)) out[entry] = init[key]!;
    }
  }
  return out;
}

/**
 * User initial values are constrained and named by element; the sampler starts from their link. A
 * variable given no value starts as Stan starts it, uniform(−2, 2) in its unconstrained space, from the
 * chain's own stream; one given only some of its elements, or a name that is no parameter, is an error.
 */
export function linkInitialValues(bound: BoundModel, given: InitialValues, rng: Rng): Float64Array {
  const init = throughFactors(bound, initialValuesByElement(given));
  const known = new Set(bound.parameterNames);
  const unknown = Object.keys(init).filter((name) => !known.has(name));
  if (unknown.length > 0) {
    const parameters = bound.variables.map((v) => `\`${v.name}\``).join(', ');
    throw new ModelError(`the initial values name ${unknown.map((n) => `\`${n}\``).join(', ')}, which ${unknown.length === 1 ? 'is not a parameter' : 'are not parameters'} of the model; its parameters are ${parameters}`, undefined);
  }
  const { unconstrained } = bound.evaluateAt((vn, dist) => {
    const variable = bound.variables.find((v) => v.name === vn.name);
    // By the names the chains give (a Cholesky factor's triangle: the other is zero).
    const names = variable ? heldOf(variable.held, variable.elements) : [vn.name];
    const values = names.map((n) => init[n]);
    if (values.every((v) => typeof v === 'number')) return fromHeld(variable?.held, variable?.elements.length ?? 1, values as number[]);
    if (values.some((v) => typeof v === 'number')) {
      throw new ModelError(`the initial values give some elements of \`${vn.name}\` but not ${names.filter((n) => init[n] === undefined).map((n) => `\`${n}\``).join(', ')}: give all of them or none`, undefined);
    }
    const y = Array.from({ length: variable?.unconstrainedLength ?? names.length }, () => -2 + 4 * rng.uniform());
    return bijectorOf(dist).invlink(y).x;
  });
  return unconstrained;
}
