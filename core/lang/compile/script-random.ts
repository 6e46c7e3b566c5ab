import type * as A from '../ast.js';
import { JArray, JFunction, JRange, JTuple, JType, ModelError, ModelInstance, NOTHING, describe, drawsBooleans, isDistribution, type Context, type DrawSite, type ElementType, type Value } from '../../model/index.js';
import { Rng } from '../../rng/index.js';
import { WEIGHTS, seedOf } from '../calls.js';
import { collectionSample, isCollection, weightVector } from './script-sample.js';
import { scriptToolNote } from '../script-tools.js';
import { dimsFrom } from '../builtins/dims.js';
import { drawFromModel } from './model-draw.js';
import { iterate, product } from '../runtime/index.js';

/** Without a `Random.seed!(n)` line the script's draws still repeat from one run to the next. */
const DEFAULT_SEED = 1;

/**
 * `rand` and `randn` for a pasted script's top-level lines, which make synthetic data the way Turing's
 * tutorials do (`x = rand(mixturemodel, 60)`, `y = f.(t) .+ 0.1 .* randn(length(t))`), also through the
 * file's helper functions (`x = make_data(100)`). Tilde's generator is not Julia's: the data has the same
 * distribution, not the same numbers. In a model (directly or through a function it calls) they draw, as in
 * Turing, what the model returns or records (`y_rep = rand(Normal(μ, σ))`), from the run's streams (see
 * DrawStreams): a chain's draw has its own, and a draw that reaches the log density is refused (draw-check.ts).
 */
export interface ScriptRandom {
  readonly functions: ReadonlyMap<string, Value>;
  /** `rand`, `randn` and StatsBase's `sample` of a collection (with its `Weights`), for a model's body. */
  readonly inModels: ReadonlyMap<string, Value>;
  readonly seed: number;
  /** How many calls drew so far: a line that drew is told it did. */
  readonly draws: number;
  /** Runs a top-level line, during which `functions` draw. */
  drawing<T>(run: () => T): T;
  /** Runs a model, during which `functions` draw from `ctx`'s streams, unless a top-level line runs inside it. */
  inModel<T>(ctx: Context, run: () => T): T;
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
/** The generators a model may take too (`rand(Random.default_rng(), d)`): seeded by none of its lines, so Julia's draws differ at each run as its streams' do. */
const UNSEEDED = ['default_rng', 'TaskLocalRNG', 'RandomDevice'];
const GENERATOR = new JType('AbstractRNG');

function withoutGenerator(args: Value[]): Value[] {
  return args[0] === GENERATOR ? args.slice(1) : args;
}

const FLOAT_TYPES: ReadonlySet<string> = new Set(['Float64', 'Float32', 'Float16']);

/**
 * `rand(Bool, n)` and `rand(Float64, n)`, as scripts simulate a treatment flag or uniforms; an integer type's
 * draws span all its values in Julia, which no one means for data.
 */
function ofType(t: JType, shape: number[], from: Rng): Value {
  if (t.name === 'Bool') return filled(shape, () => from.uniform() < 0.5, 'bool');
  if (FLOAT_TYPES.has(t.name)) return filled(shape, () => from.uniform(), 'float');
  throw new ModelError(`rand(${t.toString()}) draws from all of ${t.toString()}'s values in Julia: draw from a range (\`rand(1:6, n)\`) or a distribution`, undefined);
}

function filled(shape: number[], draw: () => Value, eltype: ElementType): Value {
  if (shape.length === 0) return draw();
  return new JArray(shape, Array.from({ length: product(shape) }, draw), eltype);
}

/**
 * `rand`, `randn` or `sample`, which draws from the generator of where it is written: a name of it in the code is bound to
 * its place (`at`), so that a model's draws come from that place's stream and a refusal can point there.
 */
export class SiteRandom extends JFunction {
  constructor(
    name: string,
    private readonly draw: (site: DrawSite | undefined, args: Value[], kwargs: Map<string, Value>) => Value,
  ) {
    super(name, (args, kwargs) => draw(undefined, args, kwargs));
  }

  at(site: DrawSite): JFunction {
    return new JFunction(this.name, (args, kwargs) => this.draw(site, args, kwargs));
  }
}

/** Where a call that no name bound to a place draws from in a model (a file's own `rand` method passing the call on). */
const UNPLACED: DrawSite = { name: 'rand', span: { from: 0, to: 0 } };

export function scriptRandom(seed = DEFAULT_SEED): ScriptRandom {
  let rng = Rng.seeded(seed);
  let draws = 0;
  let lines = 0;
  let model: Context | undefined;
  /** The generator of a call at `site`: the script's in a top-level line, else the running model's stream of the site. */
  const generator = (name: string, site: DrawSite | undefined): Rng => {
    if (lines > 0) {
      draws++;
      return rng;
    }
    if (model === undefined) throw new ModelError(`\`${name}\` draws only while the file's top-level lines or a model run`, undefined);
    return model.streamAt(site ?? UNPLACED);
  };
  const rand = new SiteRandom('rand', (site, all) => {
    const from = generator('rand', site);
    const args = withoutGenerator(all);
    const [what, ...rest] = args;
    if (what === undefined || typeof what === 'number') return filled(dimsFrom('rand', args), () => from.uniform(), 'float');
    if (isDistribution(what)) {
      const shape = dimsFrom('rand', rest);
      // A Bernoulli's draws are Bools, as Distributions.jl's (and a `~`'s, fromFlat) are: `if rand(Bernoulli(p))` tests one.
      if (what.variate === 'univariate' && drawsBooleans(what.family)) return filled(shape, () => what.rand(from) === 1, 'bool');
      if (what.variate === 'univariate') return filled(shape, () => what.rand(from) as number, what.discrete ? 'int' : 'float');
      if (shape.length > 1) throw new ModelError(`rand(${what.family}, n) takes one count for a multivariate distribution`, undefined);
      const one = (): Float64Array => what.rand(from) as Float64Array;
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
      return filled(dimsFrom('rand', rest), () => items[from.integer(0, items.length - 1)]!, 'any');
    }
    if (what instanceof JType) return ofType(what, dimsFrom('rand', rest), from);
    if (what instanceof ModelInstance && rest.length === 0) return drawFromModel(what, from);
    if (args.some((a) => a instanceof ModelInstance)) throw new ModelError(scriptToolNote('rand(model, n)')!, undefined);
    throw new ModelError(`rand takes a distribution, a collection or dimensions, got ${describe(what)}`, undefined);
  });
  const randn = new SiteRandom('randn', (site, all) => {
    const from = generator('randn', site);
    // `randn(Float64, n)`: the element type Julia's draws have anyway.
    const args = withoutGenerator(all);
    const [first, ...rest] = args;
    const dims = first instanceof JType && FLOAT_TYPES.has(first.name) ? rest : args;
    return filled(dimsFrom('randn', dims), () => from.normal(), 'float');
  });
  const sample = new SiteRandom('sample', (site, all, kwargs) => {
    const args = withoutGenerator(all);
    // Turing's `sample(model, …)` is refused as before, without counting as a draw.
    return collectionSample(isCollection(args[0]) ? generator('sample', site) : rng, args, kwargs);
  });
  const weights = WEIGHTS.map((name): [string, Value] => [name, new JFunction(name, (args) => weightVector(name, args[0] ?? NOTHING))]);
  const drawing: [string, Value][] = [['rand', rand], ['randn', randn], ['sample', sample], ...weights];
  const generators = (names: readonly string[]): [string, Value][] => names.map((name) => [name, new JFunction(name, () => GENERATOR)]);
  return {
    functions: new Map<string, Value>([...drawing, ...generators(GENERATORS)]),
    inModels: new Map<string, Value>([...drawing, ...generators(UNSEEDED)]),
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
    inModel(ctx, run) {
      const [outerModel, outerLines] = [model, lines];
      [model, lines] = [ctx, 0];
      try {
        return run();
      } finally {
        [model, lines] = [outerModel, outerLines];
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
