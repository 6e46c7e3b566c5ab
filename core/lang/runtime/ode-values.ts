import { isAD, value, type Real } from '../../ad/index.js';
import { ArgumentDomainError, JArray, JFunction, JNamedTuple, JSymbol, JTuple, NOTHING, isReal, type Value } from '../../model/index.js';
import type { Method, Trajectory } from '../../ode/index.js';
import { realsOf, toInt, toReal } from './convert.js';
import { fail } from './errors.js';
import { COLON, type IndexValue } from './index-value.js';
import { locate } from './locate.js';

/**
 * DifferentialEquations' values: the problem, the algorithm and the solution. Each extends the value Julia code
 * treats it most like — a problem and an algorithm are read by field (`prob.u0`, `prob.p`), a solution is the
 * states × times matrix (`Array(sol)`, `sol[j, i]`, `sol[:, i]`, broadcasting) — and the few places where
 * SciML gives them a meaning of their own (a solution's `sol[i]`, `length`, iteration) ask for them by class.
 */

const RETCODE_WHY: Readonly<Record<string, string>> = {
  MaxIters: ' (more steps than `maxiters`)',
  DtLessThanMin: ' (the step size fell below `dtmin`: the problem may be stiff or blow up)',
  DtNaN: ' (the step size became NaN: a NaN or infinite state, parameter or derivative)',
  Unstable: ' (a state became infinite or NaN)',
};

/**
 * `ODEProblem(f, u0, tspan, p)`: `f(du, u, p, t)` in place, or `f(u, p, t)` returning the derivative; and
 * `DDEProblem(f, u0, h, tspan, p)`, whose `f(du, u, h, p, t)` reads earlier states through `h(p, t; idxs)`, the
 * problem's `history` before t0.
 */
export class ODEProblem extends JNamedTuple {
  constructor(
    readonly f: JFunction,
    readonly inPlace: boolean,
    readonly u0: Value,
    readonly tspan: readonly [number, number],
    readonly p: Value,
    /** Solver options given to the problem (`ODEProblem(f, u0, tspan, p; saveat = 0.1)`), which `solve`'s own override. */
    readonly kwargs: ReadonlyMap<string, Value> = new Map(),
    readonly history?: JFunction,
  ) {
    super(
      new Map<string, Value>([
        ['f', f],
        ['u0', u0],
        ['tspan', new JTuple([tspan[0], tspan[1]])],
        ['p', p],
        ...(history ? [['h', history] as [string, Value]] : []),
      ]),
    );
  }

  /** SciMLBase's `remake(prob; u0, p, tspan)`. */
  remade(changes: { u0?: Value; p?: Value; tspan?: readonly [number, number] }): ODEProblem {
    return new ODEProblem(this.f, this.inPlace, changes.u0 ?? this.u0, changes.tspan ?? this.tspan, changes.p ?? this.p, this.kwargs, this.history);
  }
}

/** `Tsit5()`, `RK4()`: which method `solve` runs. */
export class ODEAlgorithm extends JNamedTuple {
  constructor(readonly method: Method) {
    super(new Map());
  }
}

/**
 * A solve's result: the saved states as a (state dims…) × times array, as RecursiveArrayTools' `Array(sol)`,
 * with the fields `t`, `u`, `retcode`, `stats`, `prob` and `alg`. As in SciML, `sol[i]`, `length(sol)`,
 * `eachindex(sol)` and iteration go over the saved times.
 */
export class ODESolution extends JArray {
  constructor(
    /** The shape of one state (empty for a scalar ODE). */
    readonly stateShape: readonly number[],
    readonly trajectory: Trajectory,
    private readonly prob: ODEProblem,
    private readonly alg: ODEAlgorithm,
  ) {
    const n = stateShape.reduce((a, b) => a * b, 1);
    const data: Real[] = [];
    for (const u of trajectory.u) for (let i = 0; i < n; i++) data.push(u[i]!);
    super([...stateShape, trajectory.t.length], data, 'float');
    this.frozen = true;
  }

  /**
   * `sol(t)`, `sol(ts)` and `sol(t; idxs)`: the dense output (each step's own interpolant) anywhere from the start to
   * where the solve stopped; a vector of times gives a solution at those times.
   */
  interpolate(args: readonly Value[], kwargs: ReadonlyMap<string, Value>): Value {
    if (args.length !== 1) return fail('an ODE solution is called with one time or a vector of times, as in `sol(0.5)`');
    for (const k of kwargs.keys()) if (k !== 'idxs') fail(`an ODE solution called as a function takes the keyword idxs, not ${k}`);
    const idxs = kwargs.get('idxs');
    const pick = idxs === undefined || idxs === NOTHING ? undefined : isReal(idxs) ? [toInt(idxs, 'idxs')] : realsOf(idxs, 'idxs').map((i) => toInt(i, 'idxs'));
    const shape = pick === undefined ? this.stateShape : idxs !== undefined && isReal(idxs) ? [] : [pick.length];
    const stateAt = (when: Value): Real[] => {
      const t = toReal(when, 'the time');
      if (isAD(t)) return fail('an ODE solution is read at fixed times: a time that depends on a parameter is not supported');
      const [t0, tf] = this.prob.tspan;
      const { retcode, stoppedAt } = this.trajectory;
      if (t < t0 || t > tf) return fail(`the solution is defined from t = ${t0} to ${tf}, not at ${t}`);
      if (t > stoppedAt) throw new ArgumentDomainError(`\`solve\` stopped at t = ${stoppedAt} with retcode ${retcode}${RETCODE_WHY[retcode] ?? ''}, so the solution has no state at t = ${t}`, undefined);
      const u = this.trajectory.at(t);
      return pick === undefined ? u.slice() : pick.map((i) => u[i - 1] ?? fail(`idxs ${i} is outside the state's ${u.length} elements`));
    };
    const when = args[0]!;
    if (isReal(when)) {
      const u = stateAt(when);
      return shape.length === 0 ? u[0]! : new JArray(shape.slice(), u, 'float');
    }
    const times = realsOf(when, 'the times').map((t) => toReal(t, 'a time'));
    const u = times.map(stateAt);
    const trajectory: Trajectory = { ...this.trajectory, t: times.map((t) => value(t)), u, reached: times.length };
    return new ODESolution(shape, trajectory, this.prob, this.alg);
  }

  /** How many times were saved: `length(sol)`. */
  get times(): number {
    return this.trajectory.t.length;
  }

  /**
   * The state saved at time index i (from 0), shaped as u0: `sol[i + 1]`, `sol.u[i + 1]`. A time a failed solve
   * did not reach is an error that says so (the samplers reject the point), where its NaN states would only
   * surface as some distribution's complaint.
   */
  state(i: number): Value {
    const { retcode, reached, stoppedAt, t } = this.trajectory;
    if (i >= reached) throw new ArgumentDomainError(`\`solve\` stopped at t = ${stoppedAt} with retcode ${retcode}${RETCODE_WHY[retcode] ?? ''}, so the solution has no state at t = ${t[i]}: where a solve may fail, check \`SciMLBase.successful_retcode(sol)\` first, as Turing's tutorials do (\`Turing.@addlogprob! -Inf\` and return)`, undefined);
    const u = this.trajectory.u[i]!;
    if (this.stateShape.length === 0) return u[0]!;
    return new JArray(this.stateShape.slice(), u.slice(), 'float');
  }

  /** Made when read: a model reads its solution by index, and a field made at every solve would cost each gradient. */
  field(name: string): Value {
    const { t, u, retcode, stats } = this.trajectory;
    switch (name) {
      case 't':
        return JArray.vector(t.slice(), 'float');
      case 'u':
        return JArray.vector(u.map((_, i) => this.state(i)));
      case 'retcode':
        return JSymbol.of(retcode);
      case 'stats':
        return new JNamedTuple(new Map<string, Value>(Object.entries(stats)));
      case 'prob':
        return this.prob;
      case 'alg':
        return this.alg;
      default:
        return fail(`an ODE solution has the fields t, u, retcode, stats, prob and alg, not ${name}`);
    }
  }

  /** `sol[i]`, `sol[2:5]`, `sol[end]`: states by time index, as RecursiveArrayTools indexes a vector of arrays. */
  atTimes(index: IndexValue): Value {
    if (index === COLON) return this.field('u');
    const loc = locate(this, [this.times], [index]);
    if (loc.shape.length === 0) return this.state(loc.offsets[0]!);
    return JArray.vector(loc.offsets.map((k) => this.state(k)));
  }
}
