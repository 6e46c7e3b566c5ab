import { describe, expect, it } from 'vitest';
import { Beta, Gamma, filldist, type Distribution } from '../dist/index.js';
import { Rng } from '../rng/index.js';
import { bijectorOf, interiorDraw } from './index.js';

/** How many of `n` draws floating point rounds onto a bound: the link to the unconstrained space is not finite there. */
function onTheEdge(dist: Distribution, draw: (rng: Rng) => ArrayLike<number>, n = 400): number {
  const rng = Rng.seeded(3);
  const b = bijectorOf(dist);
  let edge = 0;
  for (let i = 0; i < n; i++) if (Array.from(b.link(draw(rng))).some((y) => !Number.isFinite(y))) edge++;
  return edge;
}

describe('interiorDraw', () => {
  it("keeps BUGS's vague Gamma(0.001, 0.001), which floating point rounds to 0 half the time, inside (0, ∞)", () => {
    const vague = Gamma(0.001, 0.001);
    const plain = (rng: Rng) => [vague.rand(rng) as number];
    // The family's own draws reach the bound, so the test tests something.
    expect(onTheEdge(vague, plain)).toBeGreaterThan(100);
    expect(onTheEdge(vague, (rng) => interiorDraw(vague, rng) as number[])).toBe(0);
    const rng = Rng.seeded(3);
    const draws = Array.from({ length: 400 }, () => interiorDraw(vague, rng)[0] as number);
    expect(Math.min(...draws)).toBe(Number.MIN_VALUE);
  });

  it('moves a draw on either bound of (0, 1), entry by entry for a filldist, and leaves interior draws as drawn', () => {
    const u = Beta(0.002, 0.002);
    expect(onTheEdge(u, (rng) => [u.rand(rng) as number])).toBeGreaterThan(100);
    expect(onTheEdge(u, (rng) => interiorDraw(u, rng) as number[])).toBe(0);
    const several = filldist(Beta(0.002, 0.002), 5);
    expect(onTheEdge(several, (rng) => interiorDraw(several, rng) as number[], 100)).toBe(0);
    const usual = Gamma(2, 1);
    expect(interiorDraw(usual, Rng.seeded(7))).toEqual([usual.rand(Rng.seeded(7))]);
  });
});
