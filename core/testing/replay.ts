import { expect } from 'vitest';
import { ADNum, value, type NodeFactory, type Real, type Recompute } from '../ad/index.js';

class CheckedNum extends ADNum {
  constructor(
    readonly v: number,
    readonly backend: ReplayChecker,
  ) {
    super();
  }
}

const same = (a: number, b: number) => a === b || (Number.isNaN(a) && Number.isNaN(b));

/**
 * A backend that only checks: every node must come with a recompute rule that, run on its inputs'
 * values (in buffers longer than the arity, as a compiled tape passes them), gives back the node's value
 * and partials bit for bit. A compiled reverse tape replays exactly these rules.
 */
class ReplayChecker implements NodeFactory {
  constructor(private readonly label: string) {}

  node(v: number, inputs: readonly Real[], partials: ArrayLike<number>, recompute?: Recompute): ADNum {
    expect(recompute, `${this.label}: a node without a recompute rule`).toBeDefined();
    const n = inputs.length;
    const x = new Float64Array(n + 2);
    inputs.forEach((input, i) => (x[i] = value(input)));
    const p = new Float64Array(n + 2);
    const rv = recompute!(x, p);
    expect(same(rv, v), `${this.label}: rule value ${rv} vs node ${v}`).toBe(true);
    for (let i = 0; i < n; i++) expect(same(p[i]!, partials[i]!), `${this.label}: rule partial ${i} ${p[i]} vs node ${partials[i]}`).toBe(true);
    return new CheckedNum(v, this);
  }
}

/**
 * Runs `f` on `at` as AD values of a checking backend: every node `f` builds must bring a recompute rule
 * that reproduces it, which is what a compiled reverse tape needs to replay `f` at other values.
 */
export function expectReplayableNodes<T>(f: (xs: readonly Real[]) => T, at: readonly number[], label = ''): T {
  const checker = new ReplayChecker(label);
  return f(at.map((x) => new CheckedNum(x, checker)));
}
