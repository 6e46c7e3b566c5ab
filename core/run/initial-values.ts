import { ModelError } from '../model/index.js';

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
