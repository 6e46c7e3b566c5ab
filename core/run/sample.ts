import { Rng } from '../rng/index.js';
import { resolveBackend } from '../ad/index.js';
import { BoundModel, type Model, type Value } from '../model/index.js';
import { runChain, nuts, hmc, hmcda, type ChainBatch, type Target } from '../infer/index.js';
import { Chains } from '../chains/index.js';
import { initialPoint } from './initial-point.js';
import type { SampleOptions, Sampler } from './settings.js';

/** The generator streams of a run: chain k of seed s is the same in any process. */
export function chainRng(seed: number, chain: number): { init: Rng; sampler: Rng } {
  const root = Rng.seeded(seed).split(chain);
  return { init: root.split(0), sampler: root.split(1) };
}

/** Statistic names come from the kernels themselves, so the chains' columns never drift from them. */
const KERNELS = { nuts, hmc, hmcda } as const;

const SAMPLER_NAMES: Record<Sampler['sampler'], string> = { nuts: 'NUTS', hmc: 'HMC', hmcda: 'HMCDA' };

/**
 * Runs gradient-based chains one after another in this process and returns them as a `Chains`:
 * constrained parameters, `:=` quantities and return values, and the sampler statistics apart.
 */
export function sample(model: Model, args: ReadonlyMap<string, Value>, sampler: Sampler, options: SampleOptions): Chains {
  // The structure (names, shapes) does not depend on the draw; a fixed stream keeps it reproducible.
  const { bound } = BoundModel.discover(model, args, Rng.seeded(options.seed).split(0xffff));
  const { name: backend, options: backendOptions } = resolveBackend(options.ad ?? 'auto', bound.dimension);
  const indices = options.chainIndices ?? Array.from({ length: options.chains }, (_, k) => k);
  const statNames = KERNELS[sampler.sampler]().statNames;
  const divergentAt = statNames.indexOf('is_divergent');
  let chains: Chains | undefined;
  for (const k of indices) {
    const gradient = bound.gradient(backend, backendOptions);
    const target: Target = {
      dimension: bound.dimension,
      logdensityAndGradient: (theta) => gradient(theta),
    };
    const rng = chainRng(options.seed, k);
    const init = initialPoint(bound, target, rng.init, options.init ? linkInit(bound, options.init) : undefined);
    let divergences = 0;
    const started = performance.now();
    let warmupEnded = started;
    const onBatch = (batch: ChainBatch): void => {
      if (batch.phase === 'sampling' && warmupEnded === started) warmupEnded = performance.now();
      const width = statNames.length;
      for (let i = 0; i < batch.count; i++) if (batch.stats[i * width + divergentAt] === 1) divergences++;
      options.onProgress?.({ chain: k, phase: batch.phase, iteration: batch.first + batch.count, total: batch.phase === 'warmup' ? options.warmup : options.draws, divergences });
    };
    const result = runChain(target, sampler, {
      rng: rng.sampler,
      init,
      warmup: options.warmup,
      draws: options.draws,
      ...(options.thin ? { thin: options.thin } : {}),
      onBatch,
    });
    const finished = performance.now();
    const d = bound.dimension;
    const n = result.sampling.count;
    const firstDraw = n > 0 ? bound.constrain(result.sampling.draws.subarray(0, d)) : undefined;
    const generatedNames = firstDraw ? firstDraw.generated.map(([name]) => name) : [];
    chains ??= new Chains({ parameters: bound.parameterNames, generated: generatedNames, stats: statNames }, options.chains);
    const p = bound.parameterNames.length;
    const g = generatedNames.length;
    const w = statNames.length;
    const lpAt = statNames.indexOf('lp');
    const params = new Float64Array(n * p);
    const generated = new Float64Array(n * g);
    const stats = result.sampling.stats.slice(0, n * w);
    for (let i = 0; i < n; i++) {
      const draw = bound.constrain(result.sampling.draws.subarray(i * d, (i + 1) * d));
      params.set(draw.values, i * p);
      draw.generated.forEach(([, v], j) => (generated[i * g + j] = v));
      // Turing's `lp` is the log joint of the constrained values; the kernel's includes the log-Jacobian.
      if (lpAt >= 0) stats[i * w + lpAt] = draw.parts.logjoint;
    }
    chains.append(k, { parameters: params, generated, stats });
    chains.setInfo(k, {
      seed: options.seed,
      sampler: SAMPLER_NAMES[sampler.sampler],
      adBackend: backend + (backendOptions.compile ? ' (compiled)' : ''),
      warmup: options.warmup,
      thin: options.thin ?? 1,
      warmupSeconds: (warmupEnded - started) / 1000,
      samplingSeconds: (finished - warmupEnded) / 1000,
      settings: { step_size: result.stepSize },
    });
  }
  return chains!;
}

/** User initial values are constrained and named by element; the sampler starts from their link. */
function linkInit(bound: BoundModel, init: Readonly<Record<string, number>>): Float64Array {
  const { unconstrained } = bound.evaluateAt((vn) => {
    const names = bound.variables.find((v) => v.name === vn.name)?.elements ?? [vn.name];
    const values = names.map((n) => init[n]);
    return values.every((v) => typeof v === 'number') ? (values as number[]) : undefined;
  });
  return unconstrained;
}
