import type * as A from '../ast.js';
import { JArray, JFunction, JRange, JTuple, JType, ModelError, ModelInstance, NOTHING, describe, isDistribution, type Value } from '../../model/index.js';
import { Rng } from '../../rng/index.js';
import { WEIGHTS, seedOf } from '../calls.js';
import { collectionSample, isCollection, weightVector } from './script-sample.js';
import { scriptToolNote } from '../script-tools.js';
import { dimsFrom } from '../builtins/dims.js';
import { iterate, product } from '../runtime/index.js';

/** Without a `Random.seed!(n)` line the script's draws still repeat from one run to the next. */
const DEFAULT_SEED = 1;

/**
 * `rand` and `randn` for a pasted script's top-level lines, which make synthetic data the way Turing's
 * tutorials do (`x = rand(mixturemodel, 60)`, `y = f.(t) .+ 0.1 .* randn(length(t))`), also through the
 * file's helper functions (`x = make_data(100)`). Tilde's generator is not Julia's: the data has the same
 * distribution, not the same numbers. They draw only while a top-level line runs: a model's log density
 * must not change between evaluations, so a model cannot call them, directly or through a function.
 */
export interface ScriptRandom {
  readonly functions: ReadonlyMap<string, Value>;
  readonly seed: number;
  /** How many calls drew so far: a line that drew is told it did. */
  readonly draws: number;
  /** Runs a top-level line, during which `functions` draw. */
  drawing<T>(run: () => T): T;
  /**
   * Runs a file's `rand(rng, d::MyDist)` method for a sampler, `functions` drawing from its generator `rng` meanwhile:
   * `run` gets the value that stands for it (Random's `rng` argument).
   */
  drawingFrom<T>(rng: Rng, run: (generator: Value) => T): T;
}

/**
 * The seed of the script's first `Random.seed!(n)` / `seed!(n)` line with a literal integer, else of its first
 * generator made with one (`rng = Xoshiro(42)`, `MersenneTwister(1)`), which newer tutorials seed instead.
 */
export function scriptSeed(program: Pick<A.Program, 'expressions' | 'globals'>): number | undefined {
  for (const e of program.expressions) {
    const seed = seedOf(e);
    if (seed !== undefined) return seed;
  }
  for (const g of program.globals) {
    const v = g.value;
    if (v.kind !== 'call' || v.args.length !== 1) continue;
    const callee = v.callee.kind === 'field' ? v.callee.name : v.callee.kind === 'ident' ? v.callee.name : undefined;
    const [seed] = v.args;
    if (callee !== undefined && GENERATORS.includes(callee) && seed?.kind === 'number' && seed.isInteger) return seed.value;
  }
  return undefined;
}

/**
 * Random's generators (`rng = Xoshiro(42)`, `MersenneTwister(1)`, StableRNGs' `StableRNG(1)`, `Random.default_rng()`),
 * which newer tutorials pass to `rand(rng, …)`: the script's draws all come from Tilde's one generator, so a
 * generator is a stand-in of Julia's abstract type that `rand` and `randn` pass over.
 */
const GENERATORS = ['Xoshiro', 'MersenneTwister', 'StableRNG', 'default_rng', 'TaskLocalRNG', 'RandomDevice'];
const GENERATOR = new JType('AbstractRNG');

function withoutGenerator(args: Value[]): Value[] {
  return args[0] === GENERATOR ? args.slice(1) : args;
}

function filled(shape: number[], draw: () => Value, eltype: 'float' | 'int' | 'any'): Value {
  if (shape.length === 0) return draw();
  return new JArray(shape, Array.from({ length: product(shape) }, draw), eltype);
}

export function scriptRandom(seed = DEFAULT_SEED): ScriptRandom {
  let rng = Rng.seeded(seed);
  let draws = 0;
  let lines = 0;
  const draw = (name: string): void => {
    if (lines === 0) throw new ModelError(`\`${name}\` draws only while the file's top-level lines run (synthetic data): called from a model, it would change the log density between evaluations; draw with \`~\` instead`, undefined);
    draws++;
  };
  const rand = new JFunction('rand', (all) => {
    draw('rand');
    const args = withoutGenerator(all);
    const [what, ...rest] = args;
    if (what === undefined || typeof what === 'number') return filled(dimsFrom('rand', args), () => rng.uniform(), 'float');
    if (isDistribution(what)) {
      const shape = dimsFrom('rand', rest);
      if (what.variate === 'univariate') return filled(shape, () => what.rand(rng) as number, what.discrete ? 'int' : 'float');
      if (shape.length > 1) throw new ModelError(`rand(${what.family}, n) takes one count for a multivariate distribution`, undefined);
      const one = (): Float64Array => what.rand(rng) as Float64Array;
      // A matrix-variate draw (LKJ's correlation matrix, a Wishart's) is a matrix, and n of them a vector of matrices, as in Distributions.jl.
      if (what.variate === 'matrixvariate') {
        const matrix = (): JArray => new JArray(what.shape.slice(), Array.from(one()), 'float');
        return shape.length === 0 ? matrix() : JArray.vector(Array.from({ length: shape[0]! }, matrix), 'any');
      }
      if (shape.length === 0) return JArray.vector(Array.from(one()), 'float');
      // n draws as the columns of a matrix, as Distributions.jl returns them.
      const columns = Array.from({ length: shape[0]! }, one);
      return new JArray([product(what.shape), columns.length], columns.flatMap((c) => Array.from(c)), 'float');
    }
    if (what instanceof JRange || what instanceof JArray || what instanceof JTuple) {
      const items = [...iterate(what)];
      if (items.length === 0) throw new ModelError('rand of an empty collection', undefined);
      return filled(dimsFrom('rand', rest), () => items[rng.integer(0, items.length - 1)]!, 'any');
    }
    if (args.some((a) => a instanceof ModelInstance)) throw new ModelError(scriptToolNote('rand(model)')!, undefined);
    throw new ModelError(`rand in a script line takes a distribution, a collection or dimensions, got ${describe(what)}`, undefined);
  });
  const randn = new JFunction('randn', (args) => {
    draw('randn');
    return filled(dimsFrom('randn', withoutGenerator(args)), () => rng.normal(), 'float');
  });
  const sample = new JFunction('sample', (all, kwargs) => {
    const args = withoutGenerator(all);
    // Turing's `sample(model, …)` is refused as before, without counting as a draw.
    if (isCollection(args[0])) draw('sample');
    return collectionSample(rng, args, kwargs);
  });
  return {
    functions: new Map<string, Value>([
      ['rand', rand],
      ['randn', randn],
      ['sample', sample],
      ...WEIGHTS.map((name): [string, Value] => [name, new JFunction(name, (args) => weightVector(name, args[0] ?? NOTHING))]),
      ...GENERATORS.map((name): [string, Value] => [name, new JFunction(name, () => GENERATOR)]),
    ]),
    seed,
    get draws() {
      return draws;
    },
    drawing(run) {
      lines++;
      try {
        return run();
      } finally {
        lines--;
      }
    },
    drawingFrom(sampler, run) {
      const before = rng;
      rng = sampler;
      try {
        return this.drawing(() => run(GENERATOR));
      } finally {
        rng = before;
      }
    },
  };
}
