import { value, type Real } from '../ad/index.js';
import type { Distribution } from '../dist/index.js';
import type { Rng } from '../rng/index.js';
import { Context, logpdfFlat, ModelError, RunStop, type BoundModel, type Span, type VarName } from '../model/index.js';

/**
 * One particle of particle Gibbs: the block's variables it has drawn so far (constrained values by name,
 * in the order the model met them), whether its run has reached the model's end, and the log weight's
 * running total up to where its last run stopped.
 */
export interface Particle {
  readonly trace: ReadonlyMap<string, Real[]>;
  readonly done: boolean;
  /** The log joint so far without the block's own prior terms (the proposal's density, which cancels). */
  readonly logTarget: number;
}

/**
 * A run of the model for one particle: the block's variables replayed from its trace, or drawn from their
 * prior (given everything before them) where the trace ends; the other variables at their current values.
 * It stops right after its `stage`-th observation (`RunStop`), as Turing's particles yield at each
 * `observe`, so a later stage runs the model again from its start and replays the draws so far.
 */
class ParticleContext extends Context {
  protected override readonly recording = false;
  readonly trace = new Map<string, Real[]>();
  blockLogPrior = 0;
  private observations = 0;

  constructor(
    private readonly replay: ReadonlyMap<string, Real[]>,
    private readonly others: ReadonlyMap<string, number[]>,
    private readonly inBlock: (vn: VarName) => boolean,
    private readonly rng: Rng,
    private readonly stage: number,
  ) {
    super();
  }

  protected valueOf(vn: VarName, dist: Distribution, span: Span | undefined): Real[] {
    if (!this.inBlock(vn)) {
      const x = this.others.get(vn.name);
      if (x === undefined) throw new ModelError(`particle Gibbs met \`${vn.name}\`, which the model's first run did not have: the set of parameters must not depend on the particles' draws`, span);
      return x;
    }
    let x = this.replay.get(vn.name);
    if (x === undefined) {
      const draw = dist.rand(this.rng);
      x = typeof draw === 'number' ? [draw] : Array.from(draw);
    }
    this.trace.set(vn.name, x);
    this.blockLogPrior += value(logpdfFlat(dist, x));
    return x;
  }

  override observe(dist: Distribution, x: readonly Real[], span?: Span): void {
    super.observe(dist, x, span);
    if (++this.observations === this.stage) throw new RunStop();
  }
}

/**
 * Runs `particle` on to just after observation `stage` (or to the model's end), drawing what it has not drawn
 * yet; `replay` (the reference particle's whole trajectory) replaces its trace. A run that fails at its draws
 * (a distribution's argument out of its domain, an index out of range) ends the particle with weight zero, as
 * MH rejects such a proposal.
 */
export function advanceParticle(bound: BoundModel, particle: Particle, stage: number, others: ReadonlyMap<string, number[]>, inBlock: (vn: VarName) => boolean, rng: Rng, replay = particle.trace): Particle {
  if (particle.done) return particle;
  const ctx = new ParticleContext(replay, others, inBlock, rng, stage);
  let done = true;
  try {
    bound.model.run(ctx, bound.args);
  } catch (e) {
    if (!(e instanceof RunStop)) return { trace: ctx.trace, done: true, logTarget: -Infinity };
    done = false;
  }
  const logTarget = value(ctx.logjoint) - ctx.blockLogPrior;
  return { trace: ctx.trace, done, logTarget: Number.isNaN(logTarget) ? -Infinity : logTarget };
}
