import { describe, expect, it } from 'vitest';
import { Chains, chainOf, matrixFromChains } from './index.js';

function twoChains(): Chains {
  const chains = new Chains({ parameters: ['m', 'β[1]', 'β[2]'], generated: ['y_rep[1]'], stats: ['lp', 'step_size'] }, [
    { seed: 1, sampler: 'NUTS', adBackend: 'forward', warmup: 500 },
    { seed: 2, sampler: 'NUTS', adBackend: 'forward', warmup: 500 },
  ]);
  for (let c = 0; c < 2; c++) {
    // three draws a batch, row-major per block
    chains.append(c, { parameters: [1, 2, 3, 4, 5, 6, 7, 8, 9].map((v) => v + 10 * c), generated: [0.1, 0.2, 0.3], stats: [-1, 0.5, -2, 0.5, -3, 0.5] });
  }
  return chains;
}

describe('Chains', () => {
  it('keeps parameters, generated quantities and sampler statistics apart', () => {
    const chains = twoChains();
    expect(chains.parameters).toEqual(['m', 'β[1]', 'β[2]']);
    expect(chains.generated).toEqual(['y_rep[1]']);
    expect(chains.stats).toEqual(['lp', 'step_size']);
    expect(chains.variables).toEqual(['m', 'β[1]', 'β[2]', 'y_rep[1]']);
    expect(chains.kind('lp')).toBe('stat');
    expect(chains.kind('y_rep[1]')).toBe('generated');
    expect(chains.kind('β[2]')).toBe('parameter');
    expect(chains.kind('nope')).toBeUndefined();
  });

  it('appends row-major batches as they stream in, chains growing independently', () => {
    const chains = twoChains();
    expect([...chains.draws('β[1]', 0)]).toEqual([2, 5, 8]);
    expect([...chains.draws('lp', 1)]).toEqual([-1, -2, -3]);
    for (let k = 0; k < 100; k++) chains.append(0, { parameters: [k, k, k], generated: [k], stats: [k, k] });
    expect(chains.nDraws(0)).toBe(103);
    expect(chains.nDraws(1)).toBe(3);
    expect(chains.nDraws()).toBe(3);
    expect(chains.draws('m', 0)[102]).toBe(99);
    // The matrix uses the draws every chain has.
    const x = chains.matrix('m');
    expect([x.draws, x.chains]).toEqual([3, 2]);
    expect([...chainOf(x, 1)]).toEqual([11, 14, 17]);
  });

  it('rejects a batch whose blocks disagree with the layout or with each other', () => {
    const chains = twoChains();
    expect(() => chains.append(0, { parameters: [1, 2] })).toThrow(/whole number of rows/);
    expect(() => chains.append(0, { parameters: [1, 2, 3], generated: [1, 2], stats: [1, 2] })).toThrow(/disagree/);
    expect(() => chains.append(0, { parameters: [1, 2, 3] })).toThrow(/every block/);
    expect(() => chains.append(5, { parameters: [] })).toThrow(/no chain 5/);
    expect(() => new Chains({ parameters: ['a', 'a'] })).toThrow(/twice/);
  });

  it('keeps per-chain run information and takes what arrives later', () => {
    const chains = twoChains();
    expect(chains.info(1)).toEqual({ seed: 2, sampler: 'NUTS', adBackend: 'forward', warmup: 500 });
    chains.setInfo(1, { samplingSeconds: 2.5 });
    expect(chains.info(1).samplingSeconds).toBe(2.5);
    expect(chains.info(0).samplingSeconds).toBeUndefined();
  });

  it('selects by name or base name, in column order, and refuses unknown names', () => {
    const chains = twoChains();
    expect(chains.resolve(['β'])).toEqual(['β[1]', 'β[2]']);
    expect(chains.resolve(['lp', 'm'])).toEqual(['m', 'lp']);
    const picked = chains.select(['β', 'lp']);
    expect(picked.parameters).toEqual(['β[1]', 'β[2]']);
    expect(picked.stats).toEqual(['lp']);
    expect(picked.generated).toEqual([]);
    expect([...picked.draws('β[2]', 1)]).toEqual([13, 16, 19]);
    expect(picked.info(0).seed).toBe(1);
    expect(() => chains.resolve(['γ'])).toThrow(/no variable named 'γ'/);
  });

  it('thins, keeping the first draw and every k-th after it', () => {
    const chains = new Chains({ parameters: ['x'] }, 1);
    chains.append(0, { parameters: [0, 1, 2, 3, 4, 5, 6] });
    const thinned = chains.thin(3);
    expect([...thinned.draws('x', 0)]).toEqual([0, 3, 6]);
    expect(thinned.info(0).thin).toBe(3);
    expect(() => chains.thin(0)).toThrow(/positive integer/);
  });

  it('combines the chains of several runs and refuses mismatched variables', () => {
    const a = twoChains();
    const b = twoChains();
    const all = Chains.combine([a, b]);
    expect(all.nChains).toBe(4);
    expect([...all.draws('m', 3)]).toEqual([...b.draws('m', 1)]);
    expect(all.info(2).seed).toBe(1);
    expect(() => Chains.combine([a, a.select(['m'])])).toThrow(/cannot be combined/);
  });
});

describe('draws × chains matrices', () => {
  it('stores chain after chain and insists on equal lengths', () => {
    const x = matrixFromChains([
      [1, 2],
      [3, 4],
    ]);
    expect([...x.data]).toEqual([1, 2, 3, 4]);
    expect(() => matrixFromChains([[1, 2], [3]])).toThrow(/chain 2 has 1 draws/);
  });
});
