import { checkModel, type CheckRequest } from './check.js';

/** Shared by the model-level tests: data as the data panel sends it, a check that must succeed, a reference density. */

export const jsonData = (value: object) => ({ text: JSON.stringify(value), format: 'json' as const });

/** `checkModel` that must succeed: its diagnostics become the thrown message otherwise. */
export function checked(req: CheckRequest) {
  const outcome = checkModel(req);
  if (!outcome.ok) throw new Error(outcome.diagnostics.map((d) => d.message).join('; '));
  return outcome;
}

export const normalLogpdf = (x: number, mu: number, sd: number): number => -0.5 * Math.log(2 * Math.PI * sd * sd) - ((x - mu) * (x - mu)) / (2 * sd * sd);
