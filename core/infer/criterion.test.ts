import { describe, expect, it } from 'vitest';
import { mergedNoUTurn } from './index.js';

const v = (...xs: number[]) => Float64Array.from(xs);

/**
 * A segment of a hand-built trajectory under the unit metric, where p♯ = p: its momenta in the order
 * built, summarised as mergedNoUTurn reads them.
 */
function segment(...momenta: Float64Array[]) {
  const rho = new Float64Array(momenta[0]!.length);
  for (const p of momenta) p.forEach((x, i) => (rho[i]! += x));
  return { first: momenta[0]!, last: momenta[momenta.length - 1]!, rho };
}

function keepsGoing(a: ReturnType<typeof segment>, b: ReturnType<typeof segment>, sharp = (p: Float64Array) => p): boolean {
  return mergedNoUTurn(sharp(a.first), a.last, sharp(a.last), a.rho, b.first, sharp(b.first), sharp(b.last), b.rho);
}

/** Momenta of a point circling the origin, a quarter turn every two steps. */
const circling = (k: number) => v(Math.cos((k * Math.PI) / 4), Math.sin((k * Math.PI) / 4));

describe('generalised no-U-turn criterion across merged segments', () => {
  it('keeps going while the trajectory moves on', () => {
    expect(keepsGoing(segment(v(1), v(1)), segment(v(1), v(1)))).toBe(true);
    // Three eighths of a turn: the ends still point along the summed momentum.
    expect(keepsGoing(segment(circling(0), circling(1)), segment(circling(2), circling(3)))).toBe(true);
  });

  it('stops when the merged trajectory turns back on itself', () => {
    // A full turn sums to ρ = 0: no end points along it.
    expect(keepsGoing(segment(circling(0), circling(1), circling(2), circling(3)), segment(circling(4), circling(5), circling(6), circling(7)))).toBe(false);
    expect(keepsGoing(segment(v(1), v(1)), segment(v(1), v(-5)))).toBe(false);
  });

  it('stops on a U-turn across the seam that the ends of the whole trajectory miss', () => {
    // a = (2, −1), b = (−1, 3): ρ = 3 and both ends point along it, so the plain criterion continues;
    // but a extended by b's first point sums to 0, a U-turn only Stan's extra check sees.
    const a = segment(v(2), v(-1));
    const b = segment(v(-1), v(3));
    const whole = a.rho[0]! + b.rho[0]!;
    expect(a.first[0]! * whole > 0 && b.last[0]! * whole > 0).toBe(true);
    expect(keepsGoing(a, b)).toBe(false);
    // Symmetrically b extended by a's last point.
    expect(keepsGoing(segment(v(3), v(-1)), segment(v(-1), v(2)))).toBe(false);
  });

  it('measures the turn with the velocity p♯ = M⁻¹p, not the momentum', () => {
    const a = segment(v(1, 1), v(1, 1));
    const b = segment(v(1, 1), v(1, -1.5));
    // ρ = (4, 1.5): every momentum has a positive dot product with it …
    expect(keepsGoing(a, b)).toBe(true);
    // … but with M⁻¹ = diag(0.1, 10) the last velocity is (0.1, −15), pointing back.
    expect(keepsGoing(a, b, (p) => v(0.1 * p[0]!, 10 * p[1]!))).toBe(false);
  });
});
