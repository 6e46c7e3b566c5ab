import { describe, expect, it } from 'vitest';
import { Rng } from '../rng/index.js';
import { diagonalMetric, nuts, type HmcState, type Target } from './index.js';
import { gaussian } from './test-support.js';

/**
 * Stan's base_nuts transcribed as plainly as possible: recursive, allocating, one object per tree, no
 * buffers shared between depths. The sampler in nuts.ts is an optimised rewrite of the same algorithm;
 * drawing the same random numbers in the same order, both must make the same transitions, number for
 * number. This is what settles, for instance, that a step size adapted differently from a given Stan run
 * is not a difference of algorithm.
 */
interface Point {
  q: number[];
  p: number[];
  /** ∇ log π(q) */
  g: number[];
  logp: number;
}

interface Subtree {
  valid: boolean;
  logWeight: number;
  proposal: Point;
  /** Momenta and velocities M⁻¹p at the first and last points, in the order built. */
  pFirst: number[];
  pLast: number[];
  vFirst: number[];
  vLast: number[];
  rho: number[];
  end: Point;
}

function referenceNuts(target: Target, inverseMass: readonly number[], stepSize: number, maxDepth: number) {
  const d = inverseMass.length;
  const evaluate = (q: number[]): { logp: number; g: number[] } => {
    const r = target.logdensityAndGradient(Float64Array.from(q));
    return { logp: r.value, g: Array.from(r.grad) };
  };
  const velocity = (p: number[]) => p.map((pi, i) => inverseMass[i]! * pi);
  const energy = (z: Point): number => {
    const v = velocity(z.p);
    let k = 0;
    for (let i = 0; i < d; i++) k += z.p[i]! * v[i]!;
    const h = 0.5 * k - z.logp;
    return Number.isNaN(h) ? Infinity : h;
  };
  const leapfrog = (z: Point, eps: number): Point => {
    const half = 0.5 * eps;
    const p = z.p.map((pi, i) => pi + half * z.g[i]!);
    const v = velocity(p);
    const q = z.q.map((qi, i) => qi + eps * v[i]!);
    const { logp, g } = evaluate(q);
    return { q, p: p.map((pi, i) => pi + half * g[i]!), g, logp };
  };
  const dot = (a: number[], b: number[]) => a.reduce((s, x, i) => s + x * b[i]!, 0);
  const plus = (a: number[], b: number[]) => a.map((x, i) => x + b[i]!);
  const noUTurn = (vFirst: number[], vLast: number[], rho: number[]) => dot(vFirst, rho) > 0 && dot(vLast, rho) > 0;
  /** The criterion across two adjacent segments a then b: the merged one and each extended by the other's nearest point. */
  const merged = (a: Pick<Subtree, 'vFirst' | 'vLast' | 'pLast' | 'rho'>, b: Pick<Subtree, 'vFirst' | 'vLast' | 'pFirst' | 'rho'>) =>
    noUTurn(a.vFirst, b.vLast, plus(a.rho, b.rho)) && noUTurn(a.vFirst, b.vFirst, plus(a.rho, b.pFirst)) && noUTurn(a.vLast, b.vLast, plus(b.rho, a.pLast));
  const logSumExp = (a: number, b: number) => {
    const m = Math.max(a, b);
    return m + Math.log(Math.exp(a - m) + Math.exp(b - m));
  };

  return (rng: Rng, state: HmcState) => {
    const z0: Point = { q: Array.from(state.position), p: inverseMass.map((m) => (1 / Math.sqrt(m)) * rng.normal()), g: Array.from(state.gradient), logp: state.logdensity };
    const h0 = energy(z0);
    let steps = 0;
    let sumAccept = 0;
    let divergent = false;

    const build = (z: Point, depth: number, sign: number): Subtree => {
      if (depth === 0) {
        const next = leapfrog(z, sign * stepSize);
        steps++;
        const h = energy(next);
        sumAccept += h0 - h > 0 ? 1 : Math.exp(h0 - h);
        if (h - h0 > 1000) divergent = true;
        const v = velocity(next.p);
        return { valid: !divergent, logWeight: h0 - h, proposal: next, pFirst: next.p, pLast: next.p, vFirst: v, vLast: v, rho: next.p, end: next };
      }
      const init = build(z, depth - 1, sign);
      if (!init.valid) return init;
      const final = build(init.end, depth - 1, sign);
      if (!final.valid) return final;
      const logWeight = logSumExp(init.logWeight, final.logWeight);
      const proposal = final.logWeight > logWeight || rng.uniform() < Math.exp(final.logWeight - logWeight) ? final.proposal : init.proposal;
      const valid = merged(init, final);
      return { valid, logWeight, proposal, pFirst: init.pFirst, pLast: final.pLast, vFirst: init.vFirst, vLast: final.vLast, rho: plus(init.rho, final.rho), end: final.end };
    };

    // The trajectory as two segments in time order, backward (built backwards from z0) and forward.
    const v0 = velocity(z0.p);
    let backward = { vFirst: v0, vLast: v0, pFirst: z0.p, pLast: z0.p, end: z0 };
    let forward = { vFirst: v0, vLast: v0, pFirst: z0.p, pLast: z0.p, end: z0 };
    let rho = z0.p;
    let logWeight = 0;
    let sample = z0;
    let depth = 0;
    while (depth < maxDepth) {
      const extendForward = rng.uniform() > 0.5;
      const sub = build(extendForward ? forward.end : backward.end, depth, extendForward ? 1 : -1);
      if (!sub.valid) break;
      depth++;
      if (sub.logWeight > logWeight || rng.uniform() < Math.exp(sub.logWeight - logWeight)) sample = sub.proposal;
      logWeight = logSumExp(logWeight, sub.logWeight);
      // A backward subtree was built away from z0: its last point is the trajectory's new backward end.
      const before = { vFirst: backward.vFirst, vLast: forward.vLast, pFirst: backward.pFirst, pLast: forward.pLast, rho };
      const segment = extendForward ? sub : { ...sub, vFirst: sub.vLast, vLast: sub.vFirst, pFirst: sub.pLast, pLast: sub.pFirst };
      const keepGoing = extendForward ? merged(before, segment) : merged(segment, before);
      rho = plus(rho, sub.rho);
      if (extendForward) forward = { vFirst: forward.vFirst, vLast: sub.vLast, pFirst: forward.pFirst, pLast: sub.pLast, end: sub.end };
      else backward = { vFirst: sub.vLast, vLast: backward.vLast, pFirst: sub.pLast, pLast: backward.pLast, end: sub.end };
      if (!keepGoing) break;
    }
    return { position: sample.q, steps, depth, acceptance: sumAccept / steps, divergent, gradient: sample.g, logdensity: sample.logp };
  };
}

describe('NUTS against a plain transcription of Stan’s base_nuts', () => {
  const means = [1, -2, 0, 3, 0.5];
  const sds = [0.5, 1, 2, 4, 1.5];
  const target = gaussian(means, sds);
  // A metric that does not match the target, so that the metric enters every formula.
  const inverseMass = sds.map((s, i) => s * s * (0.6 + 0.2 * i));

  for (const [stepSize, maxDepth] of [
    [0.15, 10],
    [0.6, 10],
    [1.4, 10],
    [3.5, 10],
    [0.05, 4],
  ] as const) {
    it(`makes the same 300 transitions at ε = ${stepSize}, max depth ${maxDepth}`, () => {
      const kernel = nuts();
      const metric = diagonalMetric(Float64Array.from(inverseMass));
      const reference = referenceNuts(target, inverseMass, stepSize, maxDepth);
      const ours = Rng.seeded(5).split(maxDepth);
      const theirs = Rng.seeded(5).split(maxDepth);
      const start = Float64Array.from(means, (m, i) => m + sds[i]!);
      const first = target.logdensityAndGradient(start);
      let state: HmcState = { position: start, logdensity: first.value, gradient: Float64Array.from(first.grad) };
      let theirState: HmcState = state;
      let divergences = 0;
      const depths = new Set<number>();
      for (let i = 0; i < 300; i++) {
        const t = kernel.step(ours, state, { target, stepSize, metric, maxTreeDepth: maxDepth });
        const r = reference(theirs, theirState);
        expect(Array.from(t.state.position)).toEqual(r.position);
        expect([t.info.n_steps, t.info.tree_depth, t.info.is_divergent]).toEqual([r.steps, r.depth, r.divergent]);
        expect(t.info.acceptance_rate).toBe(r.acceptance);
        state = t.state;
        theirState = { position: Float64Array.from(r.position), logdensity: r.logdensity, gradient: Float64Array.from(r.gradient) };
        if (r.divergent) divergences++;
        depths.add(r.depth);
      }
      // Each setting exercises what it is there for: divergences at the largest step, trees cut at the depth cap.
      if (stepSize === 3.5) expect(divergences).toBeGreaterThan(0);
      if (maxDepth === 4) expect(depths).toEqual(new Set([4]));
      else expect(depths.size).toBeGreaterThan(1);
    });
  }
});
