import { Rng } from '../rng/index.js';
import { makeGradient } from '../ad/index.js';
import { backendFor, BoundModel, heldOf, type Model, type Value } from '../model/index.js';
import { maximize, standardErrors, type MaximizeResult, type Objective } from '../infer/optimize/index.js';
import { initialPoint } from './initial-point.js';
import { linkInitialValues, type InitialValues } from './initial-values.js';
import { drawFromPrior } from './targets.js';
import { chainRng } from './sample.js';

export interface OptimizeOptions {
  /** `map`: the posterior mode (log joint, no Jacobian, as Turing's MAP); `mle`: the likelihood alone. */
  kind: 'map' | 'mle';
  seed: number;
  ad?: string;
  maxIterations?: number;
  /** Where to start, constrained values by name (Turing's `initial_params`); what they leave out starts as in Stan. */
  init?: InitialValues;
}

export interface OptimizeResult {
  /** The `@model`'s name. */
  model: string;
  kind: 'map' | 'mle';
  /** Constrained parameter values at the mode, by element name. */
  mode: Record<string, number>;
  /** Standard errors from the inverse Hessian, mapped to each element by the delta method where the transform is elementwise; NaN where not. */
  se: Record<string, number>;
  /** The objective at the mode: log joint (MAP) or log likelihood (MLE). */
  value: number;
  converged: boolean;
  message: string;
  iterations: number;
  /** Why the standard errors are missing, when they are. */
  seMessage?: string;
}

/**
 * MAP and MLE by L-BFGS in the unconstrained space. The objective leaves out the log-Jacobian, so the
 * mode is that of the constrained parameters, as Turing's `maximum_a_posteriori` and
 * `maximum_likelihood` give it.
 */
export function optimize(model: Model, args: ReadonlyMap<string, Value>, options: OptimizeOptions): OptimizeResult {
  const { bound } = BoundModel.discover(model, args, Rng.seeded(options.seed).split(0xffff));
  bound.assertContinuous();
  // `auto`'s check is of the log density; the objective is another sum of the same run's terms.
  const { name, options: backendOptions } = backendFor(bound, options.ad);
  const gradient = makeGradient(
    (theta) => {
      const ctx = bound.run(theta);
      return options.kind === 'map' ? ctx.logjoint : ctx.loglikelihood;
    },
    bound.dimension,
    name,
    backendOptions,
  );
  const objective = { dimension: bound.dimension, objective: (theta: Float64Array) => gradient(theta) };
  const result = bestOfStarts(bound, objective, options);
  const ses = standardErrors(objective, result.mode);
  const draw = bound.constrain(result.mode);
  const mode: Record<string, number> = {};
  const se: Record<string, number> = {};
  let k = 0;
  let offset = 0;
  for (const v of bound.variables) {
    const elementwise = v.unconstrainedLength === v.elements.length;
    heldOf(v.held, v.elements).forEach((e, i) => {
      mode[e] = draw.values[k]!;
      se[e] = elementwise ? deltaSe(bound, result.mode, offset + i, k, ses.se[offset + i]!) : NaN;
      k++;
    });
    offset += v.unconstrainedLength;
  }
  return {
    model: model.name,
    kind: options.kind,
    mode,
    se,
    value: result.value,
    converged: result.converged,
    message: result.message,
    iterations: result.iterations,
    ...(ses.message ? { seMessage: ses.message } : {}),
  };
}

/** Prior draws the optimiser also starts from, besides Stan's random point. */
const PRIOR_STARTS = 3;

/**
 * L-BFGS from the user's initial values alone when given (a start chosen to reach one mode of several);
 * otherwise from Stan's initial point and from a few draws from the prior (as Turing starts), keeping the best
 * optimum. From one start alone the unconstrained space can strand it: with `σ ~ Uniform(0, 50)` and a
 * location starting far from the data, the first steps push σ to its bound, where the logit transform
 * flattens the objective, and it stops there "converged" (Statistical Rethinking's m4.5: log joint −504
 * against −363 at the mode).
 */
function bestOfStarts(bound: BoundModel, objective: Objective, options: OptimizeOptions): MaximizeResult {
  const rng = chainRng(options.seed, 0).init;
  const target = { dimension: bound.dimension, logdensityAndGradient: objective.objective };
  const given = options.init && linkInitialValues(bound, options.init, rng.split(1));
  const starts = [initialPoint(bound, target, rng, given)];
  for (let k = 0; k < (given ? 0 : PRIOR_STARTS); k++) {
    try {
      const draw = drawFromPrior(bound, rng.split(k + 1));
      if (Number.isFinite(objective.objective(draw).value)) starts.push(draw);
    } catch {
      // A prior draw the model cannot be evaluated at is no start.
    }
  }
  const settings = options.maxIterations === undefined ? {} : { maxIterations: options.maxIterations };
  let best: MaximizeResult | undefined;
  for (const start of starts) {
    const result = maximize(objective, start, settings);
    if (best === undefined || result.value > best.value || (Number.isNaN(best.value) && !Number.isNaN(result.value))) best = result;
  }
  return best!;
}

/** se(x) = |dx/dy| se(y), with dx/dy of the element's own transform taken by a central difference. */
function deltaSe(bound: BoundModel, mode: Float64Array, coordinate: number, element: number, seY: number): number {
  const h = 1e-6 * Math.max(1, Math.abs(mode[coordinate]!));
  const at = (delta: number) => {
    const theta = mode.slice();
    theta[coordinate] = mode[coordinate]! + delta;
    return bound.constrain(theta).values[element]!;
  };
  return Math.abs((at(h) - at(-h)) / (2 * h)) * seY;
}
