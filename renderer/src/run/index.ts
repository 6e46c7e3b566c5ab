export { useRunStore } from './use-run-store';
export { createRunStore, type RunState, type RunStore, type RunStoreOptions, type OptimizeRequest, type PredictiveCheck, type LooState, type LooHistoryEntry } from './run-store';
export { RunDraws } from './run-draws';
export { GrowableFloat64Array } from './growable-array';
export { type ChainProgress, type ChainPhase, phaseLabel, divergenceNote } from './chain-progress';
export { type RunStatus, ranWith, statusText } from './run-outcome';
export { formatDuration } from './duration';
export { RunPanel } from './RunPanel';
