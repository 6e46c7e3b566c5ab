import { describe, expect, it } from 'vitest';
import { CompiledTapeError, checkDomain, checkDomainOf, compileGradient, compileValues, finiteDifferenceGradient, makeGradient, node, noteValueDependence, ops, reverseGradient, value, type BlockOp, type Real } from './index.js';
import { expectGradientClose, randomPoints } from './test-support.js';

/** Everything a compiled tape must recompute at a new θ: partials that change sign, min/max that swap, constants. */
function model(t: readonly Real[]): Real {
  const [a, b, c, d] = t;
  const terms = [ops.mul(ops.abs(a!), b!), ops.max(b!, c!), ops.pow(ops.exp(c!), d!), ops.pow(a!, 3), ops.lgammaOp(ops.add(1, ops.abs2(d!)))];
  return ops.sub(ops.logsumexpOf(terms), ops.dotOf(t, [1, -2, 0.5, 3]));
}

describe('compiled tape', () => {
  it('replays at many points what fresh recordings give', () => {
    const [first, ...others] = randomPoints(2, 4, 8);
    const gradient = compileGradient(model, first!);
    for (const theta of others) {
      const replayed = gradient(theta);
      expectGradientClose(replayed, reverseGradient(model, theta), 1e-12, `replay at ${theta.join(', ')}`);
      expectGradientClose(replayed, finiteDifferenceGradient(model, theta), 1e-6, `against finite differences at ${theta.join(', ')}`);
    }
  });

  it('replays linear nodes exactly, whatever the scale at which they were recorded', () => {
    const affine = ([x, y]: readonly Real[]): Real =>
      ops.sumOf([ops.add(x!, 0.1), ops.sub(3, y!), ops.mul(2, x!), ops.mul(y!, -4), ops.div(x!, 8), ops.neg(y!), ops.dotOf([x!, y!], [0.5, 7]), 0.25]);
    const gradient = compileGradient(affine, [1e10, -3e12]);
    const at = [1e-3, 2.5];
    const fresh = reverseGradient(affine, at);
    expect(gradient(at).value).toBe(fresh.value);
    expect(Array.from(gradient(at).grad)).toEqual(Array.from(fresh.grad));
  });

  it('replays and sweeps multi-output blocks, also when the result is one of their outputs', () => {
    // y = (x₀x₁, x₁ + 3, x₀²): a constant input and a nonlinear backward.
    const op: BlockOp = {
      forward(x, out, at) {
        out[at] = x[0]! * x[1]!;
        out[at + 1] = x[1]! + x[2]!;
        out[at + 2] = x[0]! * x[0]!;
      },
      backward(x, adjoint, at, adjX) {
        adjX[0]! += adjoint[at]! * x[1]! + 2 * x[0]! * adjoint[at + 2]!;
        adjX[1]! += adjoint[at]! * x[0]! + adjoint[at + 1]!;
        adjX[2]! += adjoint[at + 1]!;
      },
    };
    const outputs = (t: readonly Real[]): Real[] => {
      const backend = typeof t[0] === 'number' ? undefined : t[0]!.backend;
      return backend?.block?.(([t[0]!, t[1]!, 3] as Real[]), op, 3) ?? [ops.mul(t[0]!, t[1]!), ops.add(t[1]!, 3), ops.mul(t[0]!, t[0]!)];
    };
    const whole = (t: readonly Real[]): Real => {
      const [a, b, c] = outputs(t);
      return ops.add(ops.mul(ops.exp(a!), b!), ops.mul(c!, 0.5));
    };
    const middle = (t: readonly Real[]): Real => outputs(t)[1]!;
    for (const f of [whole, middle]) {
      const compiled = compileGradient(f, [0.4, -0.3]);
      for (const theta of randomPoints(3, 2, 4)) {
        const expected = finiteDifferenceGradient(f, theta);
        expectGradientClose(reverseGradient(f, theta), expected, 1e-6, `recorded at ${theta.join(', ')}`);
        expectGradientClose(compiled(theta), expected, 1e-6, `replayed at ${theta.join(', ')}`);
      }
    }
  });

  it('moves long stretches of consecutive nodes in one piece and scattered or repeated ones one at a time', () => {
    // A block over all twelve parameters in order, then some again and a constant; a rule node over its
    // outputs with a constant between them: both kinds of stretch, on the way in and on the way back.
    const d = 12;
    const inputs = (t: readonly Real[]): Real[] => [...t, t[3]!, t[3]!, t[0]!, 2];
    const m = d + 4;
    const op: BlockOp = {
      forward(x, out, at) {
        for (let i = 0; i < m - 1; i++) out[at + i] = x[i]! * x[i]! * x[m - 1]!;
      },
      backward(x, adjoint, at, adjX) {
        for (let i = 0; i < m - 1; i++) adjX[i]! += 2 * x[i]! * x[m - 1]! * adjoint[at + i]!;
      },
    };
    const f = (t: readonly Real[]): Real => {
      const backend = typeof t[0] === 'number' ? undefined : t[0]!.backend;
      const xs = inputs(t);
      const squares = backend?.block?.(xs, op, m - 1) ?? xs.slice(0, m - 1).map((x) => ops.mul(ops.mul(x, x), 2));
      return ops.logsumexpOf([...squares.slice(0, 10), 1.5, ...squares.slice(10)]);
    };
    const [first, ...others] = randomPoints(5, d, 4);
    const compiled = compileGradient(f, first!);
    for (const theta of others) {
      expectGradientClose(compiled(theta), reverseGradient(f, theta), 1e-12, `replay at ${theta.join(', ')}`);
      expectGradientClose(compiled(theta), finiteDifferenceGradient(f, theta), 1e-6, `against finite differences at ${theta.join(', ')}`);
    }
  });

  it('replays nodes of one, two and many inputs, repeated ones among them, to the bits of a fresh recording', () => {
    const f = (t: readonly Real[]): Real => {
      const terms: Real[] = [];
      for (let i = 0; i < t.length; i++) terms.push(ops.exp(ops.mul(t[i]!, t[(i + 1) % t.length]!)), ops.log1p(ops.abs2(t[0]!)), ops.log(ops.add(2, ops.abs2(t[i]!))));
      return ops.add(ops.logsumexpOf(terms), ops.logsumexpOf([t[9]!, t[2]!, t[5]!, t[0]!]));
    };
    const [first, ...others] = randomPoints(6, 10, 4);
    const compiled = compileGradient(f, first!);
    for (const theta of others) {
      const replayed = compiled(theta);
      const fresh = reverseGradient(f, theta);
      expect(replayed.value).toBe(fresh.value);
      expect(Array.from(replayed.grad)).toEqual(Array.from(fresh.grad));
    }
  });

  it('replays for values only what the outputs depend on', () => {
    let unneeded = 0;
    const f = ([x, y]: readonly Real[]): Real[] => {
      node(value(y!) * 2, [y!], [2], (v, p) => {
        unneeded++;
        p[0] = 2;
        return v[0]! * 2;
      });
      return [ops.exp(x!), ops.add(ops.mul(x!, y!), 1), 4];
    };
    const values = compileValues(f, [0.5, 2]);
    const before = unneeded;
    expect(Array.from(values([1, 3]))).toEqual([Math.E, 4, 4]);
    expect(Array.from(values([0, -1]))).toEqual([1, 1, 4]);
    expect(unneeded).toBe(before);
  });

  it('refuses a function whose control flow depended on a parameter, naming the statement', () => {
    const branchy = ([x, y]: readonly Real[]): Real => {
      noteValueDependence(x!, '`if x > 0` on line 3');
      return value(x!) > 0 ? ops.mul(x!, y!) : ops.exp(y!);
    };
    expect(() => compileGradient(branchy, [1, 2])).toThrow(CompiledTapeError);
    expect(() => compileGradient(branchy, [1, 2])).toThrow(/`if x > 0` on line 3 depends on a parameter's value.*reversediff without compile/);
    const gradient = makeGradient(branchy, 2, 'reversediff', { compile: true });
    expect(() => gradient([1, 2])).toThrow(/`if x > 0` on line 3/);
    // The same note outside a compiled recording changes nothing.
    expectGradientClose(reverseGradient(branchy, [-1, 2]), finiteDifferenceGradient(branchy, [-1, 2]), 1e-6, 'plain reverse');
  });

  it('ignores notes about plain numbers', () => {
    const f = ([x]: readonly Real[]): Real => {
      noteValueDependence(2, 'a constant');
      return ops.exp(x!);
    };
    expectGradientClose(compileGradient(f, [0])([1]), { value: Math.E, grad: Float64Array.of(Math.E) }, 1e-15, 'exp');
  });

  it('refuses a node without a recompute rule', () => {
    const handWritten = ([x]: readonly Real[]): Real => ops.exp(node(2 * value(x!), [x!], [2]));
    expect(() => compileGradient(handWritten, [1])).toThrow(/without a recompute rule/);
  });

  it('accepts a hand-written node that brings its rule', () => {
    const withRule = ([x, y]: readonly Real[]): Real =>
      node(value(x!) * value(y!) + 1, [x!, y!, 1], [value(y!), value(x!), 1], (v, p) => {
        p[0] = v[1]!;
        p[1] = v[0]!;
        p[2] = 1;
        return v[0]! * v[1]! + v[2]!;
      });
    expectGradientClose(compileGradient(withRule, [1, 2])([3, 5]), { value: 16, grad: Float64Array.of(5, 3) }, 0, 'rule');
  });

  describe('argument checks', () => {
    const negative = (v: number): Error => new RangeError(`log of ${v}`);
    const nonNegative = (v: number): boolean => v >= 0;
    /** log density −x²/2, with `z = log(x)` checked and computed but feeding nothing: `z := log(m)`. */
    const unused = (z: Real[]) => ([x]: readonly Real[]): Real => {
      checkDomain(x!, nonNegative, negative);
      z.push(ops.log(x!));
      return ops.mul(-0.5, ops.abs2(x!));
    };

    it('are made again at every replay, where the checked value feeds nothing the output needs', () => {
      const gradient = compileGradient(unused([]), [0.5]);
      expect(gradient([2]).value).toBe(-2);
      expect(() => gradient([-0.5])).toThrow('log of -0.5');
      expect(gradient([1]).value).toBe(-0.5);
    });

    it('throw at once for plain numbers and outside a compiled recording', () => {
      expect(() => checkDomain(-1, nonNegative, negative)).toThrow('log of -1');
      expect(() => reverseGradient(unused([]), [-2])).toThrow('log of -2');
    });

    it('keep one check of a value checked alike many times, and the first failing one in the order made', () => {
      const positive = (v: number): Error => new RangeError(`${v} is not positive`);
      const f = ([x, y]: readonly Real[]): Real => {
        for (let i = 0; i < 3; i++) checkDomain(x!, nonNegative, negative);
        checkDomain(y!, (v) => v > 0, positive);
        checkDomain(x!, nonNegative, negative);
        return ops.add(x!, y!);
      };
      const gradient = compileGradient(f, [1, 1]);
      expect(() => gradient([-1, -1])).toThrow('log of -1');
      expect(() => gradient([1, -1])).toThrow('-1 is not positive');
    });

    it('of consecutive values alike keep each value its own error and the order they were made in', () => {
      const named = (name: string) => (v: number): Error => new RangeError(`${name} = ${v} is negative`);
      const positive = (v: number): Error => new RangeError(`${v} is not positive`);
      const f = (t: readonly Real[]): Real => {
        // A run over t[0 … 2], then another predicate, then t[3] alike t[0 … 2]: a run may not swallow what came between.
        ['a', 'b', 'c'].forEach((name, i) => checkDomain(t[i]!, nonNegative, named(name)));
        checkDomain(t[4]!, (v) => v > 0, positive);
        checkDomain(t[3]!, nonNegative, named('d'));
        checkDomain(t[1]!, nonNegative, named('b again'));
        return ops.sumOf(t);
      };
      const gradient = compileGradient(f, [1, 1, 1, 1, 1]);
      expect(gradient([1, 2, 3, 4, 5]).value).toBe(15);
      expect(() => gradient([1, 2, -3, 4, 5])).toThrow('c = -3 is negative');
      expect(() => gradient([1, -2, -3, 4, 5])).toThrow('b = -2 is negative');
      expect(() => gradient([1, 2, 3, -4, -5])).toThrow('-5 is not positive');
      expect(() => gradient([1, 2, 3, -4, 5])).toThrow('d = -4 is negative');
    });

    it('over several values, constants among them, are made again at every replay, once per distinct operands', () => {
      const ascending = (v: ArrayLike<number>): boolean => v[0]! < v[1]!;
      const outOfOrder = (v: ArrayLike<number>): Error => new RangeError(`${v[0]} is not below ${v[1]}`);
      const calls: number[] = [];
      const counted = (v: ArrayLike<number>): boolean => (calls.push(v.length), ascending(v));
      const f = ([x, y]: readonly Real[]): Real => {
        for (let i = 0; i < 3; i++) checkDomainOf([x!, 1], counted, outOfOrder);
        checkDomainOf([x!, y!], ascending, outOfOrder);
        return ops.mul(x!, 2);
      };
      const gradient = compileGradient(f, [0, 2]);
      calls.length = 0;
      expect(gradient([0.5, 3]).value).toBe(1);
      expect(calls).toEqual([2]);
      expect(() => gradient([1.5, 3])).toThrow('1.5 is not below 1');
      expect(() => gradient([0.5, 0.25])).toThrow('0.5 is not below 0.25');
    });

    it('are not made by a replay for values: an output outside its domain is NaN and the others stand', () => {
      let z: Real[] = [];
      const values = compileValues((t) => {
        z = [];
        const out = unused(z)(t);
        return [t[0]!, z[0]!, out];
      }, [0.5]);
      const at = Array.from(values([-2]));
      expect(at[0]).toBe(-2);
      expect(at[1]).toBeNaN();
      expect(at[2]).toBe(-2);
    });
  });

  it('checks the dimension it was recorded for', () => {
    expect(() => compileGradient(model, [1, 2, 3, 4])([1, 2])).toThrow(/4 parameters, given 2/);
  });
});
