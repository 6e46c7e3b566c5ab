import type { DataFrame, Diagnostic, Model } from '../model/index.js';
import type { DataTable } from './dataframes/index.js';
import { parse } from './parser.js';
import { compileProgram, type ScriptRun } from './compile/index.js';

export interface CompiledSource {
  models: Model[];
  diagnostics: Diagnostic[];
  scriptRuns: ReadonlyMap<string, ScriptRun>;
  /** The data's table, when the script's top-level lines read it (`df = CSV.read(…, DataFrame)`) and make the model's arguments from it. */
  table?: DataFrame;
}

/**
 * Source text to models: parse, check and lower; diagnostics from every stage, errors first; and the
 * run settings of the script's `sample(…)` lines, by model name. `table` is the data's table (CSV data), for a script
 * that reads one (`df = CSV.read("kidiq.csv", DataFrame)`).
 */
export function compile(source: string, table?: DataTable): CompiledSource {
  const parsed = parse(source);
  if (!parsed.program) return { models: [], diagnostics: parsed.diagnostics, scriptRuns: new Map() };
  const { models, diagnostics, scriptRuns, table: read } = compileProgram(source, parsed.program, table);
  const all = [...parsed.diagnostics, ...diagnostics];
  all.sort((a, b) => (a.severity === 'error' ? 0 : 1) - (b.severity === 'error' ? 0 : 1) || a.from - b.from);
  return { models, diagnostics: all, scriptRuns, ...(read ? { table: read } : {}) };
}
