import { describe, expect, it } from 'vitest';
import { Rng } from '../rng/index.js';
import {
  dualAveragingFinal,
  dualAveragingStart,
  dualAveragingUpdate,
  initialStepSize,
  initState,
  runChain,
  StepSizeSearchError,
  unitMetric,
  velocityVerlet,
  welfordCovariance,
  welfordVariance,
  WindowedAdaptation,
  denseMetric,
  diagonalMetric,
  type Target,
} from './index.js';
import { gaussian, mcse, statColumn } from './test-support.js';

describe('dual averaging', () => {
  it("Stan's first update by hand: x = μ − √1·s̄/γ with s̄ = (δ − α)/(1 + t0)", () => {
    const s = dualAveragingUpdate(dualAveragingStart(0.5), 0.3);
    const sBar = (0.8 - 0.3) / 11;
    expect(s.sBar).toBeCloseTo(sBar, 15);
    expect(Math.log(s.stepSize)).toBeCloseTo(Math.log(5) - sBar / 0.05, 14);
    // x̄ after one update is the first iterate itself (weight 1⁻ᵏ = 1).
    expect(dualAveragingFinal(s)).toBeCloseTo(s.stepSize, 14);
    // An acceptance statistic above 1 counts as 1.
    expect(dualAveragingUpdate(dualAveragingStart(0.5), 3).sBar).toBeCloseTo(-0.2 / 11, 15);
  });

  it('without an update since the restart, the final step size is the current one, not exp(0)', () => {
    expect(dualAveragingFinal(dualAveragingStart(0.37))).toBe(0.37);
  });

  it.each([0.6, 0.9])(
    'tunes NUTS on a Gaussian to a mean acceptance of δ = %s',
    (delta) => {
      const d = 10;
      const warmup = 2000;
      const result = runChain(
        gaussian(new Array<number>(d).fill(0), new Array<number>(d).fill(1)),
        { sampler: 'nuts', metric: 'unit', adaptation: { targetAcceptance: delta } },
        { rng: Rng.seeded(11).split(0), init: new Float64Array(d), warmup, draws: 1000, saveWarmup: true },
      );
      const sampled = statColumn(result, 'acceptance_rate');
      // ε is itself an estimate: x̄ averages roughly the last n^κ iterates, so the acceptance it reaches
      // carries their Monte Carlo error on top of the sampling run's own.
      const averaged = Math.round(warmup ** 0.75);
      const j = result.statNames.indexOf('acceptance_rate');
      const warm = new Float64Array(averaged).map((_, i) => result.warmup!.stats[(warmup - averaged + i) * result.statNames.length + j]!);
      const error = Math.hypot(mcse(sampled), mcse(warm));
      const mean = sampled.reduce((a, b) => a + b) / sampled.length;
      expect(Math.abs(mean - delta)).toBeLessThan(4 * error);
    },
  );
});

describe('Welford estimators', () => {
  const rows = [
    [1, 2],
    [3, -1],
    [0.5, 4],
    [2, 2],
  ].map((r) => Float64Array.from(r));

  it('match the two-pass variance and covariance (n − 1), and start over on restart', () => {
    const mean = [0, 1].map((j) => rows.reduce((s, r) => s + r[j]!, 0) / rows.length);
    const cov = (a: number, b: number) => rows.reduce((s, r) => s + (r[a]! - mean[a]!) * (r[b]! - mean[b]!), 0) / (rows.length - 1);
    const v = welfordVariance(2);
    const c = welfordCovariance(2);
    for (const r of rows) {
      v.add(r);
      c.add(r);
    }
    expect(Array.from(v.estimate()!)).toEqual([cov(0, 0), cov(1, 1)].map((x) => expect.closeTo(x, 14)));
    expect(Array.from(c.estimate()!)).toEqual([cov(0, 0), cov(1, 0), cov(0, 1), cov(1, 1)].map((x) => expect.closeTo(x, 14)));
    v.restart();
    v.add(rows[0]!);
    expect(v.count).toBe(1);
    expect(v.estimate()).toBeNull();
  });
});

describe('windowed adaptation', () => {
  it('re-estimates the metric at each window end, shrunk as Stan does: n/(n+5)·σ² + 10⁻³·5/(n+5)', () => {
    const adaptation = new WindowedAdaptation(100, diagonalMetric(Float64Array.of(1, 1)), true, 0.5, 1);
    const windowEnds: number[] = [];
    const rng = Rng.seeded(3);
    const inWindow: Float64Array[] = [];
    for (let i = 0; i < 100; i++) {
      const x = Float64Array.of(rng.normal() * 3, rng.normal() * 0.1);
      if (i >= 15 && i < 90) inWindow.push(x);
      if (adaptation.update(x, 0.8)) windowEnds.push(i + 1);
    }
    expect(windowEnds).toEqual([90]);
    const n = inWindow.length;
    [0, 1].forEach((j) => {
      const m = inWindow.reduce((s, x) => s + x[j]!, 0) / n;
      const variance = inWindow.reduce((s, x) => s + (x[j]! - m) ** 2, 0) / (n - 1);
      expect(adaptation.metric.inverseMass[j]).toBeCloseTo((n / (n + 5)) * variance + 1e-3 * (5 / (n + 5)), 12);
    });
  });

  it('dense: the same shrinkage on the diagonal of the covariance', () => {
    const adaptation = new WindowedAdaptation(20, denseMetric(Float64Array.of(1, 0, 0, 1), 2), true, 0.5, 1);
    const points = Array.from({ length: 20 }, (_, i) => Float64Array.of(i % 3, (i % 3) + (i % 2)));
    const closed = points.map((x) => adaptation.update(x, 0.8));
    expect(closed.indexOf(true)).toBe(17);
    const window = points.slice(3, 18);
    const c = welfordCovariance(2);
    window.forEach((x) => c.add(x));
    const n = window.length;
    const expected = c.estimate()!.map((x, k) => (n / (n + 5)) * x + (k % 3 === 0 ? 1e-3 * (5 / (n + 5)) : 0));
    expect(Array.from(adaptation.metric.inverseMass)).toEqual(Array.from(expected).map((x) => expect.closeTo(x, 14)));
  });

  it('keeps the metric when told not to adapt it, and restarts dual averaging towards 10ε', () => {
    const metric = unitMetric(1);
    const adaptation = new WindowedAdaptation(1000, metric, false, 0.5, 1);
    for (let i = 0; i < 1000; i++) expect(adaptation.update(Float64Array.of(i), 0.8)).toBe(false);
    expect(adaptation.metric).toBe(metric);
    adaptation.restart(0.2);
    adaptation.update(Float64Array.of(0), 0.8);
    expect(adaptation.stepSize).toBeCloseTo(2, 14);
  });
});

describe("Stan's initial step size", () => {
  const rng = Rng.seeded(5);
  const t = gaussian([0, 0], [1, 1]);
  const state = initState(Float64Array.of(0.3, -0.2), t);

  it('doubles or halves until one step crosses an acceptance of 0.8, from either side', () => {
    for (const start of [1e-4, 1, 100]) {
      const eps = initialStepSize(rng, t, state, unitMetric(2), velocityVerlet, start);
      expect(Number.isInteger(Math.log2(eps / start))).toBe(true);
      // On a unit Gaussian one leapfrog step stays stable below ε = 2 and accepts almost surely at ε ≪ 1.
      expect(eps).toBeGreaterThan(0.1);
      expect(eps).toBeLessThan(8);
    }
  });

  it('leaves step sizes Stan would not search from as they are', () => {
    expect(initialStepSize(rng, t, state, unitMetric(2), velocityVerlet, 0)).toBe(0);
    expect(initialStepSize(rng, t, state, unitMetric(2), velocityVerlet, 2e7)).toBe(2e7);
  });

  it('gives up on an improper posterior', () => {
    const flat: Target = { dimension: 1, logdensityAndGradient: () => ({ value: 0, grad: new Float64Array(1) }) };
    expect(() => initialStepSize(rng, flat, initState(new Float64Array(1), flat), unitMetric(1), velocityVerlet, 1)).toThrow(StepSizeSearchError);
  });
});
