export { type DrawsMatrix, drawsMatrix, matrixFromChains, chainOf } from './matrix.js';
export { Chains, type ChainsLayout, type DrawBatch, type VariableKind } from './chains.js';
export type { ChainInfo, ParticleFit, VariationalFit } from './info.js';
export { ChainsError } from './errors.js';
export { concatenated } from './concat.js';
export { baseName, nameMatches, toStanName, fromStanName, toStanStat, fromStanStat, TURING_STATS } from './names.js';
export * from './csv/index.js';
