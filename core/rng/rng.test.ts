import { describe, expect, it } from 'vitest';
import { Rng } from './index.js';

describe('Rng', () => {
  it('is deterministic, and split(k) does not depend on draws already taken', () => {
    const a = Rng.seeded(42);
    const b = Rng.seeded(42);
    b.uniform();
    b.normal();
    expect(a.split(3).uniform()).toBe(b.split(3).uniform());
    expect(Rng.seeded(42).uniform()).toBe(Rng.seeded(42).uniform());
  });

  it('fork gives a new independent child at each call, the same ones from the same seed', () => {
    const a = Rng.seeded(5);
    const children = [a.fork(), a.fork(), a.fork()].map((c) => c.uniform());
    expect(new Set(children).size).toBe(3);
    const b = Rng.seeded(5);
    expect([b.fork(), b.fork(), b.fork()].map((c) => c.uniform())).toEqual(children);
  });

  it('gives different first outputs for different seeds and split indices (every key word is mixed)', () => {
    const firsts = new Set<number>();
    for (let seed = 0; seed < 50; seed++) for (let k = 0; k < 20; k++) firsts.add(Rng.seeded(seed).split(k).uniform());
    expect(firsts.size).toBe(1000);
  });

  it('the first draws of 2000 split streams are uniform (χ² over 10 bins)', () => {
    const bins = new Array<number>(10).fill(0);
    const root = Rng.seeded(7);
    for (let k = 0; k < 2000; k++) bins[Math.floor(root.split(k).uniform() * 10)]!++;
    const chi2 = bins.reduce((acc, b) => acc + (b - 200) ** 2 / 200, 0);
    // 27.88 is the 0.999 quantile of χ² with 9 degrees of freedom.
    expect(chi2).toBeLessThan(27.88);
  });

  it('uniform and normal have the right first two moments', () => {
    const rng = Rng.seeded(1);
    const n = 100_000;
    let su = 0;
    let su2 = 0;
    let sz = 0;
    let sz2 = 0;
    for (let i = 0; i < n; i++) {
      const u = rng.uniform();
      const z = rng.normal();
      su += u;
      su2 += u * u;
      sz += z;
      sz2 += z * z;
    }
    // Four standard errors: uniform mean sd √(1/12n), normal mean sd √(1/n), normal variance sd √(2/n).
    expect(Math.abs(su / n - 0.5)).toBeLessThan(4 * Math.sqrt(1 / 12 / n));
    expect(Math.abs(su2 / n - 1 / 3)).toBeLessThan(4 * Math.sqrt(4 / 45 / n));
    expect(Math.abs(sz / n)).toBeLessThan(4 / Math.sqrt(n));
    expect(Math.abs(sz2 / n - 1)).toBeLessThan(4 * Math.sqrt(2 / n));
  });
});
