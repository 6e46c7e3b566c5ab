import { ADNum, foreignValue, value, type NodeFactory, type Real } from './real.js';

/**
 * Forward mode with dual numbers carrying a chunk of partials (ForwardDiff.jl's design): a gradient of
 * n inputs takes ⌈n / chunk⌉ evaluations, each propagating `chunk` directional derivatives at once.
 *
 * A dual's partials live in one growable Float64Array per evaluation, `chunk` slots from `at`, rather
 * than in a typed array of its own: allocating a small Float64Array per operation cost more than the
 * arithmetic it carries. Each evaluation (pass) starts the arena afresh, so a dual kept from an earlier
 * pass would read another dual's partials: `own` refuses it, as the tape refuses a finished recording's
 * values.
 */
class Dual extends ADNum {
  constructor(
    readonly v: number,
    readonly at: number,
    readonly pass: number,
    readonly backend: ForwardFactory,
  ) {
    super();
  }
}

/** An arena no evaluation is using, kept so that repeated gradients do not allocate one each time. */
let spare: Float64Array | undefined;
/** A larger arena (8 MB) is left to the garbage collector rather than held for the rest of the session. */
const SPARE_LIMIT = 1 << 20;

class ForwardFactory implements NodeFactory {
  private partials: Float64Array;
  private top = 0;
  private pass = 0;
  /** `release`'s copy of the duals it keeps. */
  private kept = new Float64Array(0);

  constructor(
    readonly chunk: number,
    /** Whether this factory takes and hands on the arena kept between gradients: not a local one, whose values outlive the call. */
    private readonly sharesArena = true,
  ) {
    this.partials = (sharesArena ? spare : undefined) ?? new Float64Array(chunk * 256);
    if (sharesArena) spare = undefined;
  }

  /** Starts a pass: the parameters as duals, parameter start + k carrying direction k. */
  begin(theta: ArrayLike<number>, start: number): Real[] {
    this.pass++;
    this.top = 0;
    const n = theta.length;
    const inputs: Real[] = new Array(n);
    for (let i = 0; i < n; i++) {
      const at = this.reserve();
      this.partials.fill(0, at, at + this.chunk);
      const seed = i - start;
      if (seed >= 0 && seed < this.chunk) this.partials[at + seed] = 1;
      inputs[i] = new Dual(theta[i]!, at, this.pass, this);
    }
    return inputs;
  }

  /** Hands the arena on to the next gradient. */
  finish(): void {
    if (this.sharesArena && this.partials.length <= SPARE_LIMIT) spare = this.partials;
  }

  /** A dual of the current pass with value `v` and partial 1 in direction `k` (none when k is outside the chunk). */
  seeded(v: number, k: number): ADNum {
    const at = this.reserve();
    this.partials.fill(0, at, at + this.chunk);
    if (k >= 0 && k < this.chunk) this.partials[at + k] = 1;
    return new Dual(v, at, this.pass, this);
  }

  /** Where the next dual goes: duals made from here on can be released together (`release`). */
  get mark(): number {
    return this.top;
  }

  owns(x: Real): x is ADNum {
    return x instanceof Dual && x.backend === this && x.pass === this.pass;
  }

  /** Frees every dual made since `mark` except `xs`, which come back as new duals packed from `mark` on; other values come back as they are. */
  release(mark: number, xs: readonly Real[]): Real[] {
    const c = this.chunk;
    const n = xs.length;
    // Through a copy: a kept dual's slots may lie where an earlier one is packed.
    if (this.kept.length < n * c) this.kept = new Float64Array(n * c);
    const kept = this.kept;
    let d = this.partials;
    for (let i = 0; i < n; i++) {
      const x = xs[i]!;
      if (typeof x === 'number') continue;
      const at = this.own(x).at;
      if (at >= mark) for (let k = 0; k < c; k++) kept[i * c + k] = d[at + k]!;
    }
    this.top = mark;
    const out: Real[] = new Array(n);
    for (let i = 0; i < n; i++) {
      const x = xs[i]!;
      if (typeof x === 'number' || (x as Dual).at < mark) {
        out[i] = x;
        continue;
      }
      const at = this.reserve();
      d = this.partials;
      for (let k = 0; k < c; k++) d[at + k] = kept[i * c + k]!;
      out[i] = new Dual(x.v, at, this.pass, this);
    }
    return out;
  }

  node(v: number, inputs: readonly Real[], partials: ArrayLike<number>): ADNum {
    const at = this.reserve();
    const d = this.partials;
    const c = this.chunk;
    // The first contributing input overwrites the slots, so they need no zeroing beforehand.
    let written = false;
    for (let i = 0; i < inputs.length; i++) {
      const x = inputs[i]!;
      if (typeof x === 'number') continue;
      const p = partials[i]!;
      if (p === 0) continue;
      const xa = this.own(x).at;
      if (written) {
        for (let k = 0; k < c; k++) d[at + k]! += p * d[xa + k]!;
      } else {
        for (let k = 0; k < c; k++) d[at + k] = p * d[xa + k]!;
        written = true;
      }
    }
    if (!written) d.fill(0, at, at + c);
    return new Dual(v, at, this.pass, this);
  }

  partialsOf(x: ADNum): Float64Array {
    const at = this.own(x).at;
    return this.partials.subarray(at, at + this.chunk);
  }

  private own(x: ADNum): Dual {
    if (!(x instanceof Dual) || x.backend !== this || x.pass !== this.pass) {
      foreignValue('forward-mode AD was given a value from another gradient evaluation, another pass of this one, or another AD backend (was an AD value kept between evaluations?)');
    }
    return x;
  }

  /** `chunk` slots for a new dual, holding whatever an earlier pass left there. */
  private reserve(): number {
    const at = this.top;
    const end = at + this.chunk;
    if (end > this.partials.length) {
      const grown = new Float64Array(Math.max(end, 2 * this.partials.length));
      grown.set(this.partials.subarray(0, at));
      this.partials = grown;
    }
    this.top = end;
    return at;
  }
}

/** ForwardDiff's default: chunks of up to 12, split evenly over the input length. */
export function defaultChunkSize(n: number): number {
  const max = 12;
  if (n <= max) return Math.max(1, n);
  const chunks = Math.ceil(n / max);
  return Math.ceil(n / chunks);
}

export interface GradientResult {
  value: number;
  grad: Float64Array;
}

export function forwardGradient(f: (theta: readonly Real[]) => Real, theta: ArrayLike<number>, chunk = defaultChunkSize(theta.length)): GradientResult {
  const n = theta.length;
  const grad = new Float64Array(n);
  if (n === 0) return { value: value(f([])), grad };
  const factory = new ForwardFactory(chunk);
  let primal = NaN;
  for (let start = 0; start < n; start += chunk) {
    const out = f(factory.begin(theta, start));
    primal = value(out);
    if (typeof out !== 'number') {
      const od = factory.partialsOf(out);
      for (let k = 0; k < chunk && start + k < n; k++) grad[start + k] = od[k]!;
    }
  }
  factory.finish();
  return { value: primal, grad };
}

/**
 * Forward-mode numbers private to one computation inside a gradient evaluation of any backend (`solve`'s
 * sensitivities): the caller seeds its inputs (`seed`), runs plain code on them, reads each result's partials and
 * hands them to the outer backend as one node. They and the outer backend's values refuse each other as any
 * foreign values do (`foreignValue`), so the caller learns when the code reached for values it was not given.
 */
export class LocalDuals {
  private readonly factory: ForwardFactory;

  constructor(readonly directions: number) {
    this.factory = new ForwardFactory(Math.max(1, directions), false);
    this.factory.begin([], 0);
  }

  /** `v` moving with direction k alone. */
  seed(v: number, k: number): ADNum {
    return this.factory.seeded(v, k);
  }

  owns(x: Real): x is ADNum {
    return this.factory.owns(x);
  }

  /** A value with the given partials towards `inputs` (numbers, or values of these), as the backends' `node`. */
  node(v: number, inputs: readonly Real[], partials: ArrayLike<number>): ADNum {
    return this.factory.node(v, inputs, partials);
  }

  /** x's partials in the `directions` directions: a view, valid until the next `release` below x. */
  partials(x: ADNum): Float64Array {
    return this.factory.partialsOf(x);
  }

  /**
   * Runs `f` and frees what it made but its result, so that a computation made of many steps (a solve's right-hand
   * side, evaluated some ten times per step) holds only what it keeps. Values `f` made and put elsewhere are lost.
   */
  scoped(f: () => readonly Real[]): Real[] {
    const mark = this.factory.mark;
    return this.factory.release(mark, f());
  }
}
