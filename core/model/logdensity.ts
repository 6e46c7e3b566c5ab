import { CompiledTapeError, compileValues, value, makeGradient, type BackendName, type BackendOptions, type GradientFunction, type Real } from '../ad/index.js';
import type { Rng } from '../rng/index.js';
import { DrawStreams } from './draw-streams.js';
import { refuseDrawsInDensity } from './draw-check.js';
import type { Distribution } from '../dist/index.js';
import type { Context, VarRecord } from './context.js';
import { NonFiniteTermContext, PriorContext, TapedDrawContext, UnconstrainedContext, ValuesContext } from './contexts.js';
import { ArgumentDomainError, ModelError } from './diagnostic.js';
import type { Model } from './model.js';
import type { Value } from './values.js';
import type { VarName } from './varname.js';
import { flattenGeneratedReals, recordedReturn } from './generated.js';
import { heldOf } from './chain-entries.js';

/** Prior draws tried, then as many from Stan's initial region, before a model is taken to be one that no draw can be evaluated at. */
const DISCOVERY_DRAWS = 10;

export interface LogDensityParts {
  logprior: number;
  loglikelihood: number;
  logjoint: number;
  /** Unconstrained: the joint plus the log-Jacobian of the transforms. */
  logdensity: number;
}

/** A draw as the chains keep it. */
export interface ConstrainedDraw {
  values: Float64Array;
  /** In the chains' order; those left out at the end are NaN (the run threw before them). */
  generated: [string, number][];
  /** log p(θ, y) at the constrained values: Turing's `lp`. */
  logjoint: number;
  /** Its prior part, `@addlogprob!`'s prior terms included: Turing 0.40's `logprior` (the rest is `loglikelihood`). */
  logprior: number;
}

/** The `:=` quantities, then the return value, as named scalars. */
function generatedOf(model: Model, ctx: Context, returned: Value): [string, Real][] {
  return [...[...ctx.deterministics].flatMap(([name, v]) => flattenGeneratedReals(name, v)), ...flattenGeneratedReals('return', recordedReturn(model, returned))];
}

/** The entries the chains hold of every variable, in order: a draw's row. */
function heldRow(variables: readonly VarRecord[]): Float64Array {
  let length = 0;
  for (const v of variables) length += v.held?.length ?? v.value.length;
  const row = new Float64Array(length);
  let at = 0;
  for (const v of variables) {
    if (v.held === undefined) row.set(v.value, at);
    else v.held.forEach((k, i) => (row[at + i] = v.value[k]!));
    at += v.held?.length ?? v.value.length;
  }
  return row;
}

function parts(ctx: Context): LogDensityParts {
  return {
    logprior: value(ctx.logprior),
    loglikelihood: value(ctx.loglikelihood),
    logjoint: value(ctx.logjoint),
    logdensity: value(ctx.logdensity),
  };
}

/**
 * A model with its data: the log density of a flat unconstrained vector, in the order the
 * parameters were discovered by a first run from the prior (LogDensityProblems' interface).
 */
export class BoundModel {
  readonly variables: readonly VarRecord[];
  readonly dimension: number;
  /** One name per unconstrained coordinate. */
  readonly coordinateNames: readonly string[];
  /**
   * The places of the model's own draws already checked to leave its log density alone (draw-check.ts): one met
   * first at a kept draw, in a branch the discovery run did not take, is checked there, or it would shift the
   * density the sampler sees without a word.
   */
  private readonly checkedDrawSites: Set<number>;

  private constructor(
    readonly model: Model,
    readonly args: ReadonlyMap<string, Value>,
    discovery: Context,
  ) {
    this.variables = discovery.variables;
    this.checkedDrawSites = new Set(discovery.drawSites.map((s) => s.span.from));
    const names: string[] = [];
    for (const v of this.variables) {
      const length = v.unconstrainedLength;
      if (length === v.elements.length) names.push(...v.elements);
      else for (let k = 1; k <= length; k++) names.push(`${v.name} (unconstrained ${k})`);
    }
    this.coordinateNames = names;
    this.dimension = names.length;
  }

  /**
   * Runs the model once from the prior to learn its parameters. A vague prior can draw values at which a
   * distribution's argument leaves its domain (`tau ~ Gamma(1e-3, 1e3)` makes logits of ±Inf), so, as
   * Stan retries its initial values, further draws are tried, and then draws from Stan's initial region
   * (a prior can be so vague that almost none of its draws can be evaluated: posteriordb's dugongs has
   * `tau ~ Gamma(1e-4, 1e4)`, 0 in floating point 93 % of the time); `failures` keeps what the skipped ones
   * threw. Any other error is the model's whatever the draw, and is thrown at once; so is the first
   * draw's when none can be evaluated.
   */
  static discover(model: Model, args: ReadonlyMap<string, Value>, rng: Rng): { bound: BoundModel; prior: PriorContext; returned: Value; failures: ArgumentDomainError[] } {
    const failures: ArgumentDomainError[] = [];
    for (;;) {
      const prior = new PriorContext(rng, failures.length >= DISCOVERY_DRAWS);
      let returned: Value;
      try {
        returned = model.run(prior, args);
      } catch (e) {
        if (!(e instanceof ArgumentDomainError)) throw e;
        failures.push(e);
        if (failures.length === 2 * DISCOVERY_DRAWS) throw failures[0];
        continue;
      }
      if (prior.drawSites.length > 0) refuseDrawsInDensity(model, args, prior);
      return { bound: new BoundModel(model, args, prior), prior, returned, failures };
    }
  }

  /**
   * Evaluates at constrained values (by variable name; the lookup also sees the variable's distribution
   * as the run meets it), giving the flat unconstrained vector too.
   */
  evaluateAt(lookup: (vn: VarName, dist: Distribution) => Real[] | undefined): { parts: LogDensityParts; unconstrained: Float64Array; context: ValuesContext; returned: Value } {
    const ctx = new ValuesContext(lookup, this.variables);
    const returned = this.model.run(ctx, this.args);
    ctx.finish();
    return { parts: parts(ctx), unconstrained: Float64Array.from(ctx.unconstrained), context: ctx, returned };
  }

  /** Runs under the unconstrained context; θ may hold AD values. `recording` keeps each variable's constrained value. */
  run(theta: readonly Real[], recording = false): UnconstrainedContext {
    const ctx = new UnconstrainedContext(theta, this.variables, recording);
    this.model.run(ctx, this.args);
    ctx.finish();
    return ctx;
  }

  /** Constrained element names of every parameter, in order (`s²`, `β[1]`, `Σ[2, 1]`, `Ω.L[2, 1]` …): the chains' columns. */
  get parameterNames(): string[] {
    return this.variables.flatMap((v) => heldOf(v.held, v.elements));
  }

  /**
   * A draw as the chains store it: the constrained values of every parameter (in `parameterNames`
   * order), the `:=` quantities and return value as named numbers, and the log-density terms. `draws`: the
   * generator of the model's own draws (`rand` in its body) for this draw.
   */
  constrain(theta: ArrayLike<number>, draws?: Rng): ConstrainedDraw & { parts: LogDensityParts } {
    const ctx = this.recordingContext(theta, draws);
    return this.drawOf(ctx, this.model.run(ctx, this.args));
  }

  private recordingContext(theta: ArrayLike<number>, draws: Rng | undefined): UnconstrainedContext {
    const ctx = new UnconstrainedContext(Array.from(theta), this.variables, true);
    return draws === undefined ? ctx : ctx.drawsFrom(new DrawStreams(draws));
  }

  private drawOf(ctx: UnconstrainedContext, returned: Value): ConstrainedDraw & { parts: LogDensityParts } {
    ctx.finish();
    if (ctx.drawSites.some((s) => !this.checkedDrawSites.has(s.span.from))) {
      refuseDrawsInDensity(this.model, this.args, ctx);
      for (const s of ctx.drawSites) this.checkedDrawSites.add(s.span.from);
    }
    const terms = parts(ctx);
    const values = heldRow(ctx.variables);
    return { values, generated: generatedOf(this.model, ctx, returned).map(([name, x]) => [name, value(x)]), logjoint: terms.logjoint, logprior: terms.logprior, parts: terms };
  }

  /**
   * `constrain` that keeps a draw at which the model throws a `ModelError`, with what it threw: the
   * parameters the run met before the throw hold their values, the others, every generated quantity and
   * the log-density terms are NaN. A sampler rejects such points, but a compiled tape's replay makes only
   * the argument checks it kept (not a two-argument one, `Uniform(m, 1)` with m > 1), so a chain on one
   * may keep some; failing the chain for one would lose every other draw.
   */
  constrainOrPartial(theta: ArrayLike<number>, draws?: Rng): ConstrainedDraw & { error?: ModelError } {
    const ctx = this.recordingContext(theta, draws);
    let returned: Value;
    try {
      returned = this.model.run(ctx, this.args);
    } catch (e) {
      if (!(e instanceof ModelError)) throw e;
      const met = new Map(ctx.variables.map((v) => [v.name, v.value]));
      const values = Float64Array.from(this.variables.flatMap((v) => heldOf(v.held, met.get(v.name) ?? new Float64Array(v.elements.length).fill(NaN))));
      return { values, generated: [], logjoint: NaN, logprior: NaN, error: e };
    }
    return this.drawOf(ctx, returned);
  }

  /**
   * `constrain` on a compiled tape recorded at `theta`: each draw replays only the arithmetic its
   * constrained values, generated quantities and log-Jacobian depend on (the transforms, not the
   * likelihood) instead of interpreting the model again, which cost more than sampling on small models.
   * The log joint comes from the draw's unconstrained log density, which the sampler has already:
   * minus the log-Jacobian. Only where a compiled gradient is used, whose recording was already
   * accepted for this model; throws `CompiledTapeError` where a tape cannot stand for the model.
   */
  compileConstrain(theta: ArrayLike<number>): (theta: ArrayLike<number>, logdensity: number) => ConstrainedDraw {
    let names: string[] = [];
    let count = 0;
    const replay = compileValues((t) => {
      const ctx = new TapedDrawContext(t, this.variables);
      const returned = this.model.run(ctx, this.args);
      ctx.finish();
      // A replay would show the recording's draws at every draw.
      if (ctx.drawSites.length > 0) throw new CompiledTapeError(`the model draws with \`${ctx.drawSites[0]!.name}\`, whose values a replay would repeat`);
      const generated = generatedOf(this.model, ctx, returned);
      names = generated.map(([name]) => name);
      count = ctx.constrained.length;
      return [...ctx.constrained, ...generated.map(([, x]) => x), ctx.logjac, ctx.logprior];
    }, theta);
    return (t, logdensity) => {
      const out = replay(t);
      return {
        values: out.subarray(0, count),
        generated: names.map((name, j) => [name, out[count + j]!]),
        logjoint: logdensity - out[count + names.length]!,
        logprior: out[count + names.length + 1]!,
      };
    };
  }

  /** The first statement whose term of the log density is not finite at θ (a `~` or `@addlogprob!`), if any. */
  nonFiniteTermAt(theta: ArrayLike<number>): NonFiniteTermContext['firstNonFinite'] {
    const ctx = new NonFiniteTermContext(Array.from(theta), this.variables);
    try {
      this.model.run(ctx, this.args);
    } catch {
      // A run that throws has met its non-finite term, if any, before: that is still the one to show.
    }
    return ctx.firstNonFinite;
  }

  logdensity(theta: readonly Real[]): Real {
    return this.run(theta).logdensity;
  }

  partsAt(theta: readonly Real[]): LogDensityParts {
    return parts(this.run(theta));
  }

  /** `Context.logweight` at θ: the log density a draw from the `~` priors is weighed by. */
  weightAt(theta: readonly Real[]): number {
    return value(this.run(theta).logweight);
  }

  /**
   * ∇ log density with the named AD backend. Refuses discrete parameters first: no backend can
   * differentiate through them.
   */
  gradient(backend: BackendName, options: BackendOptions = {}): GradientFunction {
    this.assertContinuous();
    return makeGradient((theta) => this.logdensity(theta), this.dimension, backend, options);
  }

  /** Gradient-based samplers need every parameter continuous: the error names the first that is not. */
  assertContinuous(): void {
    // Else NUTS looks for a step size in an empty space, which it never finds ("the posterior is probably improper").
    if (this.dimension === 0) {
      throw new ModelError(`\`${this.model.name}\` has no parameters: every \`~\` in it observes data, so there is nothing to sample or optimise; its log density is what the check shows`, this.model.params[0]?.span);
    }
    const discrete = this.variables.find((v) => v.discrete);
    if (discrete) {
      throw new ModelError(
        `\`${discrete.name}\` is a discrete parameter (${discrete.family}): gradient-based samplers (NUTS, HMC) and automatic differentiation need continuous parameters. Use MH, Gibbs with MH or PG for \`${discrete.name}\` (and NUTS for the rest), or marginalise it out.`,
        discrete.span,
      );
    }
  }
}

