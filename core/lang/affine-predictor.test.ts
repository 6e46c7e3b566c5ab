import { describe, expect, it, vi } from 'vitest';
import { Tape } from '../ad/index.js';
import { BoundModel } from '../model/index.js';
import { Rng } from '../rng/index.js';
import { prepare } from './index.js';
import { jsonData } from './testing.js';

const rng = Rng.seeded(11);
const N = 90;
const G = 6;
const data = {
  x: Array.from({ length: N }, () => rng.normal()),
  X: Array.from({ length: N }, () => [rng.normal(), rng.normal(), rng.normal()]),
  g: Array.from({ length: N }, (_, i) => 1 + (i % G)),
  y: Array.from({ length: N }, () => 2 * rng.normal()),
};

/** The same hierarchical regression with its linear predictor written as `predictor`. */
function model(predictor: string, before = ''): BoundModel {
  const source = `@model function m(x, X, g, y)
    α ~ Normal(0, 2)
    a ~ filldist(Normal(α, 1), ${G})
    β ~ filldist(Normal(0, 1), size(X, 2))
    σ ~ Exponential(1)
    ${before}
    y ~ MvNormal(${predictor}, σ^2 * I)
end
`;
  const p = prepare({ source, data: jsonData(data) });
  if (!p.ok) throw new Error(p.diagnostics.map((d) => d.message).join('; '));
  return BoundModel.discover(p.value.model, p.value.args, Rng.seeded(1)).bound;
}

const theta = [0.3, -0.2, 0.5, 0.1, -0.4, 0.8, 0.05, 1.1, -0.7, 0.2, -0.3];

describe('a .+ X * β as one block', () => {
  it('gives the log density and gradient of the product and the sum written apart, bit for bit, on every backend and the compiled tape', () => {
    for (const [fused, apart] of [
      ['a[g] .+ X * β', 'a[g] .+ η'],
      ['X * β .+ a[g]', 'η .+ a[g]'],
      ['α .+ X * β', 'α .+ η'],
      ['X * β .+ α', 'η .+ α'],
    ] as const) {
      const one = model(fused);
      const two = model(apart, 'η = X * β');
      expect(one.logdensity(theta), fused).toBe(two.logdensity(theta));
      for (const backend of ['reversediff', 'forwarddiff', 'tracker'] as const) {
        expect(one.gradient(backend)(theta), `${fused} with ${backend}`).toEqual(two.gradient(backend)(theta));
      }
      const compiledOne = one.gradient('reversediff', { compile: true });
      const compiledTwo = two.gradient('reversediff', { compile: true });
      for (const t of [theta, theta.map((v) => v / 2)]) expect(compiledOne(t), `${fused} compiled`).toEqual(compiledTwo(t));
    }
  });

  it('and a .+ b .* c, scalars or vectors in either order, bit for bit as written apart', () => {
    for (const [fused, apart, before] of [
      ['α .+ β[1] .* x', 'α .+ η', 'η = β[1] .* x'],
      ['β[1] .* x .+ α', 'η .+ α', 'η = β[1] .* x'],
      ['a[g] .+ x .* β[2]', 'a[g] .+ η', 'η = x .* β[2]'],
      ['a[g] .+ a[g] .* x', 'a[g] .+ η', 'η = a[g] .* x'],
    ] as const) {
      const one = model(fused);
      const two = model(apart, before);
      expect(one.logdensity(theta), fused).toBe(two.logdensity(theta));
      for (const backend of ['reversediff', 'tracker'] as const) expect(one.gradient(backend)(theta), `${fused} with ${backend}`).toEqual(two.gradient(backend)(theta));
      expect(one.gradient('reversediff', { compile: true })(theta), `${fused} compiled`).toEqual(two.gradient('reversediff', { compile: true })(theta));
    }
  });

  it('records one block on the reverse tape where the product and the sum took two', () => {
    const blocks = vi.spyOn(Tape.prototype, 'block');
    model('a[g] .+ X * β').gradient('reversediff')(theta);
    expect(blocks).toHaveBeenCalledTimes(1);
    blocks.mockClear();
    model('a[g] .+ η', 'η = X * β').gradient('reversediff')(theta);
    expect(blocks).toHaveBeenCalledTimes(2);
    blocks.mockClear();
    model('α .+ β[1] .* x').gradient('reversediff')(theta);
    expect(blocks).toHaveBeenCalledTimes(1);
    blocks.mockRestore();
  });

  it('reports a product of the wrong size at the product, as written apart', () => {
    const source = '@model function m(X, y)\n    β ~ filldist(Normal(), 2)\n    y ~ MvNormal(1 .+ X * β, I)\nend\n';
    const p = prepare({ source, data: jsonData({ X: data.X, y: data.y }) });
    expect(p.ok).toBe(true);
    if (!p.ok) return;
    expect(() => BoundModel.discover(p.value.model, p.value.args, Rng.seeded(1))).toThrow(expect.objectContaining({ message: expect.stringContaining('dimension mismatch'), span: expect.objectContaining({ from: source.indexOf('X * β') }) }));
  });
});
