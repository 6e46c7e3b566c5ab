export { compileProgram, type CompiledProgram } from './program.js';
export { toDiagnostic } from './to-diagnostic.js';
export type { ScriptRun } from './script-run.js';
export { namesRandomVariable } from './walk.js';
export { closest } from './suggest.js';
