import type { Rng } from '../rng/index.js';
import { ModelError, type BoundModel } from '../model/index.js';
import { evaluate } from '../infer/index.js';
import { adviInit, adviStep, drawApproximation } from '../infer/vi/index.js';
import { paretoSmooth, paretoTailLength } from '../diagnostics/index.js';
import { modelGradientTarget } from './gradient-target.js';
import { initialPoint } from './initial-point.js';
import { DEFAULT_ADVI_SAMPLES, type AdviSettings, type SampleOptions } from './settings.js';
import type { ChainDraws, ChainSink } from './chain-draws.js';
import { drawsInBlocks } from './draw-blocks.js';

/** `lp` is the draw's log density (the chains' column turns it into the constrained log joint), `log_q` the approximation's. */
export const ADVI_STATS = ['lp', 'log_q'];

/** The optimisation's last steps whose ELBO estimates are averaged for the reported ELBO (one estimate is 10 draws' noise). */
const ELBO_WINDOW = 100;

/** loo's fewest draws in the fitted tail. */
const MIN_PARETO_TAIL = 5;

/** Draws of q in a row outside the model's support before the chain gives up. */
const REDRAWS = 100;

/**
 * One chain of Turing's `vi`: ADVI from its own seed for `warmup` steps, then `draws` independent
 * draws of the averaged approximation. The chain's fit reports the ELBO and Pareto k̂ of the draws' importance
 * ratios log p − log q (Yao, Vehtari, Simpson & Gelman 2018): above 0.7, q is no reliable stand-in for the posterior.
 */
export function adviChain(bound: BoundModel, sampler: AdviSettings, options: SampleOptions, rng: { init: Rng; sampler: Rng }, givenInit: Float64Array | undefined, sink: ChainSink): ChainDraws {
  const batchSize = options.batchSize ?? 100;
  // A worker streaming live reports by time, as the gradient samplers do: one message a step would flood it.
  let reported = performance.now();
  const due = (done: number, total: number): boolean => {
    const now = performance.now();
    if (done !== total && (options.batchMs === undefined ? done % batchSize !== 0 : now - reported < options.batchMs)) return false;
    reported = now;
    return true;
  };
  const { target, backend, failures, startCounting } = modelGradientTarget(bound, options.ad, options.heartbeat);
  // Turing's location: 0 unless given, so every chain starts where the algorithm's defaults were tuned (DoWG's steps
  // shrink for good after the huge gradients of a start in the tails, as Stan's uniform(−2, 2) can give); Stan's random
  // start only where the log density at 0 is not finite.
  const zero = new Float64Array(bound.dimension);
  const location = givenInit ?? (evaluate(target, zero, new Float64Array(bound.dimension)) > -Infinity ? zero : initialPoint(bound, target, rng.init));
  startCounting();
  let state = adviInit(rng.sampler, target, location, sampler.family ?? 'meanfield');
  const params = { target, samples: sampler.samplesPerStep ?? DEFAULT_ADVI_SAMPLES };
  if (!Number.isSafeInteger(params.samples) || params.samples < 1) throw new RangeError(`ADVI's samples per step must be an integer ≥ 1, got ${params.samples}`);
  const elbos: number[] = [];
  let skippedSteps = 0;
  for (let i = 0; i < options.warmup; i++) {
    const { state: next, info } = adviStep(rng.sampler, state, params);
    state = next;
    if (info.skipped) skippedSteps++;
    else if (i >= options.warmup - ELBO_WINDOW) elbos.push(info.elbo);
    if (due(i + 1, options.warmup)) sink.report('warmup', i + 1, 0);
  }
  const d = bound.dimension;
  const logRatios = new Float64Array(options.draws);
  let redrawn = 0;
  const gradient = new Float64Array(d);
  drawsInBlocks(sink, options.draws, batchSize, (first, count) => {
    const draws = new Float64Array(count * d);
    const stats = new Float64Array(count * ADVI_STATS.length);
    for (let i = 0; i < count; i++) {
      let { z, logq } = drawApproximation(rng.sampler, state);
      let lp = evaluate(target, z, gradient);
      // The Gaussian reaches where the model has no density (a support the priors do not enforce): those draws are
      // drawn again, so the kept ones are q's where the posterior is, and are counted.
      for (let tries = 1; lp === -Infinity; tries++) {
        if (tries === REDRAWS) throw new ModelError(`${REDRAWS} draws in a row of the fitted approximation had a log density that is not finite (${failures.reason}): give the parameters priors with the support the model needs`, undefined);
        redrawn++;
        ({ z, logq } = drawApproximation(rng.sampler, state));
        lp = evaluate(target, z, gradient);
      }
      draws.set(z, i * d);
      stats[i * 2] = lp;
      stats[i * 2 + 1] = logq;
      logRatios[first + i] = lp - logq;
    }
    return { count, draws, stats };
  });
  // The draws are independent, so the ratios' relative efficiency is 1. Too few draws for a tail of 5 leave k̂ unknown
  // (NaN) rather than loo's ∞, which would read as a bad fit.
  const tail = paretoTailLength(options.draws, 1);
  const paretoK = tail < MIN_PARETO_TAIL ? NaN : paretoSmooth(logRatios, tail).k;
  const elbo = elbos.length === 0 ? NaN : elbos.reduce((a, b) => a + b, 0) / elbos.length;
  return { backend, variational: { elbo, paretoK, skippedSteps, redrawn, ...(failures.count > 0 ? { reason: failures.reason } : {}) } };
}
