import { value, type Real } from '../ad/index.js';
import { independentParts, type Distribution } from '../dist/index.js';
import { elementNames, logpdfFlat, PredictContext, type Span } from '../model/index.js';

/** One observation's log-likelihood term: its name, and for a vector observed whole, what it is. */
export interface Term {
  name: string;
  logLik: number;
  /** The `~` statement that observes it, for errors. */
  span?: Span;
  /** A multivariate value observed as one (`y ~ MvNormal(…)`): its family and length, for the note that says so. */
  whole?: { family: string; length: number };
}

/**
 * Evaluates the model at a draw (parameters from the chains) and keeps each observation's log-likelihood:
 * DynamicPPL's `pointwise_loglikelihoods`, except that a product of independent parts gives a term per
 * part, as `y .~` and a loop do, since they are independent observations (Stan's `log_lik[n]`): an element
 * of `y ~ filldist(Normal(…), n)` or `arraydist(…)`, a column of `Y ~ filldist(MvNormal(…), n)`.
 */
export class PointwiseContext extends PredictContext {
  readonly observed: Term[] = [];
  addedLogProb = false;
  /** When set (at the first draw), collects the observed values, in the order observed. */
  observedValues?: number[];

  override get observesElementwise(): boolean {
    return true;
  }

  override observe(dist: Distribution, x: readonly Real[], span?: Span, name?: string | (() => string)): void {
    super.observe(dist, x, span, name);
    if (this.observedValues) for (const v of x) this.observedValues.push(value(v));
    const label = name === undefined ? `observation ${this.observed.length + 1}` : typeof name === 'string' ? name : name();
    const product = x.length > 1 ? independentParts(dist) : undefined;
    if (product) {
      const { parts, width } = product;
      const names = width === 1 ? elementNames(label, dist.shape) : parts.map((_, j) => `${label}[:, ${j + 1}]`);
      parts.forEach((d, k) => this.observed.push({ name: names[k]!, logLik: value(logpdfFlat(d, x.slice(k * width, (k + 1) * width))), span }));
      return;
    }
    const logLik = value(logpdfFlat(dist, x));
    this.observed.push(x.length > 1 ? { name: label, logLik, span, whole: { family: dist.family, length: x.length } } : { name: label, logLik, span });
  }

  override addLogProb(lp: Real, span?: Span): void {
    super.addLogProb(lp, span);
    this.addedLogProb = true;
  }
}

