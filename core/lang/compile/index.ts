export { compileProgram, type CompiledProgram } from './program.js';
export { toDiagnostic } from './to-diagnostic.js';
