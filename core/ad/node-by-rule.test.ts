import { describe, expect, it } from 'vitest';
import { BACKEND_NAMES, makeGradient, nodeByRule, type Real, type Recompute } from './index.js';

/** Σ wᵢ xᵢ² over twelve inputs: more than fit in a typed array V8 keeps in its heap, so the reused buffers are used. */
const N = 12;
const weights = Float64Array.from({ length: N }, (_, i) => i + 1);
const weightedSquares: Recompute = (x, p) => {
  let s = 0;
  for (let i = 0; i < N; i++) {
    s += weights[i]! * x[i]! * x[i]!;
    p[i] = 2 * weights[i]! * x[i]!;
  }
  return s;
};

/** Writes only the first input's partial: the others must read as zero, whatever an earlier node left there. */
const firstOnly: Recompute = (x, p) => {
  p[0] = 3;
  return 3 * x[0]!;
};

describe('nodeByRule', () => {
  const theta = Float64Array.from({ length: N }, (_, i) => 0.1 * (i - 5));

  it.each(BACKEND_NAMES.filter((b) => b !== 'finitedifferences'))('%s: a rule that makes a node of the same length inside its own call gets buffers of its own', (backend) => {
    // The outer rule's arguments are read after the inner node is made: shared buffers would hold the inner node's.
    const nested: Recompute = (x, p) => {
      const inner = nodeByRule(Array.from(x, (v) => 2 * v), weightedSquares) as number;
      return inner + weightedSquares(x, p);
    };
    const f = (t: readonly Real[]): Real => nodeByRule(t, nested);
    const { value, grad } = makeGradient(f, N, backend)(theta);
    const plain = 5 * weightedSquares(theta, new Float64Array(N));
    expect(value).toBeCloseTo(plain, 12);
    // The inner node is made on plain numbers (a constant to the backends), so only the outer partials count.
    expect(Array.from(grad)).toEqual(Array.from(theta, (x, i) => 2 * weights[i]! * x));
  });

  it.each(BACKEND_NAMES.filter((b) => b !== 'finitedifferences'))('%s: partials a rule leaves unwritten are zero after a node that wrote them all', (backend) => {
    const f = (t: readonly Real[]): Real => {
      const a = nodeByRule(t, weightedSquares);
      const b = nodeByRule(t, firstOnly);
      return nodeByRule([a, b], (x, p) => {
        p[0] = 1;
        p[1] = 1;
        return x[0]! + x[1]!;
      });
    };
    const { grad } = makeGradient(f, N, backend)(theta);
    expect(Array.from(grad)).toEqual(Array.from(theta, (x, i) => 2 * weights[i]! * x + (i === 0 ? 3 : 0)));
  });
});
