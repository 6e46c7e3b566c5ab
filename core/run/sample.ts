import { Rng } from '../rng/index.js';
import { CompiledTapeError } from '../ad/index.js';
import { BoundModel, ModelError, flattenGenerated, recordedReturn, type ConstrainedDraw, type Model, type PriorContext, type Value } from '../model/index.js';
import { Chains, concatenated, type ChainInfo, type DrawBatch } from '../chains/index.js';
import { MAX_TREE_DEPTH, metricKindOf, type DrawsBlock } from '../infer/index.js';
import { chainDraws, statNamesOf, usesCompiledTape } from './chain-draws.js';
import type { SampleOptions, Sampler } from './settings.js';
import { linkInitialValues } from './initial-values.js';
import { nonFiniteReason } from './non-finite.js';

/**
 * The generator streams of a run: chain k of seed s is the same in any process. `draws`: the model's own draws
 * (`rand` in its body), the i-th kept draw's from `draws.split(i)`, whatever the sampler drew meanwhile.
 */
export function chainRng(seed: number, chain: number): { init: Rng; sampler: Rng; draws: Rng } {
  const root = Rng.seeded(seed).split(chain);
  return { init: root.split(0), sampler: root.split(1), draws: root.split(2) };
}

const SAMPLER_NAMES: Record<Sampler['sampler'], string> = { nuts: 'NUTS', hmc: 'HMC', hmcda: 'HMCDA', mh: 'MH', prior: 'Prior', gibbs: 'Gibbs', ess: 'ESS', pg: 'PG', advi: 'ADVI', smc: 'SMC', is: 'IS' };

/** What the diagnostics and the Stan CSV header need of an HMC-family sampler: its metric and NUTS's depth cap. */
function hmcInfo(sampler: Sampler): Pick<ChainInfo, 'metric' | 'maxTreeDepth'> {
  if (sampler.sampler === 'nuts') return { metric: metricKindOf(sampler), maxTreeDepth: sampler.maxTreeDepth ?? MAX_TREE_DEPTH };
  if (sampler.sampler === 'hmc' || sampler.sampler === 'hmcda') return { metric: metricKindOf(sampler) };
  return {};
}

/**
 * Runs chains one after another in this process and returns them as a `Chains`: constrained
 * parameters, `:=` quantities and return values, and the sampler statistics apart.
 */
export function sample(model: Model, args: ReadonlyMap<string, Value>, sampler: Sampler, options: SampleOptions): Chains {
  // The structure (names, shapes) does not depend on the draw; a fixed stream keeps it reproducible.
  const { bound, prior, returned } = BoundModel.discover(model, args, Rng.seeded(options.seed).split(0xffff));
  const layout = { parameters: bound.parameterNames, generated: generatedNames(prior, recordedReturn(model, returned)), stats: [...statNamesOf(sampler), ...LOG_TERMS] };
  options.onLayout?.(layout);
  const chains = new Chains(layout, options.chains);
  const indices = options.chainIndices ?? Array.from({ length: options.chains }, (_, k) => k);
  for (const k of indices) {
    const givenInit = options.init ? linkInitialValues(bound, options.init, chainRng(options.seed, k).init.split(1)) : undefined;
    const started = performance.now();
    let warmupEnded = started;
    const report = (phase: 'warmup' | 'sampling', iteration: number, divergences: number): void => {
      // Warm-up ends with its last iteration's report, not with the first sampling batch (up to 100 draws later).
      if (phase === 'warmup' && iteration === options.warmup) warmupEnded = performance.now();
      options.onProgress?.({ chain: k, phase, iteration, total: phase === 'warmup' ? options.warmup : options.draws, divergences });
    };
    let pending: DrawsBlock[] = [];
    let handedOver = started;
    // Kept draws at which the model throws: points the sampler should not have accepted, counted with the ones it rejected.
    const thrown = { count: 0, reason: '' };
    const constrain = drawConstrainer(bound, usesCompiledTape(sampler, options, bound), chainRng(options.seed, k).draws, (theta) => {
      if (thrown.count++ === 0) thrown.reason = `a kept draw, ${nonFiniteReason(bound, theta)}`;
    });
    const handOver = (): void => {
      handedOver = performance.now();
      if (pending.length === 0) return;
      // One batch for everything waiting: a worker's sampler hands draws over one at a time.
      const batch = constrainBlock(bound.dimension, constrain, joinBlocks(pending), chains);
      pending = [];
      chains.append(k, batch);
      options.onDraws?.(k, batch);
    };
    const draws = (block: DrawsBlock): void => {
      pending.push(block);
      if (performance.now() - handedOver >= (options.drawsEveryMs ?? 0)) handOver();
    };
    const result = chainDraws(bound, sampler, options, chainRng(options.seed, k), givenInit, { report, draws });
    handOver();
    const finished = performance.now();
    chains.setInfo(k, {
      seed: options.seed,
      sampler: SAMPLER_NAMES[sampler.sampler],
      ...hmcInfo(sampler),
      ...(result.backend ? { adBackend: result.backend } : {}),
      // A particle run has neither: its draws are the particles of one sweep.
      warmup: result.particles ? 0 : options.warmup,
      // ADVI's draws are independent: it keeps every one, whatever thinning was asked for.
      thin: result.particles || result.variational ? 1 : (options.thin ?? 1),
      warmupSeconds: (warmupEnded - started) / 1000,
      samplingSeconds: (finished - warmupEnded) / 1000,
      ...(result.stepSize !== undefined ? { settings: { step_size: result.stepSize } } : {}),
      ...(result.variational ? { variational: result.variational, settings: { elbo: result.variational.elbo, pareto_k: result.variational.paretoK } } : {}),
      ...(result.particles ? { particles: result.particles, settings: { log_evidence: result.particles.logEvidence, distinct_draws: result.particles.distinctDraws } } : {}),
      ...(result.nonFinite || thrown.count > 0 ? { nonFinite: { count: (result.nonFinite?.count ?? 0) + thrown.count, reason: result.nonFinite?.reason ?? thrown.reason } } : {}),
    });
  }
  return chains;
}

/** The `:=` quantities and the return value of the discovery run name the generated columns. */
function generatedNames(prior: PriorContext, returned: Value): string[] {
  const named = [...prior.deterministics].flatMap(([name, v]) => flattenGenerated(name, v));
  return [...named, ...flattenGenerated('return', returned)].map(([name]) => name);
}

/** A draw's constrained form, given its unconstrained point and the sampler's log density there. */
type Constrain = (theta: ArrayLike<number>, logdensity: number) => ConstrainedDraw;

/**
 * `bound.constrain`, or its compiled form where the chain already differentiates on a compiled tape,
 * recorded at the first draw; if the recording is refused, the model is run for every draw. A kept draw
 * at which the model throws (see `constrainOrPartial`) is kept with what it could give, `failed` learns of
 * it, and the recording waits for the next draw. The i-th kept draw's own draws come from `draws.split(i)`.
 */
function drawConstrainer(bound: BoundModel, compiled: boolean, draws: Rng, failed: (theta: ArrayLike<number>) => void): Constrain {
  let kept = 0;
  if (!compiled) return (theta) => bound.constrain(theta, draws.split(kept++));
  const interpreted: Constrain = (theta) => {
    const draw = bound.constrainOrPartial(theta, draws.split(kept++));
    if (draw.error !== undefined) failed(theta);
    return draw;
  };
  let chosen: Constrain | undefined;
  return (theta, logdensity) => {
    if (chosen === undefined) {
      try {
        chosen = bound.compileConstrain(theta);
      } catch (e) {
        if (e instanceof CompiledTapeError) chosen = interpreted;
        else if (e instanceof ModelError) return interpreted(theta, logdensity);
        else throw e;
      }
    }
    return chosen(theta, logdensity);
  };
}

/** Blocks of consecutive draws as one. */
function joinBlocks(blocks: readonly DrawsBlock[]): DrawsBlock {
  if (blocks.length === 1) return blocks[0]!;
  return { count: blocks.reduce((n, b) => n + b.count, 0), draws: concatenated(blocks.map((b) => b.draws)), stats: concatenated(blocks.map((b) => b.stats)) };
}

/** Turing 0.40's split of `lp`, after the sampler's own statistics: the constrained draw gives them, not the kernel. */
const LOG_TERMS = ['logprior', 'loglikelihood'];

/** Maps unconstrained draws to constrained values and generated quantities, in the chains' columns. */
function constrainBlock(d: number, constrain: Constrain, block: DrawsBlock, chains: Chains): DrawBatch {
  const n = block.count;
  const p = chains.parameters.length;
  const g = chains.generated.length;
  const w = chains.stats.length;
  const kernelWidth = w - LOG_TERMS.length;
  const lpAt = chains.stats.indexOf('lp');
  const parameters = new Float64Array(n * p);
  const generated = new Float64Array(n * g).fill(NaN);
  const stats = new Float64Array(n * w);
  for (let i = 0; i < n; i++) {
    stats.set(block.stats.subarray(i * kernelWidth, (i + 1) * kernelWidth), i * w);
    const draw = constrain(block.draws.subarray(i * d, (i + 1) * d), lpAt >= 0 ? stats[i * w + lpAt]! : NaN);
    parameters.set(draw.values, i * p);
    draw.generated.forEach(([, v], j) => (generated[i * g + j] = v));
    // Turing's `lp` is the log joint of the constrained values; the kernels' includes the log-Jacobian.
    if (lpAt >= 0) stats[i * w + lpAt] = draw.logjoint;
    stats[i * w + kernelWidth] = draw.logprior;
    stats[i * w + kernelWidth + 1] = draw.logjoint - draw.logprior;
  }
  return { parameters, generated, stats };
}

