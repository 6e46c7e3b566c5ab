import type { Diagnostic, Model } from '../model/index.js';
import { parse } from './parser.js';
import { compileProgram } from './compile/index.js';

/** Source text to models: parse, check and lower; diagnostics from every stage, errors first. */
export function compile(source: string): { models: Model[]; diagnostics: Diagnostic[] } {
  const parsed = parse(source);
  if (!parsed.program) return { models: [], diagnostics: parsed.diagnostics };
  const { models, diagnostics } = compileProgram(source, parsed.program);
  const all = [...parsed.diagnostics, ...diagnostics];
  all.sort((a, b) => (a.severity === 'error' ? 0 : 1) - (b.severity === 'error' ? 0 : 1) || a.from - b.from);
  return { models, diagnostics: all };
}
