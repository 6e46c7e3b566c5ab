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

/**
 * What a script's top-level lines make, read back: `prelude` and `lines` run at the top level and a model returns
 * `expr` (as numbers, true as 1), and `problemOf` gives what is said about the first of `lines` (not an info note).
 */
export function scriptLines(prelude: string) {
  const script = (lines: string, expr: string): string => `${prelude}\n${lines}\n@model function m(v)\n    a ~ Normal()\n    return v\nend\nmodel = m(${expr})\n`;
  const firstLine = prelude.split('\n').length + 1;
  return {
    valueOf: (lines: string, expr: string): number[] => Object.values(checked({ source: script(lines, expr) }).value.generated),
    problemOf(lines: string): string | undefined {
      const outcome = checkModel({ source: script(lines, '1') });
      const said = outcome.ok ? outcome.warnings : outcome.diagnostics;
      return said.find((d) => d.line === firstLine && d.severity !== 'info')?.message;
    },
  };
}

