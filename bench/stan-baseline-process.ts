import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { value } from '../core/ad/index.js';
import { inTildeOrder, loadStanBaseline } from '../core/testing/fixtures/stan-baseline/index.js';
import { backends, DIR, points, POINTS, TIMING } from './stan-baseline.js';
import { interleavedMedians } from './timing.js';

/** What one backend's process reports: its gradient (or why it refused the model) beside the two baselines. */
export type BackendTiming = { analytic: number; primal: number } & ({ us: number } | { refused: string });

/**
 * Run from its bundle with a model name and an index (see stan-baseline.ts): times backend INDEX of `backends()` on one
 * Stan baseline model, interleaved with the hand-written gradient and the log density, and prints the
 * medians as JSON (`BackendTiming`).
 */
function main(): void {
  const [name, index] = process.argv.slice(2);
  const c = loadStanBaseline((file) => readFileSync(join(DIR, file), 'utf8')).find((x) => x.name === name);
  const backend = c === undefined ? undefined : backends(c.bound.dimension)[Number(index)];
  if (c === undefined || backend === undefined) throw new Error(`usage: stan-baseline-process.ts MODEL INDEX (got ${name} ${index})`);
  const stanPoints = points(c);
  const tildePoints = stanPoints.map((p) => inTildeOrder(c, p));
  const plainPoints = tildePoints.map((p) => Array.from(p));
  const analytic = (k: number): number => c.analytic(stanPoints[k % POINTS]!).grad[0]!;
  const primal = (k: number): number => value(c.bound.logdensity(plainPoints[k % POINTS]!));
  let gradient;
  try {
    gradient = c.bound.gradient(backend.name, backend.options);
    gradient(tildePoints[0]!);
  } catch (e) {
    const [hand = NaN, alone = NaN] = interleavedMedians([analytic, primal], TIMING);
    const timing: BackendTiming = { analytic: hand, primal: alone, refused: e instanceof Error ? e.message : String(e) };
    process.stdout.write(JSON.stringify(timing));
    return;
  }
  const g = gradient;
  const [hand = NaN, alone = NaN, us = NaN] = interleavedMedians([analytic, primal, (k) => g(tildePoints[k % POINTS]!).grad[0]!], TIMING);
  const timing: BackendTiming = { analytic: hand, primal: alone, us };
  process.stdout.write(JSON.stringify(timing));
}

main();
