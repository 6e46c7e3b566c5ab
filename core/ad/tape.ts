import { IndexMap } from './index-map.js';
import { ADNum, foreignValue, isLinear, type BlockOp, type NodeFactory, type Real, type Recompute } from './real.js';
import { repeatedNodes } from './repeated-nodes.js';

/** Every recording gets a number no other recording has, so values from a finished or foreign recording are caught. */
let recordings = 0;

class TapeNum extends ADNum {
  constructor(
    readonly v: number,
    readonly index: number,
    readonly recording: number,
    readonly backend: Tape,
  ) {
    super();
  }
}

/** A `BlockOp`'s entry: outputs `first … first + count − 1`, inputs as tape indices (−1 for a constant). */
interface Block {
  readonly first: number;
  readonly count: number;
  readonly inputs: Int32Array;
  /** Input position ↔ tape index of the AD inputs. */
  readonly map: IndexMap;
  /** The inputs' values: constants as recorded, AD inputs refreshed before each use. */
  readonly x: Float64Array;
  readonly adjX: Float64Array;
  readonly op: BlockOp;
}

function grownFloat(a: Float64Array, need: number): Float64Array {
  const b = new Float64Array(Math.max(need, 2 * a.length));
  b.set(a);
  return b;
}

function grownInt(a: Int32Array, need: number): Int32Array {
  const b = new Int32Array(Math.max(need, 2 * a.length));
  b.set(a);
  return b;
}

/**
 * An argument check kept for replay: the function throws `error(v)` where `inside(v)` fails for the values
 * v of its operands, one (σ > 0) or several (a < b of `Uniform(a, b)`).
 */
interface DomainCheck {
  /** The tape index of each checked value, or −1 for a constant, whose value stays in `values`. */
  readonly operands: Int32Array;
  /** The values checked: constants as recorded, tape values refreshed before each check. */
  readonly values: Float64Array;
  readonly inside: (v: ArrayLike<number>) => boolean;
  readonly error: (v: ArrayLike<number>) => Error;
}

/**
 * A one-value check kept for consecutive nodes, first … first + errors.length − 1, one after another in the
 * function's order (`BernoulliLogit.(η)` checks each logit it is given): one entry and one loop for the run,
 * not an entry per value. Each value keeps the error its own check would throw.
 */
interface ValueRunCheck {
  readonly first: number;
  readonly inside: (v: number) => boolean;
  readonly errors: ((v: number) => Error)[];
}

/**
 * What replay keeps of a rule node: its operands (constants written once) and partials by operand position,
 * and a map only where it has stretches to move in one piece. The others, most nodes (one or two inputs), go
 * through the tape's own slots: a map per node was three arrays scattered over the heap to read at each
 * replay and again at each sweep, and the loops over them a fifth of a scalar model's gradient.
 */
interface ReplayedNode {
  readonly operands: Float64Array;
  readonly partials: Float64Array;
  readonly map: IndexMap | undefined;
}

/**
 * ReverseDiff's tape in flat typed arrays rather than one object per scalar, so the backward sweep walks
 * contiguous memory and the garbage collector sees nothing but the small `TapeNum` handles the function
 * holds: node k has value `values[k]` and its inputs are the nodes `inputs[offsets[k] .. offsets[k + 1])`
 * with `partials` alongside. The first nodes are the parameters. `begin` empties the tape but keeps its
 * buffers, so repeated gradients do not allocate them again.
 *
 * A recording made for replay also keeps every node's `Recompute` rule and all its operands in order,
 * `operands[operandOffsets[k] .. operandOffsets[k + 1])`, so `replay` can recompute values and partials
 * at new parameters without running the function again. An operand is a node index, or −1 − c for the
 * plain-number constant `constants[c]`. The sweep's slots list only AD inputs, zero partials included
 * (they need not stay zero), each with the `position` of its operand: in a data-heavy model (X β with
 * X constant) constants are most operands, and neither the sweep nor replay's walk over the nodes
 * should have to step over them. A node with a linear rule (see `linear`) keeps its recorded partials and
 * the constants' contribution `linearTerms[k]` (NaN for other nodes), and replays as that term plus
 * Σ partial · input; one whose constants sum to NaN simply replays through its rule.
 *
 * A block (`BlockOp`) holds its outputs as consecutive nodes without slots, `blockIds[k]` naming the block
 * of node k (−1 for other nodes); replay and the sweep run the block's own loops once for all of them.
 */
export class Tape implements NodeFactory {
  private values: Float64Array = new Float64Array(1024);
  private offsets: Int32Array = new Int32Array(1025);
  private inputs: Int32Array = new Int32Array(2048);
  private partials: Float64Array = new Float64Array(2048);
  /** For recordings made for replay: each slot's operand position, and every node's operands. */
  private positions: Int32Array = new Int32Array(2048);
  private operandOffsets: Int32Array = new Int32Array(1025);
  private operands: Int32Array = new Int32Array(2048);
  private constants: Float64Array = new Float64Array(1024);
  private constantCount = 0;
  /** For recordings made for replay: a linear node's constant term, NaN for any other node. */
  private linearTerms: Float64Array = new Float64Array(1024);
  /**
   * Replay's buffers of each rule node, made at the first replay: its constants written once, its AD
   * operands refreshed through its map (in a likelihood over observed data most operands are data), and
   * the partials its rule writes, which the sweep then reads in place of the slots' recorded ones.
   */
  private replayed: (ReplayedNode | undefined)[] | undefined;
  /** For recordings made for replay, found at the first replay: the earlier node each node repeats, or −1 (see `repeatedNodes`). */
  private repeated: Int32Array | undefined;
  private blocks: Block[] = [];
  private blockIds: Int32Array = new Int32Array(1024);
  private adjoints: Float64Array = new Float64Array(0);
  private size = 0;
  private parameters = 0;
  private recording = 0;
  /** The replay rule of each node, when recording for replay; undefined for the parameters. */
  private rules: (Recompute | undefined)[] | undefined;
  private withoutRule: number | undefined;
  /** For recordings made for replay: the argument checks the function made on tape values, in its order. */
  private readonly checks: (DomainCheck | ValueRunCheck)[] = [];
  /** The operands (tape indices and constants, as text) each predicate of `checks` already checks. */
  private readonly checked = new Map<(v: ArrayLike<number>) => boolean, Set<string>>();
  /** The nodes each one-value predicate already checks. */
  private readonly checkedValues = new Map<(v: number) => boolean, Set<number>>();

  /** Starts a new recording at `theta` and returns the parameters as the tape's first nodes. */
  begin(theta: ArrayLike<number>, forReplay: boolean): Real[] {
    this.recording = ++recordings;
    this.size = 0;
    this.constantCount = 0;
    this.rules = forReplay ? [] : undefined;
    this.withoutRule = undefined;
    this.checks.length = 0;
    this.checked.clear();
    this.checkedValues.clear();
    this.blocks = [];
    this.replayed = undefined;
    this.repeated = undefined;
    const n = theta.length;
    this.parameters = n;
    const xs: Real[] = new Array(n);
    for (let i = 0; i < n; i++) xs[i] = this.push(theta[i]!, 0, undefined);
    return xs;
  }

  node(v: number, inputs: readonly Real[], partials: ArrayLike<number>, recompute?: Recompute): ADNum {
    if (this.rules !== undefined) return this.replayableNode(v, inputs, partials, recompute);
    const start = this.offsets[this.size]!;
    this.reserveSlots(start + inputs.length);
    let slot = start;
    for (let i = 0; i < inputs.length; i++) {
      const x = inputs[i]!;
      const p = partials[i]!;
      if (typeof x === 'number' || p === 0) continue;
      this.inputs[slot] = this.indexOf(x);
      this.partials[slot] = p;
      slot++;
    }
    return this.push(v, slot, undefined);
  }

  private replayableNode(v: number, inputs: readonly Real[], partials: ArrayLike<number>, recompute: Recompute | undefined): ADNum {
    if (recompute === undefined) this.withoutRule ??= this.size;
    const n = inputs.length;
    const start = this.offsets[this.size]!;
    const first = this.operandOffsets[this.size]!;
    this.reserveSlots(start + n);
    if (first + n > this.operands.length) this.operands = grownInt(this.operands, first + n);
    const isLinearNode = isLinear(recompute);
    let term = isLinearNode ? 0 : NaN;
    let slot = start;
    for (let i = 0; i < n; i++) {
      const x = inputs[i]!;
      if (typeof x === 'number') {
        this.operands[first + i] = -1 - this.constant(x);
        if (isLinearNode) term += partials[i]! * x;
        continue;
      }
      const index = this.indexOf(x);
      this.operands[first + i] = index;
      this.inputs[slot] = index;
      this.partials[slot] = partials[i]!;
      this.positions[slot] = i;
      slot++;
    }
    const k = this.size;
    if (k >= this.linearTerms.length) this.linearTerms = grownFloat(this.linearTerms, k + 1);
    this.linearTerms[k] = term;
    return this.push(v, slot, recompute, first + n);
  }

  block(inputs: readonly Real[], op: BlockOp, count: number): ADNum[] {
    const m = inputs.length;
    const indices = new Int32Array(m);
    const x = new Float64Array(m);
    for (let i = 0; i < m; i++) {
      const input = inputs[i]!;
      indices[i] = typeof input === 'number' ? -1 : this.indexOf(input);
      x[i] = typeof input === 'number' ? input : input.v;
    }
    const values = new Float64Array(count);
    op.forward(x, values, 0);
    const id = this.blocks.length;
    const map = IndexMap.of(Int32Array.from(indices, (_, i) => i), indices);
    this.blocks.push({ first: this.size, count, inputs: indices, map, x, adjX: new Float64Array(m), op });
    const out: ADNum[] = new Array(count);
    const slot = this.offsets[this.size]!;
    for (let j = 0; j < count; j++) {
      out[j] = this.push(values[j]!, slot, undefined);
      this.blockIds[this.size - 1] = id;
    }
    return out;
  }

  /** Refreshes a block's AD input values from the tape. */
  private gather(b: Block): void {
    b.map.gather(this.values, b.x);
  }

  /** Adds a block's contribution to its inputs' adjoints. */
  private sweepBlock(b: Block, adjoints: Float64Array): void {
    if (b.op.linear !== true) this.gather(b);
    const { adjX } = b;
    adjX.fill(0);
    b.op.backward(b.x, adjoints, b.first, adjX);
    b.map.addScaled(adjX, 1, adjoints);
  }

  /** The tape index of a value of the current recording. */
  indexOf(x: ADNum): number {
    if (!(x instanceof TapeNum) || x.recording !== this.recording) {
      foreignValue('reverse-mode AD was given a value from another gradient evaluation or AD backend (was an AD value kept between evaluations?)');
    }
    return x.index;
  }

  /**
   * The first node that has no replay rule, or undefined when the whole recording can be replayed.
   * Only meaningful for a recording begun for replay.
   */
  nodeWithoutRule(): number | undefined {
    return this.withoutRule;
  }

  /** Keeps a check that `xs` passed at the recording, for `checkDomains` to make again after each replay. */
  keepCheck(xs: readonly Real[], inside: (v: ArrayLike<number>) => boolean, error: (v: ArrayLike<number>) => Error): void {
    const operands = new Int32Array(xs.length);
    const values = new Float64Array(xs.length);
    for (let i = 0; i < xs.length; i++) {
      const x = xs[i]!;
      operands[i] = typeof x === 'number' ? -1 : this.indexOf(x);
      values[i] = typeof x === 'number' ? x : x.v;
    }
    // One value checked alike many times (σ of a Normal per observation) needs its first check alone: where
    // it fails, so does that one, and no later check can fail before it.
    const key = Array.from(operands, (k, i) => (k >= 0 ? String(k) : `c${values[i]}`)).join(' ');
    let seen = this.checked.get(inside);
    if (seen === undefined) this.checked.set(inside, (seen = new Set()));
    if (seen.has(key)) return;
    seen.add(key);
    this.checks.push({ operands, values, inside, error });
  }

  /**
   * `keepCheck` of one value: a check like the one just kept, on the node after its last, extends its run.
   * A value checked alike again needs no second check, as there.
   */
  keepValueCheck(x: ADNum, inside: (v: number) => boolean, error: (v: number) => Error): void {
    const k = this.indexOf(x);
    let seen = this.checkedValues.get(inside);
    if (seen === undefined) this.checkedValues.set(inside, (seen = new Set()));
    if (seen.has(k)) return;
    seen.add(k);
    const last = this.checks[this.checks.length - 1];
    if (last !== undefined && 'errors' in last && last.inside === inside && last.first + last.errors.length === k) last.errors.push(error);
    else this.checks.push({ first: k, inside, errors: [error] });
  }

  /**
   * Throws the error of the first kept check, in the function's order, that the replayed values fail: the
   * error the function itself would have thrown there, so a replay rejects the points it rejects, even
   * where the checked values feed nothing replayed for the output (`z := log(m)`). Made after the whole
   * replay, not inside its loop: a model without checks pays nothing.
   */
  checkDomains(): void {
    const { checks, values } = this;
    for (let i = 0; i < checks.length; i++) {
      const c = checks[i]!;
      if ('errors' in c) {
        const { first, inside, errors } = c;
        for (let j = 0; j < errors.length; j++) if (!inside(values[first + j]!)) throw errors[j]!(values[first + j]!);
        continue;
      }
      for (let j = 0; j < c.operands.length; j++) if (c.operands[j]! >= 0) c.values[j] = values[c.operands[j]!]!;
      if (!c.inside(c.values)) throw c.error(c.values);
    }
  }

  get length(): number {
    return this.size;
  }

  valueAt(k: number): number {
    return this.values[k]!;
  }

  /**
   * Which nodes the given ones depend on (themselves included): 1 in the mask. A block is needed whole
   * when any of its outputs is. For `replay` of only part of a recording.
   */
  dependencies(outputs: readonly number[]): Uint8Array {
    const needed = new Uint8Array(this.size);
    for (const k of outputs) needed[k] = 1;
    const { operandOffsets, operands, blocks, blockIds } = this;
    const repeated = this.repeatedNodes();
    for (let k = this.size - 1; k >= this.parameters; k--) {
      if (needed[k] === 0) continue;
      const id = blockIds[k]!;
      if (id < 0) {
        // Replay copies a repeated node from the one it repeats.
        if (repeated[k]! >= 0) needed[repeated[k]!] = 1;
        for (let j = operandOffsets[k]!; j < operandOffsets[k + 1]!; j++) if (operands[j]! >= 0) needed[operands[j]!] = 1;
        continue;
      }
      const b = blocks[id]!;
      needed.fill(1, b.first, b.first + b.count);
      for (const input of b.inputs) if (input >= 0) needed[input] = 1;
      k = b.first;
    }
    return needed;
  }

  /**
   * Recomputes the nodes of a recording begun for replay at new parameter values: all of them, or those
   * `needed` marks (see `dependencies`).
   */
  replay(theta: ArrayLike<number>, needed?: Uint8Array): void {
    const rules = this.rules;
    if (rules === undefined || this.withoutRule !== undefined) throw new Error('this tape was not recorded for replay');
    const { values, offsets, inputs, partials, positions, linearTerms } = this;
    for (let i = 0; i < this.parameters; i++) values[i] = theta[i]!;
    const replayed = (this.replayed ??= this.replayedNodes());
    const repeated = this.repeatedNodes();
    const { blocks, blockIds } = this;
    for (let k = this.parameters; k < this.size; k++) {
      if (needed !== undefined && needed[k] === 0) continue;
      const earlier = repeated[k]!;
      if (earlier >= 0) {
        values[k] = values[earlier]!;
        continue;
      }
      const id = blockIds[k]!;
      if (id >= 0) {
        const b = blocks[id]!;
        this.gather(b);
        b.op.forward(b.x, values, b.first);
        k = b.first + b.count - 1;
        continue;
      }
      const start = offsets[k]!;
      const end = offsets[k + 1]!;
      const term = linearTerms[k]!;
      if (!Number.isNaN(term)) {
        let v = term;
        for (let s = start; s < end; s++) v += partials[s]! * values[inputs[s]!]!;
        values[k] = v;
        continue;
      }
      const node = replayed[k]!;
      if (node.map !== undefined) node.map.gather(values, node.operands);
      else for (let s = start; s < end; s++) node.operands[positions[s]!] = values[inputs[s]!]!;
      // Every node after the parameters has a rule: `withoutRule` is undefined.
      values[k] = rules[k]!(node.operands, node.partials);
    }
  }

  private repeatedNodes(): Int32Array {
    const { parameters, size, rules, operandOffsets, operands, constants, blockIds } = this;
    return (this.repeated ??= repeatedNodes({ parameters, size, rules: rules!, operandOffsets, operands, constants, blockIds }));
  }

  /**
   * Each rule node's operands and partials as views of two buffers, the operands with the constants in
   * place and the partials as recorded, so that a sweep before a node's first replay reads the recording.
   * A repeated node shares the buffers of the node it repeats, whose replay alone writes them.
   */
  private replayedNodes(): (ReplayedNode | undefined)[] {
    const { operandOffsets, operands, constants, linearTerms, blockIds, offsets, inputs, partials, positions } = this;
    const repeated = this.repeatedNodes();
    const operandBuffer = new Float64Array(operandOffsets[this.size]!);
    const partialBuffer = new Float64Array(operandOffsets[this.size]!);
    const nodes: (ReplayedNode | undefined)[] = new Array(this.size);
    for (let k = this.parameters; k < this.size; k++) {
      if (blockIds[k]! >= 0 || !Number.isNaN(linearTerms[k])) continue;
      if (repeated[k]! >= 0) {
        nodes[k] = nodes[repeated[k]!];
        continue;
      }
      const first = operandOffsets[k]!;
      const end = operandOffsets[k + 1]!;
      for (let j = first; j < end; j++) {
        const o = operands[j]!;
        if (o < 0) operandBuffer[j] = constants[-1 - o]!;
      }
      for (let s = offsets[k]!; s < offsets[k + 1]!; s++) partialBuffer[first + positions[s]!] = partials[s]!;
      const map = IndexMap.of(positions.subarray(offsets[k]!, offsets[k + 1]!), inputs.subarray(offsets[k]!, offsets[k + 1]!));
      nodes[k] = { operands: operandBuffer.subarray(first, end), partials: partialBuffer.subarray(first, end), map: map.hasRuns ? map : undefined };
    }
    return nodes;
  }

  /** d values[out] / d parameters, sweeping the nodes up to `out` backwards. */
  gradient(out: number): Float64Array {
    if (this.adjoints.length < this.size) this.adjoints = new Float64Array(this.values.length);
    const { adjoints, offsets, inputs, partials, positions, blocks, blockIds, replayed } = this;
    // Up to the end of the tape, not `out`: a block around `out` reads all its outputs' adjoints.
    adjoints.fill(0, 0, Math.max(this.size, this.parameters));
    adjoints[out] = 1;
    for (let k = out; k >= this.parameters; k--) {
      const id = blockIds[k]!;
      if (id >= 0) {
        const b = blocks[id]!;
        this.sweepBlock(b, adjoints);
        k = b.first;
        continue;
      }
      const a = adjoints[k]!;
      if (a === 0) continue;
      const node = replayed?.[k];
      const end = offsets[k + 1]!;
      if (node !== undefined) {
        if (node.map !== undefined) node.map.addScaled(node.partials, a, adjoints);
        else for (let j = offsets[k]!; j < end; j++) adjoints[inputs[j]!]! += a * node.partials[positions[j]!]!;
        continue;
      }
      for (let j = offsets[k]!; j < end; j++) adjoints[inputs[j]!]! += a * partials[j]!;
    }
    return adjoints.slice(0, this.parameters);
  }

  private push(v: number, end: number, rule: Recompute | undefined, operandEnd?: number): TapeNum {
    return new TapeNum(v, this.append(v, end, rule, operandEnd), this.recording, this);
  }

  /** Adds node `size` with its inputs ending at slot `end` (and its operands at `operandEnd`), and returns its index. */
  private append(v: number, end: number, rule: Recompute | undefined, operandEnd?: number): number {
    const k = this.size;
    this.rules?.push(rule);
    if (k === this.values.length) {
      this.values = grownFloat(this.values, k + 1);
      this.offsets = grownInt(this.offsets, this.values.length + 1);
      this.operandOffsets = grownInt(this.operandOffsets, this.values.length + 1);
      this.blockIds = grownInt(this.blockIds, this.values.length);
    }
    this.values[k] = v;
    this.blockIds[k] = -1;
    this.offsets[k + 1] = end;
    if (this.rules !== undefined) this.operandOffsets[k + 1] = operandEnd ?? this.operandOffsets[k]!;
    this.size = k + 1;
    return k;
  }

  /** Stores a constant operand and returns its index in `constants`. */
  private constant(x: number): number {
    const c = this.constantCount++;
    if (c === this.constants.length) this.constants = grownFloat(this.constants, c + 1);
    this.constants[c] = x;
    return c;
  }

  private reserveSlots(need: number): void {
    if (need <= this.inputs.length) return;
    this.inputs = grownInt(this.inputs, need);
    this.partials = grownFloat(this.partials, need);
    this.positions = grownInt(this.positions, need);
  }
}
