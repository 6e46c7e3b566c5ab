import { isAD, value, type Real } from '../../ad/index.js';
import { JArray, JFunction, JNamedTuple, JRange, JSymbol, JTuple, NOTHING, describe, isReal, type Value } from '../../model/index.js';
import { BS3, DP5, EULER, MIDPOINT, RK4, TSIT5, integrate, type Method, type ReturnCode } from '../../ode/index.js';
import { fail } from '../runtime/errors.js';
import { realsOf, toInt, truthy } from '../runtime/convert.js';
import { ODEAlgorithm, ODEProblem, ODESolution } from '../runtime/ode-values.js';
import { solveAsOneNode, type Evaluate, type Run } from './ode-sensitivity.js';
import { STIFF_SOLVERS } from '../parser/usings.js';
import { allowKwargs, arg, arity, boolKwarg, builtin, type Builtin } from './define.js';
import { spacing } from './types.js';

/**
 * DifferentialEquations' ODE interface: `ODEProblem`, `remake`, `solve` with the explicit Runge–Kutta methods of
 * core/ode, and SciMLBase's return codes. `solve(prob, Tsit5(); p = θ, saveat = 0.1)` inside a model runs on plain
 * numbers and gives the AD backend one node per saved value (ode-sensitivity.ts), or, where that cannot stand for
 * it, runs on the numbers the AD backend gives, so every backend differentiates the solution.
 */

/** Algorithms that run as they are. */
const METHODS: readonly Method[] = [TSIT5, DP5, BS3, RK4, EULER, MIDPOINT];

/**
 * Higher-order explicit methods Tilde does not have, run as Tsit5 (the compile step warns, compile/ode-notes.ts): at
 * the same tolerances Tsit5 meets the same error bound.
 */
export const SUBSTITUTED_SOLVERS: readonly string[] = ['Vern6', 'Vern7', 'Vern8', 'Vern9', 'DP8', 'TanYam7', 'TsitPap8', 'Feagin10', 'Feagin12', 'Feagin14', 'BS5', 'OwrenZen5'];

const RETURN_CODES = ['Default', 'Success', 'Terminated', 'MaxIters', 'DtLessThanMin', 'DtNaN', 'Unstable', 'InitialFailure', 'ConvergenceFailure', 'Failure'];

/** `ReturnCode.Success` and the rest: the Symbols `sol.retcode` holds, so `sol.retcode == :Success` reads as in SciMLBase. */
export const odeConstants: [string, Value][] = [['ReturnCode', new JNamedTuple(new Map(RETURN_CODES.map((c): [string, Value] => [c, JSymbol.of(c)])))]];

function algorithm(method: Method, name = method.name): Builtin {
  return builtin(`${name}()`, (args, kwargs) => {
    arity(name, args, 0);
    // Options of the algorithm that change how, not what, it computes (`Tsit5(thread = OrdinaryDiffEq.True())`).
    allowKwargs(name, kwargs, ['thread', 'stage_limiter!', 'step_limiter!']);
    return new ODEAlgorithm(method);
  });
}

function problemOf(name: string, v: Value): ODEProblem {
  if (v instanceof ODEProblem) return v;
  return fail(`${name} needs an ODEProblem first, as in \`${name}(prob, Tsit5())\`, got ${describe(v)}`);
}

/** `(t0, tf)` as plain numbers: times that depend on a parameter would move the saved grid, which Tilde does not differentiate. */
function timeSpan(v: Value): readonly [number, number] {
  const items = v instanceof JTuple ? v.items : v instanceof JArray || v instanceof JRange ? realsOf(v, 'tspan') : undefined;
  if (items === undefined || items.length !== 2) return fail(`tspan must be a tuple of the start and end times, as in \`(0.0, 10.0)\`, got ${describe(v)}`);
  return [time(items[0]!, 'the start time'), time(items[1]!, 'the end time')];
}

function time(v: Value, what: string): number {
  if (!isReal(v)) return fail(`tspan: ${what} must be a number, got ${describe(v)}`);
  if (isAD(v)) return fail(`tspan: ${what} depends on a parameter, which Tilde's solve does not differentiate: give fixed times`);
  return v;
}

/** The initial state: a number (a scalar ODE) or an array of numbers, with its shape. */
function initialState(v: Value): { shape: number[]; u: Real[] } {
  if (isReal(v)) return { shape: [], u: [v] };
  if (v instanceof JArray || v instanceof JRange || v instanceof JTuple) {
    const u = realsOf(v, 'u0');
    return { shape: v instanceof JTuple ? [u.length] : v instanceof JRange ? [v.length] : v.shape.slice(), u };
  }
  return fail(`u0 must be a number or an array of numbers, got ${describe(v)}`);
}

/** DifferentialEquations tells the in-place form from the other by the methods of f: one more argument writes into du. */
function isInPlace(name: string, f: JFunction, arguments_: number, form: string): boolean {
  if (!f.takes) return true;
  if (f.takes(arguments_ + 1)) return true;
  if (f.takes(arguments_)) return false;
  return fail(`${name}: \`${f.name}\` must take ${form}`);
}

function rightHandSideOf(name: string, v: Value, form: string): JFunction {
  if (v instanceof JFunction) return v;
  return fail(`${name} needs the right-hand side function first, ${form}, got ${describe(v)}`);
}

const odeProblem = builtin('ODEProblem(f, u0, tspan, p)', (args, kwargs) => {
  arity('ODEProblem', args, 3, 4);
  const form = '(du, u, p, t), writing the derivative into du, or (u, p, t), returning it';
  const f = rightHandSideOf('ODEProblem', arg(args, 0), form);
  initialState(arg(args, 1));
  return new ODEProblem(f, isInPlace('ODEProblem', f, 3, form), arg(args, 1), timeSpan(arg(args, 2)), args[3] ?? NOTHING, kwargs);
});

/** Options of a delay problem that only help DifferentialEquations find the discontinuities the lags make. */
const DDE_HINTS = ['constant_lags', 'dependent_lags', 'neutral', 'order_discontinuity_t0'];

const ddeProblem = builtin('DDEProblem(f, u0, h, tspan, p)', (args, kwargs) => {
  arity('DDEProblem', args, 4, 5);
  const form = '(du, u, h, p, t), writing the derivative into du, or (u, h, p, t), returning it';
  const f = rightHandSideOf('DDEProblem', arg(args, 0), form);
  const h = arg(args, 2);
  if (!(h instanceof JFunction)) return fail(`DDEProblem needs the history function third, \`h(p, t; idxs = nothing)\` giving the state before the start, got ${describe(h)}`);
  initialState(arg(args, 1));
  const options = new Map([...kwargs].filter(([k]) => !DDE_HINTS.includes(k)));
  return new ODEProblem(f, isInPlace('DDEProblem', f, 4, form), arg(args, 1), timeSpan(arg(args, 3)), args[4] ?? NOTHING, options, h);
});

const remake = builtin('remake(prob; u0, p, tspan)', (args, kwargs) => {
  arity('remake', args, 1);
  allowKwargs('remake', kwargs, ['u0', 'p', 'tspan']);
  const prob = problemOf('remake', arg(args, 0));
  const tspan = kwargs.get('tspan');
  return prob.remade({ u0: kwargs.get('u0'), p: kwargs.get('p'), tspan: tspan === undefined ? undefined : timeSpan(tspan) });
});

const SOLVE_OPTIONS = ['p', 'u0', 'saveat', 'abstol', 'reltol', 'dt', 'adaptive', 'dtmax', 'dtmin', 'maxiters', 'save_idxs', 'save_start', 'save_end', 'save_everystep', 'dense', 'sensealg', 'verbose', 'alias_u0', 'progress', 'save_on', 'isoutofdomain', 'tstops', 'd_discontinuities', 'alg_hints'];

/**
 * DifferentialEquations' `alg_hints = [:nonstiff]` (or `:auto`) lets it choose the method when `solve` names none: a
 * non-stiff one, which Tsit5, the method Tilde then uses, is. A `:stiff` hint asks for an implicit method Tilde lacks.
 */
function checkHints(hints: Value | undefined): void {
  if (hints === undefined) return;
  const listed = hints instanceof JArray ? hints.data : hints instanceof JTuple ? hints.items : [hints];
  const names = listed.map((h) =>
    h instanceof JSymbol ? h.name : fail(`solve: \`alg_hints\` lists Symbols such as \`[:nonstiff]\`, got ${describe(h)}`),
  );
  if (names.includes('stiff')) fail(`solve: \`alg_hints = [:stiff]\` asks for a stiff method: ${STIFF_SOLVERS}`);
  const unknown = names.find((n) => n !== 'nonstiff' && n !== 'auto');
  if (unknown !== undefined) fail(`solve: \`alg_hints\` takes :nonstiff, :auto or :stiff, got :${unknown}`);
}

function positive(v: Value | undefined, what: string): number | undefined {
  if (v === undefined) return undefined;
  if (!isReal(v) || isAD(v) || !(value(v) > 0)) return fail(`solve: \`${what}\` must be a positive number, got ${describe(v)}`);
  return value(v);
}

function tolerance(v: Value | undefined, what: string, fallback: number, n: number): number | number[] {
  if (v === undefined) return fallback;
  if (isReal(v)) return positive(v, what)!;
  const each = realsOf(v, `solve: \`${what}\``).map(value);
  if (each.length !== n || each.some((x) => !(x >= 0))) return fail(`solve: \`${what}\` must be a number or one non-negative number per state (${n}), got ${describe(v)}`);
  return each;
}

/** `saveat = Δ`: the times of Julia's range `t0:Δ:tf`. */
function grid(t0: number, step: number, tf: number): number[] {
  const range = new JRange(t0, step, tf);
  return Array.from({ length: range.length }, (_, i) => range.at(i));
}

/** SciMLBase's saving rules: `saveat` as a step or as times, with the start and end saved as DifferentialEquations decides. */
function savePlan(kwargs: ReadonlyMap<string, Value>, t0: number, tf: number): { saveat: number[]; everyStep: boolean; saveStart: boolean; saveEnd: boolean } {
  const at = kwargs.get('saveat');
  let times: number[] = [];
  if (at !== undefined && isReal(at)) times = grid(t0, positive(at, 'saveat')!, tf);
  else if (at !== undefined) {
    times = realsOf(at, 'solve: `saveat`').map((x) => (isAD(x) ? fail('solve: `saveat` depends on a parameter: give fixed times') : value(x)));
    if (times.some((x, i) => i > 0 && x < times[i - 1]!)) fail('solve: `saveat` times must be in increasing order');
    if (times.some((x) => x < t0 || x > tf)) fail(`solve: \`saveat\` times must lie within tspan (${t0}, ${tf})`);
  }
  const everyStep = boolKwarg('solve', kwargs, 'save_everystep', times.length === 0);
  // As SciMLBase: the ends are saved unless saveat lists times that leave them out.
  const listed = at !== undefined && !isReal(at);
  return {
    saveat: times.filter((x) => x !== t0 && x !== tf),
    everyStep,
    saveStart: boolKwarg('solve', kwargs, 'save_start', !listed || everyStep || times.includes(t0)),
    saveEnd: boolKwarg('solve', kwargs, 'save_end', !listed || everyStep || times.includes(tf)),
  };
}

/** `tstops` and `d_discontinuities`: the times within (t0, tf) the steps must land on, in order. */
function stopTimes(options: ReadonlyMap<string, Value>, t0: number, tf: number): number[] {
  const times: number[] = [];
  for (const key of ['tstops', 'd_discontinuities']) {
    const v = options.get(key);
    if (v === undefined) continue;
    for (const x of realsOf(v, `solve: \`${key}\``)) {
      if (isAD(x)) return fail(`solve: \`${key}\` depends on a parameter: give fixed times`);
      if (x > t0 && x < tf) times.push(x);
    }
  }
  return times.sort((a, b) => a - b);
}

/** The states `save_idxs` keeps: all of them, or an index or vector of indices into u. */
function selection(v: Value | undefined, n: number): { indices: number[]; scalar: boolean } | undefined {
  if (v === undefined || v === NOTHING) return undefined;
  const scalar = isReal(v);
  const indices = (scalar ? [v] : realsOf(v, 'solve: `save_idxs`')).map((i) => toInt(i, 'solve: `save_idxs`'));
  for (const i of indices) if (i < 1 || i > n) fail(`solve: \`save_idxs\` ${i} is outside the state's ${n} elements`);
  return { indices: indices.map((i) => i - 1), scalar };
}

/** The user's function on the state shaped as u0, its result read back as numbers, for core/ode's `RightHandSide`. */
function rightHandSide(prob: ODEProblem, shape: readonly number[]): Evaluate {
  const n = shape.reduce((a, b) => a * b, 1);
  const stateOf = (u: readonly Real[]): Value => (shape.length === 0 ? u[0]! : new JArray(shape.slice(), u.slice(), 'float'));
  const { f, history } = prob;
  // A delay problem's f takes the history function after the state: the solution so far, the problem's own before t0.
  const middle = (p: Value, past: (t: number) => readonly Real[]): Value[] => (history ? [historyFunction(history, prob.tspan[0], past, stateOf), p] : [p]);
  if (prob.inPlace) {
    return (u, p, t, past) => {
      const du = new JArray(shape.length === 0 ? [1] : shape.slice(), new Array<Value>(n).fill(0), 'float');
      f.call([du, stateOf(u), ...middle(p, past), t], new Map());
      return derivative(f.name, du, n);
    };
  }
  return (u, p, t, past) => derivative(f.name, f.call([stateOf(u), ...middle(p, past), t], new Map()), n);
}

/** `h(p, t; idxs)` as a delay problem's f sees it: the user's history before t0, the solution after (element `idxs` of it, if given). */
function historyFunction(user: JFunction, t0: number, past: (t: number) => readonly Real[], stateOf: (u: readonly Real[]) => Value): JFunction {
  return new JFunction(user.name, (args, kwargs) => {
    const t = args[args.length - 1];
    if (t === undefined || !isReal(t)) return fail(`the history function takes (p, t), got ${args.length} argument${args.length === 1 ? '' : 's'}`);
    if (isAD(t)) return fail('the history function: a lag that depends on a parameter is not supported by Tilde\'s solve');
    if (t < t0) return user.call(args, kwargs);
    allowKwargs('the history function', kwargs, ['idxs']);
    const state = past(t);
    const idxs = kwargs.get('idxs');
    if (idxs === undefined || idxs === NOTHING) return stateOf(state);
    if (isReal(idxs)) return state[toInt(idxs, 'the history function: `idxs`') - 1] ?? fail(`the history function: \`idxs\` ${String(idxs)} is outside the state`);
    return JArray.vector(realsOf(idxs, 'the history function: `idxs`').map((i) => state[toInt(i, 'the history function: `idxs`') - 1] ?? fail('the history function: an index of `idxs` is outside the state')), 'float');
  });
}

function derivative(name: string, v: Value, n: number): readonly Real[] {
  const d = realsOf(v, `the derivative \`${name}\` gives`);
  if (d.length !== n) fail(`\`${name}\` gives a derivative of ${d.length} element${d.length === 1 ? '' : 's'} for a state of ${n}`);
  return d;
}

const solve = builtin('solve(prob, alg; p, u0, saveat, abstol, reltol, dt, maxiters)', (args, kwargs) => {
  arity('solve', args, 1, 2);
  const prob0 = problemOf('solve', arg(args, 0));
  const options = new Map([...prob0.kwargs, ...kwargs]);
  allowKwargs('solve', options, SOLVE_OPTIONS);
  const prob = prob0.remade({ u0: options.get('u0'), p: options.get('p') });
  checkHints(options.get('alg_hints'));
  const algValue = args[1] ?? new ODEAlgorithm(TSIT5);
  if (!(algValue instanceof ODEAlgorithm)) return fail(`solve needs an algorithm second, such as \`Tsit5()\`, got ${describe(algValue)}`);
  const method = algValue.method;
  const { shape, u } = initialState(prob.u0);
  const [t0, tf] = prob.tspan;
  if (!(tf >= t0)) return fail(`solve: tspan runs backwards (${t0} to ${tf}), which Tilde's solve does not do: integrate forwards`);
  const dt = positive(options.get('dt'), 'dt');
  const adaptive = boolKwarg('solve', options, 'adaptive', method.errorWeights !== undefined);
  if (adaptive && method.errorWeights === undefined) return fail(`solve: ${method.name} has no error estimate, so it cannot adapt its steps: give \`dt\` (and \`adaptive = false\`), or use Tsit5()`);
  if (!adaptive && dt === undefined) return fail(`solve: ${method.name} takes fixed steps here: give their size, \`dt = …\` (as DifferentialEquations asks of a fixed-step method)`);
  const plan = savePlan(options, t0, tf);
  const history = prob.history;
  const domain = options.get('isoutofdomain');
  if (domain !== undefined && !(domain instanceof JFunction)) return fail(`solve: \`isoutofdomain\` must be a function of (u, p, t), got ${describe(domain)}`);
  const stateOf = (x: readonly Real[]): Value => (shape.length === 0 ? x[0]! : new JArray(shape.slice(), x.slice(), 'float'));
  const tstops = stopTimes(options, t0, tf);
  if (tstops.length > 0 && !adaptive) return fail('solve: `tstops` needs adaptive steps here; with a fixed step, choose `dt` so that the steps meet those times');
  const settings = {
    method,
    adaptive,
    dt,
    abstol: tolerance(options.get('abstol'), 'abstol', 1e-6, u.length),
    reltol: tolerance(options.get('reltol'), 'reltol', 1e-3, u.length),
    dtmax: positive(options.get('dtmax'), 'dtmax') ?? tf - t0,
    // DiffEqBase's `prob2dtmin`: the spacing of floats at the ends of tspan, so that a failing solve stops within some
    // twenty rejections where a step must otherwise shrink to nothing (near t = 0, hundreds).
    dtmin: positive(options.get('dtmin'), 'dtmin') ?? Math.max(spacing(t0), spacing(tf)),
    maxiters: options.has('maxiters') ? toInt(options.get('maxiters')!, 'solve: `maxiters`') : 100000,
    ...plan,
  };
  const run: Run = (u0, p, rhs) =>
    integrate(rhs, u0, t0, tf, {
      ...(history ? { before: (t: number): readonly Real[] => initialState(history.call([p, t], new Map())).u } : {}),
      ...(tstops.length > 0 ? { tstops } : {}),
      ...(domain ? { outOfDomain: (x: readonly Real[], t: number): boolean => truthy(domain.call([stateOf(x), p, t], new Map())) } : {}),
      ...settings,
    });
  const evaluate = rightHandSide(prob, shape);
  // A delay problem's right-hand side reads the solution so far, which a recording of it would hold fixed.
  const trajectory = solveAsOneNode(u, prob.p, evaluate, run, history === undefined) ?? run(u, prob.p, (x, t, past) => evaluate(x, prob.p, t, past));
  const kept = selection(options.get('save_idxs'), u.length);
  if (kept === undefined) return new ODESolution(shape, trajectory, prob, algValue);
  const picked = { ...trajectory, u: trajectory.u.map((s) => kept.indices.map((i) => s[i]!)), at: (t: number) => kept.indices.map((i) => trajectory.at(t)[i]!) };
  return new ODESolution(kept.scalar ? [] : [kept.indices.length], picked, prob, algValue);
});

/**
 * SciMLSensitivity's choices of how Julia differentiates a solve (`sensealg = InterpolatingAdjoint(autojacvec = ReverseDiffVJP(true))`):
 * Tilde differentiates its solver itself (ode-sensitivity.ts), so they are accepted and change nothing.
 */
const SENSITIVITY_ALGORITHMS = [
  ...['ForwardDiffSensitivity', 'ForwardSensitivity', 'InterpolatingAdjoint', 'QuadratureAdjoint', 'BacksolveAdjoint', 'GaussAdjoint', 'GaussKronrodAdjoint'],
  ...['ReverseDiffAdjoint', 'TrackerAdjoint', 'ZygoteAdjoint', 'EnzymeAdjoint', 'MooncakeAdjoint', 'ReverseDiffVJP', 'ZygoteVJP', 'EnzymeVJP', 'TrackerVJP', 'MooncakeVJP'],
];

function retcodeOf(v: Value): ReturnCode | string {
  if (v instanceof ODESolution) return v.trajectory.retcode;
  if (v instanceof JSymbol) return v.name;
  return fail(`successful_retcode needs a solution or its retcode, got ${describe(v)}`);
}

/**
 * `ODEFunction(f; jac, tgrad, …)`: the right-hand side with what implicit solvers use (Jacobians, sparsity), which
 * explicit methods never read. A mass matrix changes the equation itself: refused.
 */
const odeFunction = builtin('ODEFunction(f; jac, tgrad, jac_prototype, sparsity, analytic)', (args, kwargs) => {
  arity('ODEFunction', args, 1);
  if (kwargs.has('mass_matrix')) return fail('ODEFunction: a mass matrix makes a differential-algebraic or implicit system, which Tilde\'s explicit methods do not solve');
  allowKwargs('ODEFunction', kwargs, ['jac', 'tgrad', 'jac_prototype', 'sparsity', 'analytic', 'paramjac', 'syms', 'colorvec']);
  return rightHandSideOf('ODEFunction', arg(args, 0), 'f(du, u, p, t) or f(u, p, t)');
});

export const odeBuiltins: Builtin[] = [
  odeProblem,
  odeFunction,
  ddeProblem,
  // DifferentialEquations' way to solve a delay problem with an ODE method: the method steps, the history is interpolated.
  builtin('MethodOfSteps(alg)', (args, kwargs) => {
    arity('MethodOfSteps', args, 1);
    allowKwargs('MethodOfSteps', kwargs, ['constrained', 'fpsolve']);
    const alg = arg(args, 0);
    return alg instanceof ODEAlgorithm ? alg : fail(`MethodOfSteps needs an ODE method such as \`Tsit5()\`, got ${describe(alg)}`);
  }),
  remake,
  solve,
  ...METHODS.map((m) => algorithm(m)),
  ...SUBSTITUTED_SOLVERS.map((name) => algorithm(TSIT5, name)),
  ...SENSITIVITY_ALGORITHMS.map((name) => builtin(`${name}(…)`, () => NOTHING)),
  builtin('successful_retcode(sol)', (args, kwargs) => {
    arity('successful_retcode', args, 1);
    allowKwargs('successful_retcode', kwargs);
    const code = retcodeOf(arg(args, 0));
    return code === 'Success' || code === 'Terminated';
  }),
];
