import { describe, expect, it } from 'vitest';
import { LKJCholesky, Normal } from '../dist/index.js';
import { chainEntries, fromHeld, heldOf } from './index.js';

describe('chainEntries', () => {
  it('names a Cholesky factor as DynamicPPL does, Ω.L[i, j] over its lower triangle (Ω.U over the upper), column-major', () => {
    const lower = chainEntries('Ω', LKJCholesky(3, 2));
    expect(lower.names).toHaveLength(9);
    expect(heldOf(lower.held, lower.names)).toEqual(['Ω.L[1, 1]', 'Ω.L[2, 1]', 'Ω.L[3, 1]', 'Ω.L[2, 2]', 'Ω.L[3, 2]', 'Ω.L[3, 3]']);
    const upper = chainEntries('Ω', LKJCholesky(2, 1, 'U'));
    expect(heldOf(upper.held, upper.names)).toEqual(['Ω.U[1, 1]', 'Ω.U[1, 2]', 'Ω.U[2, 2]']);
    // Column-major: U = [1 0.6; 0 0.8] is stored 1, 0, 0.6, 0.8.
    expect(fromHeld(upper.held, 4, [1, 0.6, 0.8])).toEqual([1, 0, 0.6, 0.8]);
  });

  it('holds every entry of anything else, under its plain name', () => {
    const normal = chainEntries('μ', Normal(0, 1));
    expect(normal).toEqual({ names: ['μ'], held: undefined });
    expect(heldOf(normal.held, [0.5])).toEqual([0.5]);
  });
});
