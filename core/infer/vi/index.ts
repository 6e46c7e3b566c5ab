export { adviInit, adviStep, drawApproximation, AdviInitError, type AdviState, type AdviParams, type AdviInfo } from './advi.js';
export { gaussianMoments, type GaussianFamily } from './family.js';
