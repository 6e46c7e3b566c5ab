import { readFileSync } from 'node:fs';
import { extname } from 'node:path';
import { initialValuesByElement, type InitialValues } from '../core/run/index.js';

export function readText(path: string, what: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch (e) {
    throw new CliError(`cannot read the ${what} ${path}: ${(e as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (e as Error).message}`);
  }
}

/** Data files are JSON unless they end in .csv. */
export function readData(path: string): { text: string; format: 'json' | 'csv' } {
  return { text: readText(path, 'data file'), format: extname(path).toLowerCase() === '.csv' ? 'csv' : 'json' };
}

/** A usage or file problem: printed without a stack, exit code 2 for usage and 1 otherwise. */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode = 1,
  ) {
    super(message);
  }
}

/** `--params`/`--init`: a JSON object of values by parameter name, given inline (`{"σ": 1}`) or as a file. */
export function parameterValues(text: string, flag: string): Record<string, unknown> {
  const json = text.trimStart().startsWith('{') ? text : readText(text, 'parameter file');
  let parsed: unknown;
  try {
    parsed = JSON.parse(json);
  } catch (e) {
    throw new CliError(`${flag} is not valid JSON: ${(e as Error).message}`);
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw new CliError(`${flag} must be a JSON object of parameter values by name`);
  return parsed as Record<string, unknown>;
}

/** `--init`'s values, checked before anything runs: a value that is no number fails at once. */
export function initialValues(text: string): InitialValues {
  const values = parameterValues(text, '--init');
  try {
    initialValuesByElement(values);
  } catch (e) {
    throw new CliError(`--init: ${(e as Error).message}`, 2);
  }
  return values as InitialValues;
}
