import { describe, expect, it } from 'vitest';
import { maximize, type Objective } from './index.js';

/** −Rosenbrock: maximum 0 at (1, 1) at the end of a long curved valley. */
const rosenbrock: Objective = {
  dimension: 2,
  objective: (t) => {
    const [x, y] = [t[0]!, t[1]!];
    return {
      value: -((1 - x) ** 2 + 100 * (y - x * x) ** 2),
      grad: Float64Array.of(2 * (1 - x) + 400 * x * (y - x * x), -200 * (y - x * x)),
    };
  },
};

/** −(θ − 3)²/2, which throws beyond θ = 4 as a model past its support would. */
const fenced: Objective = {
  dimension: 1,
  objective: (t) => {
    if (t[0]! > 4) throw new Error('Beta: α must be positive, got -1');
    return { value: -0.5 * (t[0]! - 3) ** 2, grad: Float64Array.of(-(t[0]! - 3)) };
  },
};

describe('L-BFGS maximisation', () => {
  it('finds the maximum of -Rosenbrock at (1, 1) from the classic start', () => {
    const result = maximize(rosenbrock, Float64Array.of(-1.2, 1));
    expect(result.converged).toBe(true);
    expect(result.message).toMatch(/gradient below 1e-8/);
    expect(result.mode[0]).toBeCloseTo(1, 8);
    expect(result.mode[1]).toBeCloseTo(1, 8);
    expect(result.value).toBeCloseTo(0, 14);
    expect(result.iterations).toBeLessThan(100);
    expect(result.evaluations).toBeGreaterThan(result.iterations);
  });

  it('steps back from points where the objective throws', () => {
    const result = maximize(fenced, Float64Array.of(-100));
    expect(result.converged).toBe(true);
    expect(result.mode[0]).toBeCloseTo(3, 10);
    expect(result.gradient[0]).toBeCloseTo(0, 8);
  });

  it('reports an unusable start, and running out of iterations, without throwing', () => {
    const bad = maximize(fenced, Float64Array.of(5));
    expect(bad).toMatchObject({ converged: false, iterations: 0 });
    expect(bad.message).toBe('unusable initial point: the objective threw: Beta: α must be positive, got -1');
    const nan = maximize({ dimension: 1, objective: () => ({ value: NaN, grad: Float64Array.of(0) }) }, Float64Array.of(0));
    expect(nan.message).toBe('unusable initial point: the objective is NaN');
    const short = maximize(rosenbrock, Float64Array.of(-1.2, 1), { maxIterations: 3 });
    expect(short).toMatchObject({ converged: false, iterations: 3 });
    expect(short.message).toMatch(/no convergence in 3 iterations/);
  });

  it('reports a search that cannot climb any further', () => {
    // Unbounded above along a direction where the objective soon throws: no maximum to converge to.
    const cliff: Objective = {
      dimension: 1,
      objective: (t) => {
        if (t[0]! > 1) throw new Error('overflow');
        return { value: t[0]!, grad: Float64Array.of(1) };
      },
    };
    const result = maximize(cliff, Float64Array.of(0));
    expect(result.converged).toBe(false);
    expect(result.message).toMatch(/line search found no step that increases the objective/);
    expect(result.mode[0]).toBeLessThanOrEqual(1);
  });

  it('refuses a start of the wrong size and meaningless options', () => {
    expect(() => maximize(rosenbrock, Float64Array.of(0))).toThrow(/1 coordinates, the objective 2/);
    expect(() => maximize(rosenbrock, Float64Array.of(0, 0), { memory: 0 })).toThrow(/memory/);
    expect(() => maximize(rosenbrock, Float64Array.of(0, 0), { maxIterations: -1 })).toThrow(/maxIterations/);
    expect(() => maximize(rosenbrock, Float64Array.of(0, 0), { gradientTolerance: NaN })).toThrow(/gradient tolerance/);
  });
});
