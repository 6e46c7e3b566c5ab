import { value, valuesOf, type Real } from '../ad/index.js';
import { bijectorFor } from '../bijectors/index.js';
import type { Distribution, Univariate } from '../dist/index.js';
import type { Rng } from '../rng/index.js';
import { Context, logpdfFlat, type VarRecord } from './context.js';
import { ModelError, ParameterSetError, type Span } from './diagnostic.js';
import { chainEntries, fromHeld, heldOf } from './chain-entries.js';
import type { VarName } from './varname.js';
import { supportText } from './support-text.js';
import { sameShape } from './flat.js';
import { interiorDraw } from './interior-draw.js';

export function constrainedLength(dist: Distribution): number {
  return dist.shape.reduce((a, b) => a * b, 1);
}

export function bijectorOf(dist: Distribution) {
  return bijectorFor(dist.support(), constrainedLength(dist));
}

/**
 * Draws every random variable from its prior: discovers names, shapes and supports. With `initRegion`, a
 * continuous variable is drawn as Stan draws initial values instead, uniform(−2, 2) in its unconstrained
 * space, for priors so vague that their own draws overflow (`tau ~ Gamma(1e-4, 1e4)` is 0 in floating point).
 */
export class PriorContext extends Context {
  constructor(
    private readonly rng: Rng,
    readonly initRegion = false,
  ) {
    super();
  }

  protected valueOf(_vn: VarName, dist: Distribution): Real[] {
    const b = bijectorOf(dist);
    // An improper prior's draws only pick a starting point (a file's distribution type without `rand` has none): Stan's.
    if ((this.initRegion || dist.improper === true) && !b.discrete) return b.invlink(Array.from({ length: b.unconstrainedLength }, () => 4 * this.rng.uniform() - 2)).x;
    return interiorDraw(dist, this.rng);
  }

  /** The model's own draws (`rand` in its body) in each prior draw are independent of another's: each run takes a child of the generator. */
  protected override drawKey(): Rng {
    return this.rng.fork();
  }
}

/**
 * Evaluates at given constrained values. Also maps each value to the unconstrained space, so one
 * pass gives the log prior, likelihood and joint, the flat unconstrained vector and its log-Jacobian.
 */
export class ValuesContext extends Context {
  readonly unconstrained: number[] = [];
  private index = 0;

  /** `known`: the variables of the model's first run, which this run must meet in the same order and sizes. */
  constructor(
    private readonly lookup: (vn: VarName, dist: Distribution) => Real[] | undefined,
    private readonly known?: readonly VarRecord[],
  ) {
    super();
  }

  protected valueOf(vn: VarName, dist: Distribution, span: Span | undefined): Real[] {
    const b = bijectorOf(dist);
    if (this.known) checkSameVariable(this.known[this.index++], vn.name, b.unconstrainedLength, span);
    const x = this.lookup(vn, dist);
    if (x === undefined) throw new ModelError(`no value given for the parameter \`${vn.name}\``, span);
    const expected = constrainedLength(dist);
    if (x.length !== expected) {
      throw new ModelError(`the value given for \`${vn.name}\` has ${x.length} element${x.length === 1 ? '' : 's'}; ${dist.family} here needs ${expected}`, span);
    }
    const y = b.link(x.map(value));
    if (!b.discrete && y.some((yi) => !Number.isFinite(yi))) {
      const shown = x.length === 1 ? String(value(x[0]!)) : `[${x.map((xi) => value(xi)).join(', ')}]`;
      throw new ModelError(`the value given for \`${vn.name}\` (${shown}) is outside the support of ${dist.family}: ${supportText(dist.support())}`, span);
    }
    for (const yi of y) this.unconstrained.push(yi);
    if (!b.discrete) this.addLogJac(b.invlink(Array.from(y)).logJac);
    return x;
  }

  /** Called after the run: it met every variable of the first run. */
  finish(): void {
    if (this.known) checkAllMet(this.known, this.index);
  }
}

/**
 * A variable the model met, against the first run's at the same place: the same name and as many unconstrained
 * coordinates. A variable whose size follows another's value (`x ~ filldist(Normal(), k)`) read the coordinates
 * of its neighbours, and a draw of one had them stored under the first run's names.
 */
function checkSameVariable(known: VarRecord | undefined, name: string, unconstrainedLength: number, span: Span | undefined): void {
  if (known === undefined) throw new ParameterSetError(`the model met a new parameter \`${name}\` that its first run did not have`, span);
  if (known.name !== name) throw new ParameterSetError(`the model met \`${name}\` where its first run had \`${known.name}\``, span);
  if (known.unconstrainedLength !== unconstrainedLength) {
    throw new ParameterSetError(`\`${name}\` has ${unconstrainedLength} unconstrained coordinate${unconstrainedLength === 1 ? '' : 's'} here and had ${known.unconstrainedLength} in the model's first run`, span);
  }
}

/** After a run that met `met` variables: the first run's `known` had no more. */
function checkAllMet(known: readonly VarRecord[], met: number): void {
  const missed = known[met];
  if (missed !== undefined) throw new ParameterSetError(`the model did not meet \`${missed.name}\`, which its first run drew`, missed.span);
}

/**
 * Reads the variables, in the order they were discovered, from a flat unconstrained vector θ and
 * maps them back to their supports, adding each transform's log-Jacobian.
 */
export class UnconstrainedContext extends Context {
  protected override readonly recording: boolean;
  private offset = 0;
  private index = 0;

  /**
   * `known`: the variables of the model's first run, whose names this run must meet in the same order.
   * `recording` keeps the constrained values (for draws); a gradient evaluation leaves it off.
   */
  constructor(
    private readonly theta: readonly Real[],
    private readonly known: readonly VarRecord[],
    recording = false,
  ) {
    super();
    this.recording = recording;
  }

  protected valueOf(vn: VarName, dist: Distribution, span: Span | undefined): Real[] {
    const b = bijectorOf(dist);
    checkSameVariable(this.known[this.index], vn.name, b.unconstrainedLength, span);
    this.index++;
    const y = this.theta.slice(this.offset, this.offset + b.unconstrainedLength);
    this.offset += b.unconstrainedLength;
    const { x, logJac } = b.invlink(y);
    this.addLogJac(logJac);
    return x;
  }

  /**
   * A draw's record, once per draw: `valueOf` has pinned the name to the first run's variable at this place,
   * so the first run's element names (and its checks that no name or element is drawn twice) stand for a
   * variable of the same shape and support; building 100 names and checking them again cost a 100-d model
   * a fifth of its sampling time.
   */
  protected override record(vn: VarName, dist: Distribution, x: readonly Real[], span: Span | undefined): VarRecord {
    const known = this.known[this.index - 1]!;
    const support = dist.support();
    if (support.kind !== known.support || x.length !== known.value.length || !sameShape(dist.shape, known.shape)) return super.record(vn, dist, x, span);
    const rec: VarRecord = { ...known, family: dist.family, supportText: supportText(support), value: valuesOf(x), span };
    this.variables.push(rec);
    return rec;
  }

  /** Called after the run: θ must have been used up exactly. */
  finish(): void {
    checkAllMet(this.known, this.index);
    if (this.offset !== this.theta.length) {
      throw new ParameterSetError(`the model used ${this.offset} of ${this.theta.length} unconstrained coordinates`, undefined);
    }
  }
}

/**
 * `the observation \`y\` = 12 (a Binomial, with support 0 … 10)`: what a user can check against the data;
 * `possible` when the value lies in the support, so that other parameter values may explain it.
 */
function observationText(dist: Distribution, x: readonly Real[], name: string | (() => string) | undefined): { what: string; possible: boolean } {
  const shown = x.length === 1 ? String(value(x[0]!)) : x.length <= 6 ? `[${x.map((xi) => value(xi)).join(', ')}]` : `${x.length} values`;
  const observed = name === undefined ? `an observation (${shown})` : `the observation \`${typeof name === 'string' ? name : name()}\` = ${shown}`;
  if (dist.variate !== 'univariate') {
    const trials = (dist as { trials?: number }).trials;
    const sum = x.reduce((a: number, xi) => a + value(xi), 0);
    if (trials === undefined || sum === trials) return { what: `${observed} (${dist.family})`, possible: true };
    return { what: `${observed} (a ${dist.family} of ${trials} trials; the counts sum to ${sum})`, possible: false };
  }
  const d = dist as Univariate;
  const [lo, hi, v] = [value(d.minimum()), value(d.maximum()), value(x[0]!)];
  if (v >= lo && v <= hi) return { what: `${observed} (${dist.family})`, possible: true };
  const bound = (b: number): string => (b === -Infinity ? '−∞' : b === Infinity ? '∞' : String(b));
  return { what: `${observed} (a ${dist.family}, with support ${dist.discrete ? `${bound(lo)} … ${bound(hi)}` : supportText(dist.support())})`, possible: false };
}

/**
 * ` at σ = ∞` where a continuous scalar's prior is not finite at a value inside its support or on its ends,
 * which only floating point explains (e^y overflowing to ∞, the logistic rounding to 1, σ²/2 overflowing at
 * σ = 1e160): a trajectory that ran that far out, not a prior of the wrong support.
 */
function edgeText(name: string, dist: Distribution, x: readonly Real[]): string {
  if (dist.variate !== 'univariate' || dist.discrete || x.length !== 1) return '';
  const d = dist as Univariate;
  const v = value(x[0]!);
  if (!(v >= value(d.minimum()) && v <= value(d.maximum()))) return '';
  return ` at ${name} = ${v === Infinity ? '∞' : v === -Infinity ? '−∞' : String(v)}`;
}

/**
 * Evaluates at θ like UnconstrainedContext and keeps the first statement whose term of the log density is
 * not finite: what to show a user when no starting point can be found.
 */
/**
 * Bayesian Methods for Hackers' ports record a derived value as a parameter, `Δp ~ Dirac(pA - pB)`, and sample
 * with MH: a gradient-based sampler's every step leaves the point.
 */
const DIRAC_PARAMETER = (name: string): string =>
  ` (a Dirac: all its mass at one point, which HMC, NUTS and ADVI cannot move; to record a derived value write \`${name} := …\` instead, or sample it with MH, PG or SMC)`;

export class NonFiniteTermContext extends UnconstrainedContext {
  /** `possible`: an observation inside its support, which other parameter values may make finite. */
  firstNonFinite: { what: string; span: Span | undefined; logdensity: number; possible?: boolean } | undefined;

  private check(what: () => string | { what: string; possible: boolean }, span: Span | undefined, lp: Real): void {
    const v = value(lp);
    if (this.firstNonFinite !== undefined || Number.isFinite(v)) return;
    const w = what();
    this.firstNonFinite = typeof w === 'string' ? { what: w, span, logdensity: v } : { ...w, span, logdensity: v };
  }

  override assume(vn: VarName, dist: Distribution, span: Span | undefined): Real[] {
    const x = super.assume(vn, dist, span);
    this.check(() => `the prior of \`${vn.name}\`${dist.family === 'Dirac' ? DIRAC_PARAMETER(vn.name) : edgeText(vn.name, dist, x)}`, span, logpdfFlat(dist, x));
    return x;
  }

  override observe(dist: Distribution, x: readonly Real[], span?: Span, name?: string | (() => string)): void {
    super.observe(dist, x, span);
    this.check(() => observationText(dist, x, name), span, logpdfFlat(dist, x));
  }

  override get observesElementwise(): boolean {
    return true;
  }

  override addLogProb(lp: Real, span?: Span): void {
    super.addLogProb(lp, span);
    this.check(() => '`@addlogprob!`', span, lp);
  }

  override addLogPrior(lp: Real, span?: Span): void {
    super.addLogPrior(lp, span);
    this.check(() => '`@addlogprob!`\'s `logprior`', span, lp);
  }
}

/** `UnconstrainedContext` that also keeps the constrained values as given (AD values included), for a tape that records them. */
export class TapedDrawContext extends UnconstrainedContext {
  readonly constrained: Real[] = [];

  constructor(theta: readonly Real[], known: readonly VarRecord[]) {
    super(theta, known, true);
  }

  protected override record(vn: VarName, dist: Distribution, x: readonly Real[], span: Span | undefined): VarRecord {
    const rec = super.record(vn, dist, x, span);
    this.constrained.push(...heldOf(rec.held, x));
    return rec;
  }
}

/**
 * Posterior prediction: parameters take the values of a draw, and every other random variable — the
 * `missing` data — is drawn from its distribution given them. `drawn` lists what was predicted.
 */
export class PredictContext extends Context {
  readonly drawn: string[] = [];

  constructor(
    /** `elements`: the names of the variable's entries the chains hold (their columns); the answer gives those entries. */
    private readonly lookup: (vn: VarName, elements: readonly string[]) => Real[] | undefined,
    private readonly rng: Rng,
  ) {
    super();
  }

  protected valueOf(vn: VarName, dist: Distribution): Real[] {
    const { names, held } = chainEntries(vn.name, dist);
    const known = this.lookup(vn, heldOf(held, vn.elements ?? names));
    if (known !== undefined) return fromHeld(held, names.length, known.map(value));
    this.drawn.push(vn.name);
    const draw = dist.rand(this.rng);
    return typeof draw === 'number' ? [draw] : Array.from(draw);
  }

  /** Each prediction's own draws are independent of another's, as its missing values are. */
  protected override drawKey(): Rng {
    return this.rng.fork();
  }
}
