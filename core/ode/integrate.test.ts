import { describe, expect, it } from 'vitest';
import type { Real } from '../ad/index.js';
import { BS3, DP5, EULER, MIDPOINT, RK4, TSIT5, integrate, type IntegrateOptions, type Method } from './index.js';

/** DifferentialEquations' defaults: adaptive, abstol 1e-6, reltol 1e-3, the ends saved. */
function options(method: Method, more: Partial<IntegrateOptions> = {}): IntegrateOptions {
  return { method, adaptive: method.errorWeights !== undefined, abstol: 1e-6, reltol: 1e-3, dtmax: Infinity, dtmin: 0, maxiters: 1e5, saveat: [], everyStep: false, saveStart: true, saveEnd: true, ...more };
}

const grid = (n: number, t0: number, tf: number): number[] => Array.from({ length: n - 1 }, (_, i) => t0 + ((i + 1) * (tf - t0)) / n);
const plain = (u: readonly Real[]): number[] => u.map((x) => x as number);
const largestError = (ts: readonly number[], us: readonly (readonly Real[])[], exact: (t: number) => number[]): number =>
  Math.max(...ts.map((t, i) => Math.max(...exact(t).map((x, j) => Math.abs(x - (us[i]![j] as number))))));
/** The error as reltol and abstol measure it: relative to the state's size, absolute near 0. */
const largestRelativeError = (ts: readonly number[], us: readonly (readonly Real[])[], exact: (t: number) => number[]): number =>
  Math.max(...ts.map((t, i) => Math.max(...exact(t).map((x, j) => Math.abs(x - (us[i]![j] as number)) / (1 + Math.abs(x))))));

const ADAPTIVE = [TSIT5, DP5, BS3];

describe('explicit Runge–Kutta solutions against closed forms', () => {
  const k = 1.3;
  const decay = (u: readonly Real[]): Real[] => [-k * (u[0] as number)];
  const ω = 2;
  const oscillator = (u: readonly Real[]): Real[] => [u[1]!, -ω * ω * (u[0] as number)];
  const oscillatorExact = (t: number): number[] => [Math.cos(ω * t), -ω * Math.sin(ω * t)];

  it.each(ADAPTIVE.map((m) => [m.name, m] as const))('%s meets the default tolerances on exponential decay and a harmonic oscillator, at steps and at saveat', (_, method) => {
    const saveat = grid(20, 0, 5);
    const decayed = integrate(decay, [2], 0, 5, options(method, { saveat }));
    expect(decayed.retcode).toBe('Success');
    expect(decayed.t).toEqual([0, ...saveat, 5]);
    // Tolerances bound the error of each step: the global error stays within a few reltol of the state.
    expect(largestError(decayed.t, decayed.u, (t) => [2 * Math.exp(-k * t)])).toBeLessThan(5e-3);
    const swung = integrate(oscillator, [1, 0], 0, 10, options(method, { saveat: grid(40, 0, 10) }));
    expect(largestError(swung.t, swung.u, oscillatorExact)).toBeLessThan(5e-2);
  });

  it.each(ADAPTIVE.map((m) => [m.name, m] as const))('%s converges to the closed form as the tolerances tighten, at interpolated times too', (_, method) => {
    const saveat = grid(37, 0, 10);
    const errors = [1e-5, 1e-8, 1e-11].map((tol) => {
      const r = integrate(oscillator, [1, 0], 0, 10, options(method, { abstol: tol, reltol: tol, saveat, maxiters: 1e6 }));
      return largestError(r.t, r.u, oscillatorExact);
    });
    expect(errors[1]!).toBeLessThan(errors[0]! / 30);
    expect(errors[2]!).toBeLessThan(method === BS3 ? 1e-7 : 1e-9);
  });

  it('saves every accepted step without saveat, and starts with Hairer\'s initial step', () => {
    const r = integrate(decay, [1], 0, 2, options(TSIT5, { everyStep: true }));
    expect(r.t[0]).toBe(0);
    expect(r.t.at(-1)).toBe(2);
    expect(r.t.length).toBe(r.stats.naccept + 1);
    expect(r.t.every((t, i) => i === 0 || t > r.t[i - 1]!)).toBe(true);
    // d0 = 1/(1e-6 + 1e-3), d1 = k d0, so dt0 = 0.01/k; the second derivative gives dt1 = (0.01 / (k² d0))^(1/5).
    const d0 = 1 / (1e-6 + 1e-3);
    const dt0 = 0.01 / k;
    const u1 = 1 - dt0 * k;
    const d2 = (k * (1 - u1) * d0) / dt0;
    const dt1 = Math.pow(0.01 / Math.max(k * d0, d2), 1 / 5);
    expect(r.t[1]).toBeCloseTo(Math.min(100 * dt0, dt1), 12);
  });

  it('lands on tstops exactly: a rate with a kink at t = 1, max(0, 1 − t), is integrated without error across it', () => {
    const rate = (_u: readonly Real[], t: number): Real[] => [Math.max(0, 1 - t)];
    const stopped = integrate(rate, [0], 0, 2, options(TSIT5, { everyStep: true, tstops: [1] }));
    expect(stopped.t).toContain(1);
    expect(stopped.u.at(-1)![0]).toBeCloseTo(0.5, 12);
    const blind = integrate(rate, [0], 0, 2, options(TSIT5, { everyStep: true }));
    expect(Math.abs((blind.u.at(-1)![0] as number) - 0.5)).toBeGreaterThan(1e-9);
  });

  it('takes fixed steps with their order of accuracy (Euler 1, Midpoint 2, RK4 4)', () => {
    for (const [method, order] of [[EULER, 1], [MIDPOINT, 2], [RK4, 4]] as const) {
      const err = (dt: number): number => {
        const r = integrate(oscillator, [1, 0], 0, 1, options(method, { dt, adaptive: false }));
        expect(r.stats.naccept).toBe(Math.round(1 / dt));
        return largestError(r.t, r.u, oscillatorExact);
      };
      const ratio = err(1 / 40) / err(1 / 80);
      expect(Math.log2(ratio)).toBeCloseTo(order, 0);
    }
  });
});

describe('Lotka–Volterra, the tutorial\'s problem, at saveat = 0.1', () => {
  const lv = (u: readonly Real[]): Real[] => {
    const [x, y] = plain(u) as [number, number];
    return [(1.5 - 1.0 * y) * x, (1.0 * x - 3.0) * y];
  };
  const saveat = Array.from({ length: 99 }, (_, i) => (i + 1) / 10);
  // The reference: classical RK4 on a step of 1e-4, whose error (~1e-14 here) is far below what is compared.
  const reference = integrate(lv, [1, 1], 0, 10, options(RK4, { adaptive: false, dt: 1e-4, saveat }));

  it('the reference agrees with itself on a step twice as long (it has converged)', () => {
    const coarse = integrate(lv, [1, 1], 0, 10, options(RK4, { adaptive: false, dt: 2e-4, saveat }));
    expect(largestError(coarse.t, coarse.u, (t) => plain(reference.u[Math.round(t * 10)]!))).toBeLessThan(1e-11);
  });

  it.each(ADAPTIVE.map((m) => [m.name, m] as const))('%s at the default tolerances stays within about ten reltol over the five cycles, and within 1e-8 at tight ones', (_, method) => {
    const at = (t: number): number[] => plain(reference.u[Math.round(t * 10)]!);
    const loose = integrate(lv, [1, 1], 0, 10, options(method, { saveat }));
    expect(loose.t.length).toBe(101);
    expect(largestRelativeError(loose.t, loose.u, at)).toBeLessThan(2e-2);
    const tight = integrate(lv, [1, 1], 0, 10, options(method, { saveat, abstol: 1e-12, reltol: 1e-12, maxiters: 1e6 }));
    expect(largestError(tight.t, tight.u, at)).toBeLessThan(1e-8);
  });

  it('Tsit5 needs a few dozen steps at the default tolerances, as in DifferentialEquations', () => {
    const r = integrate(lv, [1, 1], 0, 10, options(TSIT5, { saveat }));
    expect(r.stats.naccept).toBeGreaterThan(20);
    expect(r.stats.naccept).toBeLessThan(60);
    // FSAL: six new stages a step (rejected ones too), and f(u0) and one more evaluation for the initial step.
    expect(r.stats.nf).toBe(6 * (r.stats.naccept + r.stats.nreject) + 2);
  });
});

describe('a delay differential equation, solved by the method of steps', () => {
  it("u′(t) = −u(t − 1) with u = 1 before 0 follows its closed form, piece by piece: 1 − t, then 1 − t + (t − 1)²/2", () => {
    const exact = (t: number): number => (t <= 1 ? 1 - t : 1 - t + (t - 1) ** 2 / 2 - (t - 2 > 0 ? (t - 2) ** 3 / 6 : 0));
    const f = (_u: readonly Real[], t: number, past: (t: number) => readonly Real[]): Real[] => [-(past(t - 1)[0] as number)];
    const saveat = grid(30, 0, 3);
    const r = integrate(f, [1], 0, 3, options(TSIT5, { saveat, abstol: 1e-12, reltol: 1e-12, before: () => [1] }));
    expect(largestError(r.t, r.u, (t) => [exact(t)])).toBeLessThan(1e-9);
  });
});

describe('a solve that stops early', () => {
  it('isoutofdomain rejects the steps that leave the domain: u′ = −1 from 1 cannot pass 0, and ends below the smallest step there', () => {
    const r = integrate(() => [-1], [1], 0, 2, options(TSIT5, { outOfDomain: (u) => (u[0] as number) < 0 }));
    expect(r.retcode).toBe('DtLessThanMin');
    expect(r.stoppedAt).toBeCloseTo(1, 6);
    expect(r.u.slice(0, r.reached).every((u) => (u[0] as number) >= 0)).toBe(true);
    expect(integrate(() => [-1], [1], 0, 2, options(TSIT5)).u.at(-1)![0]).toBeCloseTo(-1, 12);
  });


  it('says why in retcode, and holds NaN at the times it did not reach', () => {
    const r = integrate((u) => [-(u[0] as number)], [1], 0, 10, options(TSIT5, { saveat: [2, 4, 6, 8], maxiters: 3 }));
    expect(r.retcode).toBe('MaxIters');
    expect(r.t).toEqual([0, ...r.t.slice(1, r.reached), ...[2, 4, 6, 8].filter((t) => t > r.stoppedAt), 10]);
    expect(r.u.slice(r.reached).every((u) => Number.isNaN(u[0]))).toBe(true);
    expect(r.u.slice(0, r.reached).every((u) => Number.isFinite(u[0]))).toBe(true);
  });

  it('a blow-up (u′ = u², u(0) = 1, infinite at t = 1) ends below the smallest step or unstable', () => {
    const r = integrate((u) => [(u[0] as number) ** 2], [1], 0, 2, options(TSIT5));
    expect(['DtLessThanMin', 'Unstable']).toContain(r.retcode);
    expect(r.stoppedAt).toBeLessThan(1);
    expect(r.stoppedAt).toBeGreaterThan(0.99);
    expect(Number.isNaN(r.u.at(-1)![0])).toBe(true);
  });
});
