import type { Real } from '../../ad/index.js';
import { ArgumentDomainError, JArray, JFunction, JNamedTuple, JSymbol, JTuple, type Value } from '../../model/index.js';
import type { Method, Trajectory } from '../../ode/index.js';
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
  constructor(
    readonly method: Method,
    /** What `solve` says it ran instead of what was asked (`Vern7` runs as Tsit5 here), if anything. */
    readonly substitute?: string,
  ) {
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
