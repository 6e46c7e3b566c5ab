import type { Context } from './context.js';
import type { Span } from './diagnostic.js';
import type { Value } from './values.js';

/** A model argument as declared: data binds to it by name. */
export interface ModelParam {
  name: string;
  span: Span;
  hasDefault: boolean;
  /** The file's own call of the model (`sample(gdemo(1.5, 2), …)`) gives a value when the data does not. */
  fromScript?: boolean;
  /** What the file's call of the model passes for it (`df.rugged`) where that call cannot run before the model. */
  passedInScript?: string;
  /**
   * The file's last top-level line that rewrites the name its call of the model passes for it from itself
   * (`X = standardize(ZScoreTransform, X; dims=1)`): data given for the argument must be what that line makes.
   */
  transformedInScript?: Span;
  /** It stands left of a `~` (`y ~ …`, `y[i] ~ …`): data the model observes, which a posterior predictive replicates. */
  observed?: boolean;
  /** The fields of it the model observes (`y` of `df.y[i] ~ …`, a table's column): replicated as `df.y`. */
  observedFields?: string[];
}

/**
 * A compiled model bound to nothing yet: the language front end produces it, contexts give its
 * `~` statements their meaning. `run` evaluates the body once under `ctx` with the given arguments
 * (defaults fill the rest) and returns the model's return value.
 */
export interface Model {
  readonly name: string;
  readonly source: string;
  readonly params: readonly ModelParam[];
  /**
   * Random variables (`~` left sides that are not arguments) that data may condition, as DynamicPPL's
   * `condition(model, y = …)` / `model | (; y = …)` does: `args` may hold them, and they are then observed.
   */
  readonly conditionable?: ReadonlySet<string>;
  /**
   * Every value it can return is a `~` left side (`return y ~ …`, a final `y ~ …`): a copy of the data or a
   * parameter, which is not recorded as a generated quantity.
   */
  readonly returnsDrawnValue?: boolean;
  /**
   * What the file's own call of the model gives (the `fromScript` arguments, and the variables the call conditions), for
   * what needs the data itself beside a run: a posterior predictive's observed values.
   */
  readonly scriptArguments?: ReadonlyMap<string, Value>;
  /** A function the file defines, by name: a sampler the script gives one (Turing's `GibbsConditional(cond_m)`) calls it. */
  definedFunction?(name: string): Value | undefined;
  run(ctx: Context, args: ReadonlyMap<string, Value>): Value;
}
