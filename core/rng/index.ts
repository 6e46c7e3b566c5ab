export { Rng } from './rng.js';
export { randGamma, logRandGamma, randBeta, randChisq, randTDist, randPoisson, randBinomial, randNegativeBinomial, randCategorical, randVonMises } from './variates.js';
