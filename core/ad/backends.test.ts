import { describe, expect, it } from 'vitest';
import { autoBackend, makeGradient, ops, parseBackend, resolveBackend, UnknownBackendError, UnsupportedBackendError, BACKEND_NAMES, type BackendName, type Real } from './index.js';

const f = (t: readonly Real[]): Real => ops.sumOf(t.map(ops.abs2));

describe('parseBackend', () => {
  it.each([
    ['forwarddiff', 'forwarddiff', {}],
    ['ForwardDiff', 'forwarddiff', {}],
    ['forwarddiff:chunk=4', 'forwarddiff', { chunk: 4 }],
    [' AutoForwardDiff(chunksize=3) ', 'forwarddiff', { chunk: 3 }],
    ['AutoForwardDiff(; chunksize=nothing)', 'forwarddiff', {}],
    ['reversediff', 'reversediff', {}],
    ['reversediff:compile', 'reversediff', { compile: true }],
    ['reversediff:compile=false', 'reversediff', { compile: false }],
    ['reversediff-compiled', 'reversediff', { compile: true }],
    ['AutoReverseDiff(; compile=true)', 'reversediff', { compile: true }],
    ['tracker', 'tracker', {}],
    ['AutoTracker()', 'tracker', {}],
    ['finitedifferences', 'finitedifferences', {}],
  ])('%s', (text, name, options) => {
    expect(parseBackend(text)).toEqual({ name, options });
  });

  it.each(['enzyme', 'forwarddiff:compile', 'tracker:chunk=2', 'forwarddiff:chunk=0', 'forwarddiff:chunk=two', 'reversediff:compile=maybe', 'reversediff:tape', 'forward diff', ''])(
    'refuses %j',
    (text) => {
      expect(() => parseBackend(text)).toThrow(UnknownBackendError);
    },
  );

  it('lists the backends when the name is unknown', () => {
    expect(() => parseBackend('enzyme')).toThrow('unknown AD backend `enzyme`; the backends are forwarddiff, reversediff, tracker, finitedifferences');
  });

  it('sends `auto` to resolveBackend', () => {
    expect(() => parseBackend('auto')).toThrow(/resolveBackend/);
  });
});

describe('Zygote', () => {
  const refusals = ['zygote', 'Zygote', 'ZYGOTE', 'AutoZygote()', 'zygote:compile', 'Zygote.jl'];

  it.each(refusals)('%s is refused with the reason and the alternatives', (text) => {
    let caught: unknown;
    try {
      parseBackend(text);
    } catch (e) {
      caught = e;
    }
    expect(caught).toBeInstanceOf(UnsupportedBackendError);
    const message = (caught as Error).message;
    for (const part of ['removed from Tilde, as it was from Turing', 'memory', 'control flow and mutation', 'maintaining', '`forwarddiff`', 'up to about 20', '`reversediff`', 'compiled']) {
      expect(message).toContain(part);
    }
  });

  it('is refused by resolveBackend and makeGradient too', () => {
    expect(() => resolveBackend('Zygote', 3)).toThrow(UnsupportedBackendError);
    expect(() => makeGradient(f, 3, 'Zygote' as BackendName)).toThrow(UnsupportedBackendError);
  });
});

describe('autoBackend', () => {
  it('forwarddiff up to 20 parameters, reversediff beyond', () => {
    expect([0, 1, 20, 21, 1000].map(autoBackend)).toEqual(['forwarddiff', 'forwarddiff', 'forwarddiff', 'reversediff', 'reversediff']);
  });

  it('resolves `auto` by the dimension and passes anything else to parseBackend', () => {
    expect(resolveBackend('auto', 5)).toEqual({ name: 'forwarddiff', options: {} });
    expect(resolveBackend(' AUTO ', 50)).toEqual({ name: 'reversediff', options: {} });
    expect(resolveBackend('tracker', 50)).toEqual({ name: 'tracker', options: {} });
  });
});

describe('makeGradient', () => {
  it('says which backend it is and how it works', () => {
    for (const name of BACKEND_NAMES) {
      const g = makeGradient(f, 30, name);
      expect(g.backend).toBe(name);
      expect(g.description.length).toBeGreaterThan(10);
    }
    expect(makeGradient(f, 30, 'forwarddiff').description).toContain('chunk 10: 3 evaluations per gradient');
    expect(makeGradient(f, 30, 'forwarddiff', { chunk: 30 }).description).toContain('chunk 30: 1 evaluation per gradient');
    expect(makeGradient(f, 30, 'reversediff', { compile: true }).description).toContain('compiled');
  });

  it('checks the options and the dimension', () => {
    expect(() => makeGradient(f, 3, 'tracker', { compile: true })).toThrow(/option of reversediff only/);
    expect(() => makeGradient(f, 3, 'forwarddiff', { chunk: 1.5 })).toThrow(/positive integer/);
    expect(() => makeGradient(f, 3, 'reversediff')([1, 2])).toThrow(/made for 3 parameters, given 2/);
  });

  it('compiled: records at the first call only, then replays without running the function', () => {
    let runs = 0;
    const g = makeGradient(
      (t) => {
        runs++;
        return ops.exp(ops.mul(t[0]!, 2));
      },
      1,
      'reversediff',
      { compile: true },
    );
    expect(g([0])).toEqual({ value: 1, grad: Float64Array.of(2) });
    expect(g([0.5])).toEqual({ value: Math.E, grad: Float64Array.of(2 * Math.E) });
    expect(runs).toBe(1);
  });
});

describe('finitedifferences', () => {
  it('keeps its digits at a large log density (a five-point stencil, step ~1e-3): to 1e-7 where f ≈ −10⁵', () => {
    const big = (t: readonly Real[]): Real => ops.add(-1e5, ops.sumOf(t.map((x) => ops.mul(3, ops.sin(x)))));
    const theta = [0.3, -1.2, 2.5];
    const { value, grad } = makeGradient(big, 3, 'finitedifferences')(theta);
    expect(value).toBeCloseTo(-1e5 + 3 * (Math.sin(0.3) + Math.sin(-1.2) + Math.sin(2.5)), 8);
    theta.forEach((x, i) => expect(Math.abs(grad[i]! - 3 * Math.cos(x))).toBeLessThan(1e-7));
  });
});
