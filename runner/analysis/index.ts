export { diagnoseRun } from './diagnose.js';
export { plotStatistics } from './plots.js';
export { INTERVAL_PROBABILITIES, MAX_INTERVAL_ROWS } from './intervals.js';
export { exportRun } from './export.js';
export { evenlySpaced, posteriorPredictive, predictiveDraws, replicatesCsv, PREDICTIVE_DRAWS, OVERLAID_REPLICATES } from './predictive.js';
export { drawsFiles } from './draws-files.js';
export { withDraws } from './with-draws.js';
export { bandwidth, DENSITY_POINTS } from './density.js';
export { RANK_BINS, ENERGY_BINS } from './histograms.js';
