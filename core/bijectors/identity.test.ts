import { describe, expect, it } from 'vitest';
import { bijectorFor } from './index.js';
import { checkAt, invlinkValues } from './testing.js';

describe('real and discrete supports', () => {
  it('real is the identity with log|J| = 0 over its whole length', () => {
    const b = bijectorFor({ kind: 'real' }, 3);
    expect([b.constrainedLength, b.unconstrainedLength, b.discrete]).toEqual([3, 3, false]);
    expect(invlinkValues(b, [-1e300, 0, 7])).toEqual({ x: [-1e300, 0, 7], logJac: 0 });
    checkAt(b, [-2, 0.5, 40]);
  });

  it('real defaults to one element', () => {
    expect(bijectorFor({ kind: 'real' }).constrainedLength).toBe(1);
  });

  it('discrete keeps values as they are and says so', () => {
    const b = bijectorFor({ kind: 'discrete' }, 2);
    expect(b.discrete).toBe(true);
    expect(Array.from(b.link([3, 0]))).toEqual([3, 0]);
    expect(invlinkValues(b, [3, 0])).toEqual({ x: [3, 0], logJac: 0 });
  });

  it('rejects a vector of the wrong length', () => {
    expect(() => bijectorFor({ kind: 'real' }, 2).invlink([1])).toThrow(/expected 2 values, got 1/);
  });
});
