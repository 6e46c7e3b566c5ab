import { parseArgs, type ParseArgsConfig } from 'node:util';
import { existsSync } from 'node:fs';
import type { Diagnostic } from '../core/model/index.js';
import { formatDiagnostics } from './diagnostics.js';
import { CliError, readData, readText } from './files.js';

/** Options every command on one model file shares. */
const MODEL_OPTIONS = {
  data: { type: 'string' },
  model: { type: 'string' },
  seed: { type: 'string' },
  json: { type: 'boolean', default: false },
  help: { type: 'boolean', short: 'h', default: false },
} as const satisfies ParseArgsConfig['options'];

type Values = Record<string, string | boolean | string[] | undefined>;

export interface ModelCommand {
  /** Every option's value, the command's own included. */
  values: Values;
  file: string;
  source: string;
  json: boolean;
  request: { source: string; data?: { text: string; format: 'json' | 'csv' }; modelName?: string; seed: number };
}

/**
 * Parses `tilde <command> MODEL [--data DATA] [--model NAME] [--seed N] [--json]` plus the command's
 * own options, reads the files, and returns undefined after printing the help when asked for it.
 */
export function parseModelCommand(argv: string[], help: string, extra: NonNullable<ParseArgsConfig['options']>): ModelCommand | undefined {
  const { values, positionals } = parseArgs({ args: argv, allowPositionals: true, options: { ...MODEL_OPTIONS, ...extra } }) as { values: Values; positionals: string[] };
  if (values.help) {
    console.log(help);
    return undefined;
  }
  const file = positionals[0];
  if (!file || positionals.length > 1) throw new CliError(help, 2);
  if (!existsSync(file)) throw new CliError(`no such model file: ${file}`);
  const seed = values.seed === undefined ? 1 : Number(values.seed);
  if (!Number.isSafeInteger(seed) || seed < 0) throw new CliError(`--seed must be a non-negative integer, got ${String(values.seed)}`, 2);
  const source = readText(file, 'model file');
  const data = typeof values.data === 'string' ? readData(values.data) : undefined;
  const modelName = typeof values.model === 'string' ? values.model : undefined;
  return {
    values,
    file,
    source,
    json: values.json === true,
    request: { source, seed, ...(data ? { data } : {}), ...(modelName ? { modelName } : {}) },
  };
}

/** A string option of the command's own, or undefined. */
export function stringOption(command: ModelCommand, name: string): string | undefined {
  const v = command.values[name];
  return typeof v === 'string' ? v : undefined;
}

/** Diagnostics on stderr (or as `{diagnostics}` JSON on stdout); the command then exits 1. */
export function printFailure(command: ModelCommand, diagnostics: readonly Diagnostic[]): number {
  if (command.json) console.log(JSON.stringify({ diagnostics }, null, 2));
  else console.error(formatDiagnostics(command.file, command.source, diagnostics));
  return 1;
}
