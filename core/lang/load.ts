import type { Diagnostic, Model } from '../model/index.js';
import { parse } from './parser.js';
import { compileProgram, type ScriptRun } from './compile/index.js';

export interface CompiledSource {
  models: Model[];
  diagnostics: Diagnostic[];
  scriptRuns: ReadonlyMap<string, ScriptRun>;
}

/**
 * Source text to models: parse, check and lower; diagnostics from every stage, errors first; and the
 * run settings of the script's `sample(…)` lines, by model name.
 */
export function compile(source: string): CompiledSource {
  const parsed = parse(source);
  if (!parsed.program) return { models: [], diagnostics: parsed.diagnostics, scriptRuns: new Map() };
  const { models, diagnostics, scriptRuns } = compileProgram(source, parsed.program);
  const all = [...parsed.diagnostics, ...diagnostics];
  all.sort((a, b) => (a.severity === 'error' ? 0 : 1) - (b.severity === 'error' ? 0 : 1) || a.from - b.from);
  return { models, diagnostics: all, scriptRuns };
}
