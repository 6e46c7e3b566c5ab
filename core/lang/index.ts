export { parse } from './parser.js';
export type * from './ast.js';
export { compile, type CompiledSource } from './load.js';
export { tableArguments, tableOf } from './dataframes/index.js';
export type { ScriptRun } from './compile/index.js';
export { checkModel, prepare, type CheckRequest, type CheckResult, type ParameterInfo, type Outcome } from './check.js';
export { benchmarkModel } from './benchmark.js';
export { builtinSignatures } from './builtins/index.js';
export { distributionSignatures, distributionFunctionSignatures } from './distributions/index.js';
