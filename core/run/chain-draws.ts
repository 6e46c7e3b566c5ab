import type { Rng } from '../rng/index.js';
import type { ParticleFit, VariationalFit } from '../chains/index.js';
import { adviChain, ADVI_STATS } from './advi-chain.js';
import { backendFor, listed, ModelError, ruleBackendFor, type BoundModel } from '../model/index.js';
import { runChain, nuts, hmc, hmcda, unitMetric, initialStepSize, initState, velocityVerlet, type DrawsBlock, type Target, type SamplerSettings } from '../infer/index.js';
import { modelGradientTarget } from './gradient-target.js';
import { randomWalkMH, priorMH, randomWalkProposal } from '../infer/mh/index.js';
import { ellipticalSlice } from '../infer/ess/index.js';
import { ellipticalTarget } from './gaussian-prior.js';
import { ellipticalBlock } from './elliptical-block.js';
import { Gibbs, adaptiveStepBlock, block, type GibbsBlock, type GradientTarget } from '../infer/gibbs/index.js';
import { initialPoint } from './initial-point.js';
import { particleBlock } from './particle-block.js';
import { priorBlock } from './prior-block.js';
import { particleDraws } from './smc-chain.js';
import { conditionalBlock } from './conditional-block.js';
import { drawsInBlocks } from './draw-blocks.js';
import { runKernel, type KernelRun } from './kernel-chain.js';
import { coordinatesOf, densityTarget, drawFromPrior, isNamed, mixedGradientTarget, priorProposalTarget } from './targets.js';
import { DEFAULT_LEAPFROG_STEPS, DEFAULT_PARTICLES, type GibbsBlockSettings, type Sampler, type SampleOptions } from './settings.js';

/** What a chain's run settled on; its draws went to the sink as they came. */
export interface ChainDraws {
  stepSize?: number;
  backend?: string;
  /** Points a gradient sampler tried, after its start, where the log density was not finite, and why at the first. */
  nonFinite?: { count: number; reason: string };
  variational?: VariationalFit;
  particles?: ParticleFit;
}

/** Where a chain's progress and its kept draws (unconstrained, in blocks, in order) go. */
export interface ChainSink {
  report: (phase: 'warmup' | 'sampling', done: number, divergences: number) => void;
  draws: (block: DrawsBlock) => void;
}

const MH_STATS = ['lp', 'acceptance_rate', 'is_accept'];
const GIBBS_STATS = ['lp'];
const ESS_STATS = ['lp', 'shrinkages'];

/** The kernels' own statistic names, so the chains' columns never drift from them. */
const GRADIENT_KERNELS = { nuts, hmc, hmcda } as const;

function isGradientBased(s: Sampler): s is SamplerSettings {
  return s.sampler === 'nuts' || s.sampler === 'hmc' || s.sampler === 'hmcda';
}

/** The statistic columns a sampler's chains have. */
export function statNamesOf(sampler: Sampler): readonly string[] {
  if (isGradientBased(sampler)) return GRADIENT_KERNELS[sampler.sampler]().statNames;
  return { prior: ['lp'], mh: MH_STATS, ess: ESS_STATS, gibbs: GIBBS_STATS, pg: GIBBS_STATS, advi: ADVI_STATS, smc: ['lp'], is: ['lp'] }[sampler.sampler];
}

/** Whether the chain differentiates on a compiled tape (which the model's recording then stood for): the gradient samplers and ADVI. */
export function usesCompiledTape(sampler: Sampler, options: SampleOptions, bound: BoundModel): boolean {
  return (isGradientBased(sampler) || sampler.sampler === 'advi') && backendFor(bound, options.ad).options.compile === true;
}

/** One chain's draws in the unconstrained space, from whichever sampler was asked for. */
export function chainDraws(bound: BoundModel, sampler: Sampler, options: SampleOptions, rng: { init: Rng; sampler: Rng }, givenInit: Float64Array | undefined, sink: ChainSink): ChainDraws {
  const batchSize = options.batchSize ?? 100;
  // The other samplers' drivers batch by count only: asked for time, they report every iteration.
  const kernelBatch = options.batchMs === undefined ? batchSize : 1;
  const run = (init: Float64Array): KernelRun => ({ rng: rng.sampler, init, warmup: options.warmup, draws: options.draws, thin: options.thin ?? 1, batchSize: kernelBatch, onBatch: sink.report, onDraws: sink.draws });
  if (isGradientBased(sampler)) {
    const { target, backend, failures, startCounting } = modelGradientTarget(bound, options.ad, options.heartbeat);
    const init = initialPoint(bound, target, rng.init, givenInit);
    startCounting();
    const statNames = statNamesOf(sampler);
    const divergentAt = statNames.indexOf('is_divergent');
    // Counted per phase: the sampling count is the one the summary and the draws' is_divergent report.
    let divergences = 0;
    let phase: 'warmup' | 'sampling' = 'warmup';
    const result = runChain(target, sampler, {
      rng: rng.sampler,
      init,
      warmup: options.warmup,
      draws: options.draws,
      ...(options.thin ? { thin: options.thin } : {}),
      batchSize,
      ...(options.batchMs !== undefined ? { batchMs: options.batchMs } : {}),
      onBatch: (batch) => {
        if (batch.phase !== phase) {
          phase = batch.phase;
          divergences = 0;
        }
        for (let i = 0; i < batch.count; i++) if (batch.stats[i * statNames.length + divergentAt] === 1) divergences++;
        // Progress first: draws handed over may be streamed at once, with the progress known by then.
        sink.report(batch.phase, batch.first + batch.count, divergences);
        if (batch.phase === 'sampling') sink.draws(batch);
      },
    });
    return { stepSize: result.stepSize, backend, ...(failures.count > 0 ? { nonFinite: failures } : {}) };
  }
  switch (sampler.sampler) {
    case 'advi':
      return adviChain(bound, sampler, options, rng, givenInit, sink);
    case 'smc':
    case 'is': {
      // Warm-up has no meaning here: the heartbeat reports no draws until the particles are all run.
      const { draws, lp, fit } = particleDraws(bound, sampler.sampler, options.draws, rng.sampler, () => sink.report('sampling', 0, 0));
      const d = bound.dimension;
      drawsInBlocks(sink, options.draws, batchSize, (first, count) => ({ count, draws: draws.slice(first * d, (first + count) * d), stats: lp.slice(first, first + count) }));
      return { particles: fit };
    }
    case 'prior': {
      const d = bound.dimension;
      drawsInBlocks(sink, options.draws, kernelBatch, (_first, count) => {
        const draws = new Float64Array(count * d);
        for (let i = 0; i < count; i++) draws.set(drawFromPrior(bound, rng.sampler), i * d);
        return { count, draws, stats: new Float64Array(count).fill(NaN) };
      });
      return {};
    }
    case 'mh': {
      if (sampler.proposal === 'random-walk') {
        const target = densityTarget(bound);
        const init = givenInit ?? drawFromPrior(bound, rng.init);
        const proposal = randomWalkProposal(bound.dimension, sampler.scale === undefined ? {} : { scale: sampler.scale });
        runKernel(randomWalkMH, target, proposal, MH_STATS, run(init));
        return {};
      }
      const target = priorProposalTarget(bound);
      const init = givenInit ?? drawFromPrior(bound, rng.init);
      runKernel(priorMH, target, undefined, MH_STATS, run(init));
      return {};
    }
    case 'ess': {
      const target = ellipticalTarget(bound, rng.init);
      const init = givenInit ?? drawFromPrior(bound, rng.init);
      runKernel(ellipticalSlice, target, undefined, ESS_STATS, run(init));
      return {};
    }
    case 'gibbs': {
      const backend = ruleBackendFor(options.ad, bound.dimension);
      const target = mixedGradientTarget(bound, backend.name, backend.options);
      const init = givenInit ?? drawFromPrior(bound, rng.init);
      checkCovered(bound, sampler.blocks);
      const blocks = sampler.blocks.map((b) => gibbsBlock(bound, b, target, init, rng.init, options.warmup));
      runKernel(Gibbs(blocks), target, undefined, GIBBS_STATS, run(init));
      return { backend: backend.label };
    }
    case 'pg': {
      const target = densityTarget(bound);
      const init = givenInit ?? drawFromPrior(bound, rng.init);
      const names = bound.variables.map((v) => v.name);
      runKernel(Gibbs([particleBlock(bound, names, coordinatesOf(bound, names), sampler.particles)]), target, undefined, GIBBS_STATS, run(init));
      return {};
    }
  }
}

/** Every variable in some block, else it would never move: the error names those left out, where they are drawn. */
function checkCovered(bound: BoundModel, blocks: readonly GibbsBlockSettings[]): void {
  const left = bound.variables.filter((v) => !blocks.some((b) => isNamed(v.name, b.variables)));
  if (left.length === 0) return;
  const names = left.map((v) => `\`${v.name}\``);
  throw new ModelError(`no Gibbs block samples ${listed(names)}, so ${left.length === 1 ? 'it' : 'they'} would never move: add ${left.length === 1 ? 'it' : 'them'} to a block`, left[0]!.span);
}

/**
 * A Gibbs block: MH from the block's prior (or a random walk when asked), particle Gibbs, elliptical slice
 * sampling, the user's own conditionals; a gradient block
 * starts from the step size given (Turing's `HMC(ϵ, n)`) or else from Stan's initial step-size search at the
 * starting point, and adapts it by dual averaging over the warm-up sweeps (δ = 0.8), with a unit metric.
 * Without warm-up (a Turing script's Gibbs line) the step size stays where it started: a step found at the
 * prior draw the chain starts from can be far too long once the block has moved to the posterior.
 */
function gibbsBlock(bound: BoundModel, b: GibbsBlockSettings, full: GradientTarget, init: Float64Array, rng: Rng, warmup: number): GibbsBlock<GradientTarget> {
  const indices = coordinatesOf(bound, b.variables);
  if (b.sampler === 'pg') return particleBlock(bound, b.variables, indices, b.particles ?? DEFAULT_PARTICLES);
  if (b.sampler === 'ess') return ellipticalBlock(bound, b.variables, indices);
  if (b.sampler === 'conditional') return conditionalBlock(bound, b.variables, indices, b.conditional ?? '');
  if (b.sampler === 'mh' && b.proposal !== 'random-walk') return priorBlock(bound, b.variables, indices);
  if (b.sampler === 'mh') return block(indices, randomWalkMH, () => randomWalkProposal(indices.length, b.scale === undefined ? {} : { scale: b.scale }));
  const blockBackend = b.ad === undefined ? undefined : ruleBackendFor(b.ad, bound.dimension);
  const own = blockBackend === undefined ? full : mixedGradientTarget(bound, blockBackend.name, blockBackend.options);
  const metric = unitMetric(indices.length);
  const start = Float64Array.from(indices, (i) => init[i]!);
  const conditional: Target = {
    dimension: indices.length,
    logdensityAndGradient: (theta) => {
      const x = init.slice();
      indices.forEach((i, k) => (x[i] = theta[k]!));
      const r = own.logdensityAndGradient(x);
      return { value: r.value, grad: Float64Array.from(indices, (i) => r.grad[i]!) };
    },
  };
  const stepSize = b.stepSize ?? initialStepSize(rng, conditional, initState(start, conditional), metric, velocityVerlet, 1);
  const adaptation = { stepSize, warmup };
  if (b.sampler === 'nuts') return adaptiveStepBlock(indices, nuts(), (target: GradientTarget, ε) => ({ target, stepSize: ε, metric }), adaptation);
  return adaptiveStepBlock(indices, hmc(), (target: GradientTarget, ε) => ({ target, stepSize: ε, metric, nSteps: b.nSteps ?? DEFAULT_LEAPFROG_STEPS }), adaptation);
}
