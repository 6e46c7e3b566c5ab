import { CompiledTapeError, defaultChunkSize, finiteDifferenceGradient, value, type BackendName, type BackendOptions, type GradientFunction, type GradientResult } from '../ad/index.js';
import type { BoundModel } from '../model/index.js';
import { bindSource, type BoundSource } from './bind.js';

/**
 * DynamicPPL's `run_ad` for Tilde: a model's unconstrained log density differentiated by every backend
 * and checked against central finite differences, and against each other, at several points.
 */

export interface GradientCheckOptions {
  /** Prior draws to check at when the points are 'prior' (default 3). */
  draws?: number;
  /** Seed of the first prior draw (default 1); later draws take the following seeds. */
  seed?: number;
  /** Unconstrained coordinates set by name at every point, e.g. `{ σ: Math.log(1e-6) }` for the edge of a support. */
  set?: Readonly<Record<string, number>>;
  /** Where the compiled tape is recorded before it is replayed at each point (default: the prior draw of seed − 1). */
  recordAt?: readonly number[];
  /** The compiled tape must refuse the model with a reason matching this (a model with parameter-dependent control flow). */
  compiledRefuses?: RegExp;
  /** Plain evaluation may throw at a point, with a message matching this; every backend must then throw the same. */
  throws?: RegExp;
  /** The log density may be infinite or NaN at a point; every backend must then give the same value. */
  nonFinite?: boolean;
  /** Relative tolerance against finite differences (default 1e-5). */
  rtol?: number;
  /** Which `@model` of the source (default the last). */
  modelName?: string;
}

interface Backend {
  readonly label: string;
  readonly name: BackendName;
  readonly options: BackendOptions;
}

/**
 * ForwardDiff with its default chunk, with chunk 1 and with a chunk that leaves a short last pass (n − 1,
 * when n > 2: below that every chunk divides n); ReverseDiff recording at every evaluation; Tracker. The
 * compiled tape is checked on its own, since it has to be recorded somewhere else first.
 */
function backendsFor(n: number): Backend[] {
  const chunks = [defaultChunkSize(n), 1, n - 1].filter((c, i, all) => c >= 1 && all.indexOf(c) === i && (i < 2 || n % c !== 0));
  return [
    ...chunks.map((chunk, i): Backend => ({ label: i === 0 ? `forwarddiff (chunk ${chunk})` : `forwarddiff:chunk=${chunk}`, name: 'forwarddiff', options: { chunk } })),
    { label: 'reversediff', name: 'reversediff', options: {} },
    { label: 'tracker', name: 'tracker', options: {} },
  ];
}

const COMPILED = 'reversediff:compile';

/** Agreement between AD backends: they differ only by the order of floating-point sums. */
const AD_RTOL = 1e-9;
/**
 * The step of a second, two-point estimate beside the finitedifferences backend's five-point stencil. Where
 * the two disagree, rounding in f (cancellation, a large |f|) or its curvature (a kink within the steps)
 * makes differences unreliable by about that much; twice the disagreement joins the tolerance, since the
 * two estimates' errors need not have one sign.
 */
const COARSE_STEP = 1e-5;

class GradientMismatch extends Error {
  override readonly name = 'GradientMismatch';
}

function format(θ: ArrayLike<number>): string {
  return `[${Array.from(θ, (x) => Number(x.toPrecision(6))).join(', ')}]`;
}

function attempt<T>(f: () => T): { ok: true; value: T } | { ok: false; error: unknown } {
  try {
    return { ok: true, value: f() };
  } catch (error) {
    return { ok: false, error };
  }
}

function messageOf(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

/** Unconstrained points: one, several, or prior draws. */
export type GradientPoints = 'prior' | readonly number[] | readonly (readonly number[])[];

/** The points, prior draws drawn, with the `set` coordinates overwritten. */
function pointsOf(src: BoundSource, theta: GradientPoints, options: GradientCheckOptions): number[][] {
  const seed = options.seed ?? 1;
  const raw: readonly ArrayLike<number>[] =
    theta === 'prior' ? Array.from({ length: options.draws ?? 3 }, (_, k) => src.priorDraw(seed + k)) : theta.every((x) => typeof x === 'number') ? [theta] : theta;
  return raw.map((p) => {
    if (p.length !== src.bound.dimension) throw new RangeError(`a point of ${p.length} coordinates for a model of ${src.bound.dimension}`);
    const θ = Array.from(p);
    for (const [name, v] of Object.entries(options.set ?? {})) θ[src.coordinate(name)] = v;
    return θ;
  });
}

/**
 * Checks `source` bound to the JSON `data` at each point (unconstrained θ, or prior draws): every
 * backend's value equals plain evaluation's and its gradient agrees with finite differences and with
 * the other backends; where plain evaluation throws, every backend throws the same message. The compiled
 * tape is recorded once, at a point other than the ones checked, and replayed at each. Throws an Error
 * naming the backend, the point, the coordinate, both numbers and the tolerance at the first disagreement.
 */
export function expectGradient(source: string, data: string | undefined, theta: GradientPoints = 'prior', options: GradientCheckOptions = {}): void {
  const src = bindSource(source, data, options.modelName);
  const { bound } = src;
  const points = pointsOf(src, theta, options);
  const backends = backendsFor(bound.dimension).map((b) => ({ ...b, gradient: bound.gradient(b.name, b.options) }));
  const compiled = compiledGradient(bound, options.recordAt ?? src.priorDraw((options.seed ?? 1) - 1), options.compiledRefuses);
  for (const θ of points) {
    const plain = attempt(() => value(bound.logdensity(θ)));
    if (!plain.ok) {
      if (options.throws === undefined || !options.throws.test(messageOf(plain.error))) throw new GradientMismatch(`plain evaluation at θ = ${format(θ)} throws: ${messageOf(plain.error)}`);
      expectSameThrow(bound, θ, compiled === undefined ? backends : [...backends, { label: `${COMPILED} (recorded elsewhere)`, gradient: compiled }], plain.error);
      continue;
    }
    const v = plain.value;
    if (!Number.isFinite(v) && options.nonFinite !== true) throw new GradientMismatch(`the log density at θ = ${format(θ)} is ${v}`);
    const results = backends.map((b) => ({ label: b.label, result: b.gradient(θ) }));
    if (compiled !== undefined) results.push({ label: `${COMPILED} (recorded elsewhere)`, result: compiled(θ) });
    for (const { label, result } of results) expectValue(label, θ, result.value, v);
    if (!Number.isFinite(v)) continue;
    const fd = bound.gradient('finitedifferences')(θ).grad;
    const coarse = finiteDifferenceGradient((t) => bound.logdensity(t), θ, COARSE_STEP).grad;
    const rtol = options.rtol ?? 1e-5;
    const reference = results[0]!;
    for (const { label, result } of results) {
      expectGradientClose(bound, label, θ, result, fd, 'finite differences', (i) => {
        const change = Math.abs(fd[i]! - coarse[i]!);
        return {
          tol: rtol * Math.max(1, Math.abs(fd[i]!)) + 2 * change,
          how: `${rtol.toExponential()} · max(1, |expected|) + 2 × ${change.toExponential(2)} (the five-point stencil against two points at step ${COARSE_STEP.toExponential()})`,
        };
      });
      expectGradientClose(bound, label, θ, result, reference.result.grad, reference.label, (i) => ({
        tol: AD_RTOL * Math.max(1, Math.abs(reference.result.grad[i]!), Math.abs(v)),
        how: `${AD_RTOL.toExponential()} · max(1, |expected|, |log density|)`,
      }));
    }
  }
}

/** The compiled tape recorded at `recordAt`, or undefined when it refuses as expected. */
function compiledGradient(bound: BoundModel, recordAt: ArrayLike<number>, refuses: RegExp | undefined): GradientFunction | undefined {
  const gradient = bound.gradient('reversediff', { compile: true });
  const recorded = attempt(() => gradient(recordAt));
  if (refuses === undefined) {
    if (!recorded.ok) throw new GradientMismatch(`${COMPILED} failed when recording at ${format(recordAt)}: ${messageOf(recorded.error)}`);
    return gradient;
  }
  if (recorded.ok) throw new GradientMismatch(`${COMPILED} recorded the model at ${format(recordAt)}, but it was expected to refuse (${refuses})`);
  if (!(recorded.error instanceof CompiledTapeError) || !refuses.test(recorded.error.message)) {
    throw new GradientMismatch(`${COMPILED} was expected to refuse with ${refuses}, but threw: ${messageOf(recorded.error)}`);
  }
  return undefined;
}

/**
 * Where plain evaluation throws, so must every backend, with the same message: a compiled tape recorded
 * at that very point, and one recorded elsewhere (among `backends`), whose replay makes the argument
 * checks the recording made. Else the sampler would accept there a point the model rejects.
 */
function expectSameThrow(bound: BoundModel, θ: readonly number[], backends: readonly { label: string; gradient: GradientFunction }[], expected: unknown): void {
  const all = [...backends, { label: COMPILED, gradient: bound.gradient('reversediff', { compile: true }) }, { label: 'finitedifferences', gradient: bound.gradient('finitedifferences') }];
  for (const { label, gradient } of all) {
    const r = attempt(() => gradient(θ));
    if (r.ok) throw new GradientMismatch(`${label} at θ = ${format(θ)} returned ${r.value.value}, but plain evaluation throws: ${messageOf(expected)}`);
    if (messageOf(r.error) !== messageOf(expected)) {
      throw new GradientMismatch(`${label} at θ = ${format(θ)} threw «${messageOf(r.error)}», but plain evaluation throws «${messageOf(expected)}»`);
    }
  }
}

/** The value is plain evaluation's, to rounding (and the same infinity or NaN where it is not finite). */
function expectValue(label: string, θ: readonly number[], got: number, expected: number): void {
  const finite = Number.isFinite(expected);
  const tol = 1e-12 * Math.max(1, Math.abs(expected));
  if (finite ? Math.abs(got - expected) <= tol : Object.is(got, expected)) return;
  throw new GradientMismatch(`${label} at θ = ${format(θ)}: the value is ${got}, plain evaluation gives ${expected} (${finite ? `tolerance ${tol.toExponential(2)}` : 'exactly'})`);
}

function expectGradientClose(bound: BoundModel, label: string, θ: readonly number[], got: GradientResult, expected: Float64Array, reference: string, tolerance: (i: number) => { tol: number; how: string }): void {
  for (let i = 0; i < expected.length; i++) {
    const g = got.grad[i]!;
    const e = expected[i]!;
    const { tol, how } = tolerance(i);
    if (Math.abs(g - e) <= tol) continue;
    const name = bound.coordinateNames[i] ?? String(i + 1);
    throw new GradientMismatch(
      `${label} at θ = ${format(θ)} (log density ${got.value}): ∂/∂θ[${i + 1}] (${name}) is ${g}, ${reference} give${reference.endsWith('s') ? '' : 's'} ${e}; |difference| ${Math.abs(g - e).toExponential(2)} exceeds the tolerance ${tol.toExponential(2)} = ${how}`,
    );
  }
}
