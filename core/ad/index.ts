export { ADNum, isAD, value, valuesOf, node, nodeByRule, linear, anyAD, backendOf, foreignValuesMet, type Real, type BlockOp, type NodeFactory, type Recompute } from './real.js';
export * as ops from './ops.js';
export { forwardGradient, defaultChunkSize, LocalDuals, type GradientResult } from './forward.js';
export { finiteDifferenceGradient, stencilGradient } from './finite.js';
export { Tape } from './tape.js';
export { reverseGradient, compileGradient, compileJacobian, compileValues, noteValueDependence, recordsForReplay, checkDomain, checkDomainOf, keepDomainCheck, CompiledTapeError } from './reverse.js';
export { trackerGradient } from './tracker.js';
export { verifiedCompiledGradient, replayAgrees, type VerifiedTape } from './verified-tape.js';
export {
  makeGradient,
  parseBackend,
  resolveBackend,
  autoBackend,
  BACKEND_NAMES,
  UnsupportedBackendError,
  UnknownBackendError,
  type BackendName,
  type BackendOptions,
  type GradientFunction,
} from './backends.js';
