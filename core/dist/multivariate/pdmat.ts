import { anyAD, keepDomainCheck, valuesOf, type Real } from '../../ad/index.js';
import { backSubstTransposed, cholSolve, cholesky, inverseFromCholesky, logdetFromCholesky, matVec } from '../../math/index.js';
import { DistributionArgumentError } from '../types.js';
import { allPositiveFinite, firstNotPositive } from '../univariate/check.js';
import type { CovarianceSpec } from './covariance.js';
import { asymmetry, sameValues } from './values.js';

/**
 * A validated positive-definite matrix argument with its factorisation (PDMats.jl's role): built once per
 * distribution, so log densities only solve and never refactor.
 */
export interface PDMat {
  readonly dim: number;
  /** The argument's inputs, in the order `gradient` writes their partials. */
  readonly params: readonly Real[];
  readonly isAD: boolean;
  readonly logdet: number;
  /** σ² when Σ = σ² I (`σ² * I`, `ScalMat`): densities then run one fused loop with no matrix at all. */
  readonly isotropicVariance?: number;
  /** Σ⁻¹ b */
  solve(b: ArrayLike<number>): Float64Array;
  /** Σ b */
  mul(b: ArrayLike<number>): Float64Array;
  /** L z with Σ = L Lᵀ: turns a standard normal z into a N(0, Σ) draw. */
  unwhiten(z: ArrayLike<number>): Float64Array;
  /** L⁻ᵀ z: turns a standard normal z into a N(0, Σ⁻¹) draw. */
  invUnwhiten(z: ArrayLike<number>): Float64Array;
  dense(): Float64Array;
  inverse(): Float64Array;
  /** Σᵢⱼ as the argument gave it (an AD input, or a structural 0). */
  entry(i: number, j: number): Real;
  /** Writes the partials of f with respect to `params` into out[offset…], given ∂f/∂Σ. */
  gradient(out: Float64Array, offset: number, g: MatrixGradient): void;
  /**
   * The same argument with `params` at these values (from `values[from]` on: a rule passes its own inputs, as
   * a view of them per call was most of a small MvNormal's replayed node), checked and factored again (the same
   * errors as `resolvePD`): what a compiled tape's replay of a log density needs. Itself at its own values.
   */
  at(values: ArrayLike<number>, from?: number): PDMat;
}

/**
 * ∂f/∂Σ as a symmetric matrix, in the forms the densities produce without building n×n arrays for the
 * structured cases: inverse · Σ⁻¹ + Σₖ cₖ · ½(uₖvₖᵀ + vₖuₖᵀ) (v defaults to u) + dense.
 */
export interface MatrixGradient {
  readonly inverse?: number;
  readonly outer?: readonly OuterTerm[];
  readonly dense?: ArrayLike<number>;
}

export type OuterTerm = readonly [c: number, u: ArrayLike<number>, v?: ArrayLike<number>];

const NO_TERMS: readonly OuterTerm[] = [];

/**
 * Validates `spec` as the argument `arg` of `family` (`MvNormal`, `Σ`) and factors it. `dim` sizes a
 * `σ² * I` that carries no size of its own. Where the argument holds AD values, the check is kept for a
 * compiled tape to make again at each replay: a density that returns −∞ for a value outside its support
 * before it reads the matrix (`Wishart`, `MvLogNormal`), or one in a quantity the log density does not
 * use, would otherwise let the replay accept a matrix plain evaluation rejects.
 */
export function resolvePD(spec: CovarianceSpec, family: string, arg: string, dim?: number): PDMat {
  const rebuild = (values: Float64Array): PDMat => resolvePD(withValues(spec, values), family, arg, dim);
  const fail = (detail: string): never => {
    throw new DistributionArgumentError(family, arg, detail);
  };
  const keep = (params: readonly Real[], inside: (v: ArrayLike<number>) => boolean, problem: (v: ArrayLike<number>) => string): void =>
    keepDomainCheck(params, inside, (v) => new DistributionArgumentError(family, arg, problem(v)));
  switch (spec.kind) {
    case 'full': {
      const n = spec.dim;
      if (!Number.isInteger(n) || n < 1 || spec.entries.length !== n * n) fail(`${arg} must be a square matrix, got ${spec.entries.length} entries for ${n}×${n}`);
      const a = valuesOf(spec.entries);
      const l = factorFull(arg, a, n);
      if (typeof l === 'string') return fail(l);
      keep(spec.entries, isFullPD, (v) => factorFull(arg, v, n) as string);
      return new FullPD(n, spec.entries, new Revaluer('full', a, rebuild), mirrorLower(a, n), l);
    }
    case 'diagonal': {
      const v = valuesOf(spec.variances);
      if (v.length < 1) fail(`${arg} = Diagonal(v) needs at least one variance`);
      const problem = (w: ArrayLike<number>): string => {
        const i = firstNotPositive(w);
        return `${arg} must be positive definite, but variance v[${i}] of Diagonal(v) is ${w[i - 1]}`;
      };
      if (!allPositiveFinite(v)) fail(problem(v));
      keep(spec.variances, allPositiveFinite, problem);
      return new DiagonalPD(spec.variances, new Revaluer('diagonal', v, rebuild), v);
    }
    case 'scaled-identity': {
      const n = spec.dim ?? dim;
      if (n === undefined) return fail(`the size of ${arg} = σ² * I is unknown here; give it as a matrix`);
      if (!Number.isInteger(n) || n < 1) fail(`${arg} = σ² * I needs a positive dimension, got ${n}`);
      const s = valuesOf([spec.variance]);
      const problem = (w: ArrayLike<number>): string => `${arg} must be positive definite, but σ² in σ² * I is ${w[0]}`;
      if (!allPositiveFinite(s)) fail(problem(s));
      keep([spec.variance], allPositiveFinite, problem);
      return new ScaledIdentityPD(n, spec.variance, new Revaluer('scaled-identity', s, rebuild), s[0]!);
    }
  }
}

/** The Cholesky factor of the n×n column-major matrix argument `a`, or why it is not positive definite. */
function factorFull(arg: string, a: ArrayLike<number>, n: number): Float64Array | string {
  const notPD = `${arg} must be positive definite`;
  for (let k = 0; k < n * n; k++) if (!Number.isFinite(a[k])) return `${notPD}, but ${arg}[${(k % n) + 1}, ${Math.floor(k / n) + 1}] = ${a[k]}`;
  const asym = asymmetry(a, n);
  if (asym !== undefined) {
    const [i, j] = asym;
    return `${notPD}, but it is not symmetric: ${arg}[${i + 1}, ${j + 1}] = ${a[i + j * n]} and ${arg}[${j + 1}, ${i + 1}] = ${a[j + i * n]}`;
  }
  const l = cholesky(a, n);
  if (l !== null) return l;
  const k = failingMinor(a, n);
  return `${notPD}, but its leading ${k}×${k} minor is not positive`;
}

/** A full matrix argument's check at a compiled tape's replay, given its n² entries. */
const isFullPD = (v: ArrayLike<number>): boolean => typeof factorFull('', v, Math.round(Math.sqrt(v.length))) !== 'string';

/**
 * A copy by a loop: `Array.from` and `Float64Array.from` with a mapping function take V8's generic iterator path,
 * and a replay rebuilds the matrix at every gradient (a heteroscedastic `MvNormal(μ, Diagonal(σ .^ 2))` of 133
 * observations spent a fifth of its sampling copying σ² so).
 */
function copied<T extends Float64Array | number[]>(values: ArrayLike<number>, out: T, from = 0): T {
  for (let i = 0; i < out.length; i++) out[i] = values[from + i]!;
  return out;
}

function withValues(spec: CovarianceSpec, values: Float64Array): CovarianceSpec {
  switch (spec.kind) {
    case 'full':
      return { kind: 'full', dim: spec.dim, entries: copied(values, new Array<number>(values.length)) };
    case 'diagonal':
      return { kind: 'diagonal', variances: copied(values, new Array<number>(values.length)) };
    case 'scaled-identity':
      return { ...spec, variance: values[0]! };
  }
}

/**
 * The matrix last rebuilt by any `PDMat.at`, by its kind and values. A model that builds its distribution inside the
 * loop over observations (`y[:, n] ~ MvNormal(μ, Σ)`) records a PDMat per observation, all of the same Σ: replayed,
 * each asked for the same new values, and each factored them again (68 % of a 3×3 LKJ model's sampling time,
 * helper 69). The same values of the same kind give the same factorisation, whichever distribution asks.
 */
let lastRebuilt: { kind: CovarianceSpec['kind']; dim: number; values: Float64Array; pd: PDMat } | undefined;

/** `PDMat.at`: the matrix itself at its own values, else the one rebuilt at those values, made once per values. */
class Revaluer {
  constructor(
    private readonly kind: CovarianceSpec['kind'],
    private readonly own: Float64Array,
    private readonly rebuild: (values: Float64Array) => PDMat,
  ) {}

  at(self: PDMat, values: ArrayLike<number>, from: number): PDMat {
    if (sameValues(values, this.own, from)) return self;
    const last = lastRebuilt;
    if (last !== undefined && last.kind === this.kind && last.dim === self.dim && sameValues(values, last.values, from)) return last.pd;
    const copy = copied(values, new Float64Array(this.own.length), from);
    const pd = this.rebuild(copy);
    lastRebuilt = { kind: this.kind, dim: self.dim, values: copy, pd };
    return pd;
  }
}

/** The order of the first leading principal minor that is not positive: the problem to name in the error. */
function failingMinor(a: ArrayLike<number>, n: number): number {
  for (let k = 1; k <= n; k++) {
    const block = new Float64Array(k * k);
    for (let j = 0; j < k; j++) for (let i = 0; i < k; i++) block[i + j * k] = a[i + j * n]!;
    if (cholesky(block, k) === null) return k;
  }
  return n;
}

/** The factorisation reads the lower triangle, so products must too, or tolerated rounding asymmetry would leak in. */
function mirrorLower(a: Float64Array, n: number): Float64Array {
  const s = Float64Array.from(a);
  for (let j = 0; j < n; j++) for (let i = 0; i < j; i++) s[i + j * n] = a[j + i * n]!;
  return s;
}

class FullPD implements PDMat {
  readonly isAD: boolean;
  readonly logdet: number;
  private inv: Float64Array | undefined;

  constructor(
    readonly dim: number,
    readonly params: readonly Real[],
    private readonly revaluer: Revaluer,
    private readonly values: Float64Array,
    private readonly l: Float64Array,
  ) {
    this.isAD = anyAD(params);
    this.logdet = logdetFromCholesky(l, dim);
  }

  solve(b: ArrayLike<number>): Float64Array {
    return cholSolve(this.l, b, this.dim);
  }

  mul(b: ArrayLike<number>): Float64Array {
    return matVec(this.values, b, this.dim, this.dim);
  }

  unwhiten(z: ArrayLike<number>): Float64Array {
    return matVec(this.l, z, this.dim, this.dim);
  }

  invUnwhiten(z: ArrayLike<number>): Float64Array {
    return backSubstTransposed(this.l, z, this.dim);
  }

  dense(): Float64Array {
    return Float64Array.from(this.values);
  }

  inverse(): Float64Array {
    this.inv ??= inverseFromCholesky(this.l, this.dim);
    return this.inv;
  }

  entry(i: number, j: number): Real {
    return this.params[i + j * this.dim]!;
  }

  at(values: ArrayLike<number>, from = 0): PDMat {
    return this.revaluer.at(this, values, from);
  }

  gradient(out: Float64Array, offset: number, g: MatrixGradient): void {
    const n = this.dim;
    const inv = g.inverse === undefined ? undefined : this.inverse();
    // Indexed loops over the outer terms: a `for … of` with destructuring per entry was a quarter of a small
    // MvNormal's replayed node (an iterator and an array read for each of the n² entries).
    const outer = g.outer ?? NO_TERMS;
    for (let j = 0; j < n; j++) {
      for (let i = 0; i < n; i++) {
        const k = i + j * n;
        let s = g.dense === undefined ? 0 : g.dense[k]!;
        if (inv !== undefined) s += g.inverse! * inv[k]!;
        for (let t = 0; t < outer.length; t++) {
          const term = outer[t]!;
          const c = term[0];
          const u = term[1];
          const v = term[2] ?? u;
          s += (c * (u[i]! * v[j]! + v[i]! * u[j]!)) / 2;
        }
        out[offset + k] = s;
      }
    }
  }
}

class DiagonalPD implements PDMat {
  readonly dim: number;
  readonly isAD: boolean;
  readonly logdet: number;

  constructor(
    readonly params: readonly Real[],
    private readonly revaluer: Revaluer,
    private readonly v: Float64Array,
  ) {
    this.dim = v.length;
    this.isAD = anyAD(params);
    let s = 0;
    for (const vi of v) s += Math.log(vi);
    this.logdet = s;
  }

  private map(b: ArrayLike<number>, f: (bi: number, vi: number) => number): Float64Array {
    const out = new Float64Array(this.dim);
    for (let i = 0; i < this.dim; i++) out[i] = f(b[i]!, this.v[i]!);
    return out;
  }

  solve(b: ArrayLike<number>): Float64Array {
    return this.map(b, (bi, vi) => bi / vi);
  }

  mul(b: ArrayLike<number>): Float64Array {
    return this.map(b, (bi, vi) => bi * vi);
  }

  unwhiten(z: ArrayLike<number>): Float64Array {
    return this.map(z, (zi, vi) => zi * Math.sqrt(vi));
  }

  invUnwhiten(z: ArrayLike<number>): Float64Array {
    return this.map(z, (zi, vi) => zi / Math.sqrt(vi));
  }

  dense(): Float64Array {
    return diagonalMatrix(this.v);
  }

  inverse(): Float64Array {
    return diagonalMatrix(this.v.map((vi) => 1 / vi));
  }

  entry(i: number, j: number): Real {
    return i === j ? this.params[i]! : 0;
  }

  at(values: ArrayLike<number>, from = 0): PDMat {
    return this.revaluer.at(this, values, from);
  }

  gradient(out: Float64Array, offset: number, g: MatrixGradient): void {
    const n = this.dim;
    for (let i = 0; i < n; i++) {
      let s = g.dense === undefined ? 0 : g.dense[i + i * n]!;
      if (g.inverse !== undefined) s += g.inverse / this.v[i]!;
      for (const [c, u, v = u] of g.outer ?? []) s += c * u[i]! * v[i]!;
      out[offset + i] = s;
    }
  }
}

class ScaledIdentityPD implements PDMat {
  readonly params: readonly Real[];
  readonly isAD: boolean;
  readonly logdet: number;

  constructor(
    readonly dim: number,
    variance: Real,
    private readonly revaluer: Revaluer,
    private readonly s: number,
  ) {
    this.params = [variance];
    this.isAD = anyAD(this.params);
    this.logdet = dim * Math.log(s);
  }

  get isotropicVariance(): number {
    return this.s;
  }

  private scale(b: ArrayLike<number>, f: number): Float64Array {
    const out = new Float64Array(this.dim);
    for (let i = 0; i < this.dim; i++) out[i] = b[i]! * f;
    return out;
  }

  solve(b: ArrayLike<number>): Float64Array {
    return this.scale(b, 1 / this.s);
  }

  mul(b: ArrayLike<number>): Float64Array {
    return this.scale(b, this.s);
  }

  unwhiten(z: ArrayLike<number>): Float64Array {
    return this.scale(z, Math.sqrt(this.s));
  }

  invUnwhiten(z: ArrayLike<number>): Float64Array {
    return this.scale(z, 1 / Math.sqrt(this.s));
  }

  dense(): Float64Array {
    return diagonalMatrix(new Float64Array(this.dim).fill(this.s));
  }

  inverse(): Float64Array {
    return diagonalMatrix(new Float64Array(this.dim).fill(1 / this.s));
  }

  entry(i: number, j: number): Real {
    return i === j ? this.params[0]! : 0;
  }

  at(values: ArrayLike<number>, from = 0): PDMat {
    return this.revaluer.at(this, values, from);
  }

  gradient(out: Float64Array, offset: number, g: MatrixGradient): void {
    const n = this.dim;
    let s = 0;
    if (g.dense !== undefined) for (let i = 0; i < n; i++) s += g.dense[i + i * n]!;
    if (g.inverse !== undefined) s += (g.inverse * n) / this.s;
    for (const [c, u, v = u] of g.outer ?? []) for (let i = 0; i < n; i++) s += c * u[i]! * v[i]!;
    out[offset] = s;
  }
}

function diagonalMatrix(d: Float64Array): Float64Array {
  const n = d.length;
  const m = new Float64Array(n * n);
  for (let i = 0; i < n; i++) m[i + i * n] = d[i]!;
  return m;
}
