export { RunManager, type ManagerOptions } from './manager.js';
export { Run, type RunResult } from './run.js';
export type { Spawner, WorkerHandle, WorkerExit } from './spawner.js';
export { spawnNodeWorker } from './spawn-node.js';
export * from './protocol.js';
export { describeExit } from './spawner.js';
export * from './engine/index.js';
export * from './analysis/index.js';
