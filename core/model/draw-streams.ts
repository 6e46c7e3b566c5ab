import { Rng } from '../rng/index.js';
import type { Span } from './diagnostic.js';

/** A place in the source where a model draws (`rand`, `randn`): where a refusal points. */
export interface DrawSite {
  readonly name: string;
  readonly span: Span;
}

/**
 * The generators of a model's own draws (`y_rep = rand(Normal(μ, σ))`) in one run: one stream per place in the
 * source, split from one key by where the call stands, so that a site's values depend on the key and on how
 * often it drew, not on what other sites drew before it. `varied` gives one site a stream of another key: two
 * runs that differ in that site alone tell whether its values reach the log density.
 */
export class DrawStreams {
  private readonly streams = new Map<number, Rng>();
  /** The sites met, in the order first met. */
  readonly sites: DrawSite[] = [];

  constructor(
    private readonly key: Rng,
    private readonly varied?: { readonly at: number; readonly key: Rng },
  ) {}

  at(site: DrawSite): Rng {
    const at = site.span.from;
    let stream = this.streams.get(at);
    if (stream === undefined) {
      stream = (this.varied?.at === at ? this.varied.key : this.key).split(at);
      this.streams.set(at, stream);
      this.sites.push(site);
    }
    return stream;
  }
}

/**
 * The key of draws nothing is kept of: a gradient's evaluation, where (the model's draws leaving its log
 * density alone, see draw-check.ts) any values serve, and the same ones at every evaluation.
 */
export const UNKEPT_DRAWS = Rng.seeded(0);
