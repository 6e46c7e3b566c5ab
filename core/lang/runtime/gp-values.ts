import { keepDomainCheck, value, type Real } from '../../ad/index.js';
import { FiniteGP, DEFAULT_NOISE, kernelMatrix, points, type GaussianProcess, type Kernel, type Points } from '../../gp/index.js';
import { ArgumentDomainError, JArray, JFunction, JRange, UniformScaling, describe, isReal, type Value } from '../../model/index.js';
import { realsOf, toReal } from './convert.js';
import { fail } from './errors.js';

/**
 * KernelFunctions' and AbstractGPs' values. A kernel, a transform and a GP are callable in Julia (`k(x, y)`,
 * `t(x)`, `f(x, σ²)`), so each is a function here holding the object it stands for; ColVecs and RowVecs are
 * the vectors of points they are in Julia, keeping the points' flat form for the kernels.
 */

/** A kernel's argument that must lie in its domain (`σ² > 0`): checked now and, for AD values, again at a compiled tape's replay. */
export function checkArgument(name: string, what: string, xs: readonly Real[], inside: (x: number) => boolean, rule: string): void {
  const error = (v: ArrayLike<number>): Error => {
    const bad = Array.from(v).find((x) => !inside(x));
    return new ArgumentDomainError(`${name}: ${what} must satisfy ${rule}, got ${bad}`, undefined);
  };
  const all = (v: ArrayLike<number>): boolean => Array.from(v).every(inside);
  const values = xs.map(value);
  if (!all(values)) throw error(values);
  keepDomainCheck(xs, all, error);
}

/** ColVecs(X) / RowVecs(X): a vector of the points, which keeps their flat form for the kernels. */
export class PointVector extends JArray {
  constructor(readonly points: Points) {
    const { n, dim, values } = points;
    super([n], Array.from({ length: n }, (_, i) => JArray.vector(values.slice(i * dim, (i + 1) * dim), 'float')));
    this.frozen = true;
  }
}

export class KernelValue extends JFunction {
  constructor(readonly kernel: Kernel) {
    super(kernel.name, (args) => {
      if (args.length !== 2) return fail(`a kernel is called with two points, \`k(x, y)\`, got ${args.length} arguments`);
      const [x, y] = args.map((a) => onePoint(a!));
      return kernelMatrix(kernel, x!, y!)[0]!;
    });
  }
}

/** `ScaleTransform(s)` / `ARDTransform(v)`: x ↦ s x, or x .* v. */
export class TransformValue extends JFunction {
  constructor(
    name: string,
    readonly factors: Real | readonly Real[],
  ) {
    super(name, () => fail(`${name} is applied to inputs by composing it with a kernel, \`k ∘ ${name}(…)\`, not called here`));
  }
}

export class GPValue extends JFunction {
  constructor(readonly gp: GaussianProcess) {
    super('GP', (args, kwargs) => {
      if (kwargs.size > 0) return fail(`a GP is called with its inputs and the noise variance, \`f(x, σ²)\`, without keywords`);
      if (args.length < 1 || args.length > 2) return fail(`a GP is called as \`f(x)\` or \`f(x, σ²)\`, got ${args.length} arguments`);
      const x = gpInputs('f(x)', args[0]!);
      return new FiniteGP(gp, x, args.length === 2 ? noiseOf(args[1]!, x.n) : [DEFAULT_NOISE]);
    });
  }
}

/** σ² of `f(x, σ²)`: a positive number, a vector of n, or `σ² * I`. */
export function noiseOf(v: Value, n: number): Real[] {
  const noise = v instanceof UniformScaling ? [v.lambda] : isReal(v) ? [v] : v instanceof JArray || v instanceof JRange ? realsOf(v, 'f(x, σ²): σ²') : fail(`f(x, σ²): σ² must be a number or a vector of variances, got ${describe(v)}`);
  if (noise.length !== 1 && noise.length !== n) fail(`f(x, σ²): σ² has ${noise.length} variances for ${n} inputs`);
  checkArgument('FiniteGP', 'σ²', noise, (s) => s >= 0, 'σ² ≥ 0');
  return noise;
}

/** A single point for `k(x, y)`: a number, or a vector. */
function onePoint(v: Value): Points {
  if (isReal(v)) return points([v], 1);
  if (v instanceof JArray || v instanceof JRange) {
    const xs = realsOf(v, 'k(x, y)');
    return points(xs, Math.max(xs.length, 1));
  }
  return fail(`a kernel is called with two points (numbers or vectors), got ${describe(v)}`);
}

/**
 * The inputs of a GP or a kernel matrix as KernelFunctions reads them: a vector of numbers (points of
 * dimension 1), a vector of vectors, ColVecs(X) or RowVecs(X). A bare matrix is ambiguous there too.
 */
export function gpInputs(what: string, v: Value): Points {
  if (v instanceof PointVector) return v.points;
  if (v instanceof JRange) return points(realsOf(v, what), 1);
  if (v instanceof JArray && v.ndims === 1) {
    if (v.length > 0 && v.data.every((e) => e instanceof JArray)) {
      const rows = v.data as JArray[];
      const dim = rows[0]!.length;
      if (rows.some((r) => r.length !== dim)) fail(`${what}: the input vectors differ in length`);
      return points(rows.flatMap((r) => realsOf(r, what)), dim);
    }
    return points(realsOf(v, what), 1);
  }
  if (v instanceof JArray && v.ndims === 2) return fail(`${what}: a matrix of inputs must say which way its points run, \`ColVecs(X)\` (one point per column) or \`RowVecs(X)\` (one per row)`);
  return fail(`${what}: the inputs must be a vector of numbers, a vector of vectors, ColVecs(X) or RowVecs(X), got ${describe(v)}`);
}

/** `ColVecs(X)` / `RowVecs(X)` */
export function pointVector(name: 'ColVecs' | 'RowVecs', v: Value): PointVector {
  if (!(v instanceof JArray) || v.ndims !== 2) return fail(`${name} needs a matrix, got ${describe(v)}`);
  const [rows, cols] = v.shape as [number, number];
  const xs = realsOf(v, name);
  if (name === 'ColVecs') return new PointVector(points(xs, rows));
  const flat: Real[] = new Array(rows * cols);
  for (let i = 0; i < rows; i++) for (let j = 0; j < cols; j++) flat[i * cols + j] = xs[i + j * rows]!;
  return new PointVector(points(flat, cols));
}

export function kernelOf(name: string, v: Value | undefined): Kernel {
  if (v instanceof KernelValue) return v.kernel;
  return fail(`${name} needs a kernel (such as \`SqExponentialKernel()\`), got ${describe(v)}`);
}

export function realArg(name: string, what: string, v: Value): Real {
  return toReal(v, `${name}: ${what}`);
}
