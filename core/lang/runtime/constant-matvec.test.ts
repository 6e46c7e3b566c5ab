import { describe, expect, it, vi } from 'vitest';
import { compileGradient, reverseGradient, Tape, trackerGradient, type Real } from '../../ad/index.js';
import { JArray } from '../../model/index.js';
import { Rng } from '../../rng/index.js';
import { binaryOp } from './index.js';

/** A frozen (bound-data) rows × cols matrix of normal draws, column-major as Julia stores it. */
function dataMatrix(rng: Rng, rows: number, cols: number): JArray {
  const m = new JArray([rows, cols], Array.from({ length: rows * cols }, () => rng.normal()), 'float');
  m.frozen = true;
  return m;
}

/** Σᵢ wᵢ (X β)ᵢ with distinct weights, so every output's adjoint differs. */
function weighted(X: JArray): (t: readonly Real[]) => Real {
  return (t) => {
    const y = binaryOp('*', X, new JArray([t.length], [...t])) as JArray;
    let s: Real = 0;
    y.data.forEach((e, i) => (s = binaryOp('+', s, binaryOp('*', e!, 1 + i / 7)) as Real));
    return s;
  };
}

describe('X * β with bound data X', () => {
  it('gives the values of one node per row (tracker) bit for bit, and its gradients, as one block (reverse tape)', () => {
    const rng = Rng.seeded(5);
    for (const [rows, cols] of [[7, 5], [9, 3], [8, 8], [1, 2], [13, 6]] as const) {
      const f = weighted(dataMatrix(rng, rows, cols));
      const beta = Array.from({ length: cols }, () => rng.normal());
      const rowByRow = trackerGradient(f, beta);
      for (const blocked of [reverseGradient(f, beta), compileGradient(f, beta.map((b) => b + 1))(beta)]) {
        expect(blocked.value, `${rows}×${cols}`).toBe(rowByRow.value);
        // The sweeps add a column's terms in different orders, so gradients agree to rounding.
        blocked.grad.forEach((g, j) => expect(g, `${rows}×${cols}, β[${j + 1}]`).toBeCloseTo(rowByRow.grad[j]!, 13));
      }
    }
  });

  it('makes a design matrix the model builds from data (`hcat(d, a, d .* a)`) one block too', () => {
    const rng = Rng.seeded(8);
    const built = new JArray([40, 3], Array.from({ length: 120 }, () => rng.normal()), 'float');
    const tape = new Tape();
    const beta = tape.begin([0.5, -1, 2], true);
    const block = vi.spyOn(tape, 'block');
    const y = binaryOp('*', built, new JArray([3], [...beta])) as JArray;
    expect(block).toHaveBeenCalledTimes(1);
    expect(y.shape).toEqual([40]);
    const f = weighted(built);
    const rowByRow = trackerGradient(f, [0.5, -1, 2]);
    expect(compileGradient(f, [1, 1, 1])([0.5, -1, 2]).value).toBe(rowByRow.value);
  });
});
