import { ops, valuesOf, type Real } from '../ad/index.js';
import { ScalarUnivariate, type Distribution } from '../dist/index.js';
import { bijectorFor, type Support } from '../bijectors/index.js';
import { ModelError, type Span } from './diagnostic.js';
import { chainEntries } from './chain-entries.js';
import type { VarName } from './varname.js';
import { supportText } from './support-text.js';
import type { Value } from './values.js';
import { DrawStreams, UNKEPT_DRAWS, type DrawSite } from './draw-streams.js';
import type { Rng } from '../rng/index.js';

/** What is known of one random variable after a run: its names, shape, support and constrained value. */
export interface VarRecord {
  name: string;
  elements: string[];
  shape: number[];
  family: string;
  discrete: boolean;
  support: Support['kind'];
  /** The support as a statistician writes it, e.g. `(0, ∞)`. */
  supportText: string;
  value: Float64Array;
  /** Coordinates in the unconstrained space (fewer than elements for a simplex or a correlation factor). */
  unconstrainedLength: number;
  span: Span | undefined;
  /** The entries of `value` (and `elements`) the chains hold, when not all: a Cholesky factor's triangle. */
  held?: number[];
}

export function logpdfFlat(dist: Distribution, flat: readonly Real[]): Real {
  return dist.variate === 'univariate' ? dist.logpdf(flat[0]!) : dist.logpdf(flat);
}

/**
 * DynamicPPL's split: the model calls `assume` for every random variable and `observe` for every
 * observation; what those do (draw, look up, read from θ) is the context's business. Every context
 * accumulates the three log-density terms and records the variables it met, in order.
 */
export abstract class Context {
  private readonly terms = { prior: new Terms(), addedPrior: new Terms(), likelihood: new Terms(), jacobian: new Terms() };
  readonly variables: VarRecord[] = [];
  readonly deterministics = new Map<string, Value>();
  /** The names recorded so far, made by the first record: a context that does not record (one per gradient) never needs it. */
  private recorded: Set<string> | undefined;
  /** The variable each element name belongs to, made by the first record, as `recorded` is. */
  private elementOwners: Map<string, string> | undefined;

  /** Whether `variables` is filled in; evaluation from θ, run once per gradient, has no use for it. */
  protected readonly recording: boolean = true;
  /** Where the model's own draws (`rand` in its body) come from in this run: made at the first draw unless given. */
  private streams: DrawStreams | undefined;

  /** The model's draws in this run come from `streams`: a chain's kept draw gets streams of its own. */
  drawsFrom(streams: DrawStreams): this {
    this.streams = streams;
    return this;
  }

  /** The generator that a draw at `site` takes its numbers from. */
  streamAt(site: DrawSite): Rng {
    return (this.streams ??= new DrawStreams(this.drawKey())).at(site);
  }

  /** The places the model drew at in this run, in order. */
  get drawSites(): readonly DrawSite[] {
    return this.streams?.sites ?? [];
  }

  /** The key of a run's draws when none was given: the same every time, for a run nothing of which is kept but the log density. */
  protected drawKey(): Rng {
    return UNKEPT_DRAWS;
  }

  assume(vn: VarName, dist: Distribution, span: Span | undefined): Real[] {
    const x = this.valueOf(vn, dist, span);
    this.terms.prior.addLogpdf(dist, x);
    if (this.recording) this.record(vn, dist, x, span);
    return x;
  }

  protected abstract valueOf(vn: VarName, dist: Distribution, span: Span | undefined): Real[];

  /**
   * `span` (the statement's) and `name` (what was observed, `y[2]`), for a context that reports where the log
   * density stopped being finite.
   */
  observe(dist: Distribution, x: readonly Real[], _span?: Span, _name?: string | (() => string)): void {
    this.terms.likelihood.addLogpdf(dist, x);
  }

  /** Whether the model should observe an array of numbers one element at a time, so that each has its name. */
  get observesElementwise(): boolean {
    return false;
  }

  /** `@addlogprob!`: counted with the likelihood, as in DynamicPPL. */
  addLogProb(lp: Real, _span?: Span): void {
    this.terms.likelihood.add(lp);
  }

  /** `@addlogprob! (; logprior = lp)`: counted with the prior, as in Turing 0.40. */
  addLogPrior(lp: Real, _span?: Span): void {
    this.terms.addedPrior.add(lp);
  }

  deterministic(name: string, v: Value): void {
    this.deterministics.set(name, v);
  }

  get logprior(): Real {
    return ops.add(this.terms.prior.sum(), this.terms.addedPrior.sum());
  }

  /**
   * What a draw from the `~` priors is weighed by (MH's prior proposals, ESS): the likelihood and the prior
   * terms `@addlogprob!` added, which no `~` proposes from.
   */
  get logweight(): Real {
    return ops.add(this.loglikelihood, this.terms.addedPrior.sum());
  }

  get loglikelihood(): Real {
    return this.terms.likelihood.sum();
  }

  get logjac(): Real {
    return this.terms.jacobian.sum();
  }

  /** A transform's log-Jacobian, added by contexts that map values between spaces. */
  protected addLogJac(term: Real): void {
    this.terms.jacobian.add(term);
  }

  get logjoint(): Real {
    return ops.add(this.logprior, this.loglikelihood);
  }

  /** log p(θ, y) in unconstrained space: the joint plus the log-Jacobian of the transforms. */
  get logdensity(): Real {
    return ops.add(this.logjoint, this.logjac);
  }

  /**
   * `x ~ filldist(…, 3)` then `x[3] ~ Normal(x[2], 0.1)` (Stan's way of adding a prior to one element) would make
   * `x[3]` a second, unrelated parameter: DynamicPPL's check_model refuses overlapping names, and so does this.
   */
  private refuseOverlap(name: string, elements: readonly string[], span: Span | undefined): void {
    const owners = (this.elementOwners ??= new Map());
    for (const e of elements) {
      const owner = owners.get(e);
      if (owner !== undefined) {
        throw new ModelError(
          `\`${name}\` overlaps \`${owner}\`, drawn by an earlier \`~\` in this run: each element is drawn once. Give the whole variable one prior (for a dependence between elements, draw them one by one in a loop)`,
          span,
        );
      }
    }
    for (const e of elements) owners.set(e, name);
  }

  protected record(vn: VarName, dist: Distribution, x: readonly Real[], span: Span | undefined): VarRecord {
    // DynamicPPL's check_model refuses this too: the draws of one name would overwrite each other.
    const recorded = (this.recorded ??= new Set());
    if (recorded.has(vn.name)) {
      throw new ModelError(
        `\`${vn.name}\` is drawn as a random variable more than once in one run of the model: each \`~\` needs a name of its own. In a loop, index it (\`${vn.name}[i] ~ …\`); to observe data, the left side must be a model argument or its element (\`y[i] ~ …\`)`,
        span,
      );
    }
    recorded.add(vn.name);
    const entries = chainEntries(vn.name, dist);
    const elements = vn.elements ?? entries.names;
    this.refuseOverlap(vn.name, elements, span);
    const support = dist.support();
    const rec: VarRecord = {
      name: vn.name,
      elements,
      shape: dist.shape.slice(),
      family: dist.family,
      discrete: dist.discrete,
      support: support.kind,
      supportText: supportText(support),
      value: valuesOf(x),
      unconstrainedLength: bijectorFor(support, x.length).unconstrainedLength,
      span,
      ...(entries.held ? { held: entries.held } : {}),
    };
    this.variables.push(rec);
    return rec;
  }
}

/**
 * A log-density term's parts, summed when asked: a model with a loop of N observations then adds one
 * sum node to a tape instead of N additions. Terms of scalar families (observed, or drawn one by one)
 * wait for the sum too, and those of one family go in as one product (`ScalarUnivariate.sumLogpdf`): a loop
 * of `obs[i] ~ LogPoisson(α[site[i]])` is then one loop over its observations on a tape, as `arraydist`
 * would be, instead of a node per statement. Their log densities cannot throw, so nothing is reported later
 * than it was.
 */
class Terms {
  private readonly parts: Real[] = [];
  private total: Real | undefined = 0;
  /** Scalar families' terms not yet summed: the distributions and their values. */
  private readonly waiting: ScalarUnivariate<readonly number[]>[] = [];
  private readonly waitingValues: Real[] = [];

  add(term: Real): void {
    this.parts.push(term);
    this.total = undefined;
  }

  /** `logpdf(dist, x)` as a part, or later with others of its family. */
  addLogpdf(dist: Distribution, x: readonly Real[]): void {
    if (!(dist instanceof ScalarUnivariate) || x.length !== 1) {
      this.add(logpdfFlat(dist, x));
      return;
    }
    this.waiting.push(dist);
    this.waitingValues.push(x[0]!);
    this.total = undefined;
  }

  sum(): Real {
    if (this.waiting.length > 0) this.sumWaiting();
    return (this.total ??= ops.sumOf(this.parts));
  }

  /** The waiting terms as one part per family, in the order each family first came. */
  private sumWaiting(): void {
    const families = new Map<unknown, { parts: ScalarUnivariate<readonly number[]>[]; values: Real[] }>();
    for (let i = 0; i < this.waiting.length; i++) {
      const d = this.waiting[i]!;
      let group = families.get(d.constructor);
      if (group === undefined) families.set(d.constructor, (group = { parts: [], values: [] }));
      group.parts.push(d);
      group.values.push(this.waitingValues[i]!);
    }
    this.waiting.length = 0;
    this.waitingValues.length = 0;
    for (const { parts, values } of families.values()) this.parts.push(ScalarUnivariate.sumLogpdf(parts, values));
  }
}
