export { check } from './check.js';
export { autoBackend } from './auto.js';
export { benchmark } from './benchmark.js';
export { optimizeModel } from './optimize.js';
export { predictModel } from './predict.js';
export { vocabulary } from './vocabulary.js';
export { readExamples } from './examples.js';
export { runEngineJob } from './engine-job.js';
export { EngineHost, ENGINE_TIMEOUTS_MS, ENGINE_STARTUP_MS, type EngineHostOptions } from './host.js';
