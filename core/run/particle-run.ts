import { value, type Real } from '../ad/index.js';
import type { Distribution } from '../dist/index.js';
import type { Rng } from '../rng/index.js';
import { constrainedLength, Context, interiorDraw, logpdfFlat, ModelError, ParameterSetError, type BoundModel, type Span, type VarName } from '../model/index.js';

/**
 * One particle of particle Gibbs, run through the whole model: the block's variables it drew (constrained
 * values by name, in the order the model met them) with the number of observations (and `@addlogprob!` terms)
 * made before each, and its log weight's running total after each and at the end. The total is the log joint without
 * the block's own prior terms (the proposal's density, which cancels).
 */
export interface Particle {
  readonly trace: ReadonlyMap<string, Real[]>;
  readonly drawnAfter: ReadonlyMap<string, number>;
  readonly totals: readonly number[];
  readonly final: number;
}

/** The particle's log weight total after `stage` observations (0: before any), its final total past its last. */
export function totalAt(p: Particle, stage: number): number {
  return stage === 0 ? 0 : stage <= p.totals.length ? p.totals[stage - 1]! : p.final;
}

/** The draws a particle had made when it reached observation `stage`: what a copy of it made there shares. */
export function prefixAt(p: Particle, stage: number): Map<string, Real[]> {
  return new Map([...p.trace].filter(([name]) => p.drawnAfter.get(name)! < stage));
}

/** Whether the particle drew block variables after observation `stage`. */
export function drawsAfter(p: Particle, stage: number): boolean {
  for (const k of p.drawnAfter.values()) if (k >= stage) return true;
  return false;
}

const plain = (x: Real): number => {
  const v = value(x);
  return Number.isNaN(v) ? -Infinity : v;
};

/**
 * A run of the model for one particle: the block's variables replayed where given, else drawn from their
 * prior (given everything before them); the other variables at their current values. It keeps plain numbers
 * only: a particle needs its running total at each observation, not the three log-density terms.
 */
class ParticleContext extends Context {
  protected override readonly recording = false;
  readonly trace = new Map<string, Real[]>();
  readonly drawnAfter = new Map<string, number>();
  readonly totals: number[] = [];
  total = 0;
  /** Set when the model cannot be run by particles at all: it ends the sweep, where other errors weigh the particle zero. */
  refusal: ModelError | undefined;

  constructor(
    private readonly replay: ReadonlyMap<string, Real[]>,
    private readonly others: ReadonlyMap<string, number[]>,
    private readonly inBlock: (vn: VarName) => boolean,
    private readonly rng: Rng,
  ) {
    super();
  }

  override assume(vn: VarName, dist: Distribution, span: Span | undefined): Real[] {
    const x = this.valueOf(vn, dist, span);
    if (!this.inBlock(vn)) this.total += plain(logpdfFlat(dist, x));
    return x;
  }

  protected valueOf(vn: VarName, dist: Distribution, span: Span | undefined): Real[] {
    if (!this.inBlock(vn)) {
      const x = this.others.get(vn.name);
      if (x === undefined) {
        throw (this.refusal = new ModelError(`particle Gibbs met \`${vn.name}\`, which the model's first run did not have: the set of parameters must not depend on the particles' draws`, span));
      }
      // Another block's variable whose size follows the particle's draw (`x ~ filldist(…, k)` with k here): weighed
      // at the wrong size, the particle had weight zero, and the block never moved.
      if (x.length !== constrainedLength(dist)) throw (this.refusal = new ParameterSetError(`\`${vn.name}\` has ${constrainedLength(dist)} elements for this particle's draws and ${x.length} at the current values`, span));
      return x;
    }
    const x = this.replay.get(vn.name) ?? interiorDraw(dist, this.rng);
    this.trace.set(vn.name, x);
    this.drawnAfter.set(vn.name, this.totals.length);
    return x;
  }

  override observe(dist: Distribution, x: readonly Real[]): void {
    this.total += plain(logpdfFlat(dist, x));
    this.totals.push(this.total);
  }

  /**
   * A resampling point, as an observation is: Turing's particle samplers produce at every increment of the
   * likelihood, `@addlogprob!`'s too. A model whose likelihood is all `@addlogprob!` (capture–recapture with
   * the row's terms added by hand) otherwise weighs whole trajectories drawn from the prior at its end, and
   * the reference almost always wins.
   */
  override addLogProb(lp: Real): void {
    this.total += plain(lp);
    this.totals.push(this.total);
  }

  /** The particles are drawn from the `~` priors alone, so a prior term added by hand weighs them as a likelihood term does. */
  override addLogPrior(lp: Real): void {
    this.addLogProb(lp);
  }
}

/**
 * Runs a particle through the model, replaying `replay`'s draws and drawing the rest. A run that fails at
 * its draws (a distribution's argument out of its domain, an index out of range) keeps its totals so far and
 * ends with weight zero, as MH rejects such a proposal.
 */
export function runParticle(bound: BoundModel, replay: ReadonlyMap<string, Real[]>, others: ReadonlyMap<string, number[]>, inBlock: (vn: VarName) => boolean, rng: Rng): Particle {
  const ctx = new ParticleContext(replay, others, inBlock, rng);
  let final: number;
  try {
    bound.model.run(ctx, bound.args);
    final = ctx.total;
  } catch {
    if (ctx.refusal) throw ctx.refusal;
    final = -Infinity;
  }
  return { trace: ctx.trace, drawnAfter: ctx.drawnAfter, totals: ctx.totals, final };
}
