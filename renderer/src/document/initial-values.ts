import type { InitialValues } from '../../../core/run/index';

function valueProblem(name: string, v: unknown): string | undefined {
  if (Array.isArray(v)) {
    for (const x of v) {
      const problem = valueProblem(name, x);
      if (problem) return problem;
    }
    return undefined;
  }
  return typeof v === 'number' && Number.isFinite(v) ? undefined : `the value of ${name} must be a number or a list of numbers, got ${JSON.stringify(v)}`;
}

/**
 * The initial-values field as the run request takes it: empty means Stan's random start; otherwise a JSON
 * object of constrained values by name (`{"σ": 1, "β": [0, 1]}`), or the problem to show by the field.
 */
export function readInitialValues(text: string | undefined): { values?: InitialValues; problem?: string } {
  if (text === undefined || text.trim() === '') return {};
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return { problem: 'Initial values must be JSON, as {"σ": 1, "β": [0, 1]}' };
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return { problem: 'Initial values must be a JSON object of values by parameter name, as {"σ": 1}' };
  for (const [name, v] of Object.entries(parsed)) {
    const problem = valueProblem(name, v);
    if (problem) return { problem: `Initial values: ${problem}` };
  }
  return { values: parsed as InitialValues };
}
