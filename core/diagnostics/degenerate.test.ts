import { describe, expect, it } from 'vitest';
import { drawsMatrix, matrixFromChains, type DrawsMatrix } from '../chains/index.js';
import { Rng } from '../rng/index.js';
import * as d from './index.js';

const perMatrix: Record<string, (x: DrawsMatrix) => number> = {
  rhat: d.rhat,
  rhatBasic: d.rhatBasic,
  essBulk: d.essBulk,
  essTail: d.essTail,
  essBasic: d.essBasic,
  essSd: d.essSd,
  essMedian: d.essMedian,
  mcseMean: d.mcseMean,
  mcseSd: d.mcseSd,
  mcseMedian: d.mcseMedian,
  mcseQ5: (x) => d.mcseQuantile(x, 0.05),
};

function normals(chains: number, draws: number): number[][] {
  const rng = Rng.seeded(3);
  return Array.from({ length: chains }, () => Array.from({ length: draws }, () => rng.normal()));
}

describe('degenerate draws give NaN, never an exception', () => {
  const cases: Record<string, DrawsMatrix> = {
    'a constant column': matrixFromChains([
      [1, 1, 1, 1, 1],
      [1, 1, 1, 1, 1],
    ]),
    'a NaN draw': matrixFromChains(normals(4, 100).map((c, i) => (i === 2 ? c.map((v, j) => (j === 50 ? NaN : v)) : c))),
    'one draw': matrixFromChains([[1], [2], [3]]),
    'two draws': matrixFromChains([
      [1, 2],
      [3, 4],
    ]),
    'no draws': drawsMatrix(new Float64Array(0), 0, 4),
    'no chains': drawsMatrix(new Float64Array(0), 100, 0),
  };
  for (const [what, x] of Object.entries(cases)) {
    it(what, () => {
      for (const [name, f] of Object.entries(perMatrix)) expect(f(x), name).toBeNaN();
    });
  }

  it('a chain that is constant while others vary is no degenerate column: R-hat is finite and large', () => {
    const [a, b] = normals(2, 200);
    const x = matrixFromChains([a!, b!, new Array(200).fill(5)]);
    expect(d.rhat(x)).toBeGreaterThan(1.5);
    expect(d.essBulk(x)).toBeGreaterThan(0);
  });

  it('an infinite draw leaves the rank-based R-hat and bulk ESS defined but not the moment-based ones, as in posterior', () => {
    const chains = normals(4, 100);
    chains[1]![10] = Infinity;
    const x = matrixFromChains(chains);
    expect(Number.isFinite(d.rhat(x))).toBe(true);
    expect(Number.isFinite(d.essBulk(x))).toBe(true);
    expect(d.essTail(x)).toBeNaN();
    expect(d.mcseMean(x)).toBeNaN();
  });
});

describe('odd chain lengths', () => {
  it('split chains drop the middle draw, as posterior does', () => {
    const x = matrixFromChains([
      [1, 2, 3, 4, 5],
      [6, 7, 8, 9, 10],
    ]);
    const s = d.splitChains(x);
    expect(s.draws).toBe(2);
    expect(s.chains).toBe(4);
    expect([...s.data]).toEqual([1, 2, 6, 7, 4, 5, 9, 10]);
  });

  it('every diagnostic of 999-draw chains is that of the 998 draws left when each middle draw goes', () => {
    const odd = normals(4, 999).map((c) => c.map((v, i) => v + 0.001 * i));
    const even = odd.map((c) => [...c.slice(0, 499), ...c.slice(500)]);
    const xOdd = matrixFromChains(odd);
    const splitOdd = d.splitChains(xOdd);
    const splitEven = d.splitChains(matrixFromChains(even));
    expect([...splitOdd.data]).toEqual([...splitEven.data]);
    expect(d.rhatBasic(xOdd)).toBe(d.rhatKernel(splitEven));
    expect(d.essBasic(xOdd)).toBe(d.essKernel(splitEven));
    for (const f of Object.values(perMatrix)) expect(Number.isFinite(f(xOdd))).toBe(true);
  });
});
