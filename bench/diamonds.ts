import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { samplerDiagnostics } from '../core/diagnostics/index.js';
import { sample } from '../core/run/index.js';
import { checkPosterior, MEAN_TOLERANCE, SD_TOLERANCE, worstFigures } from '../core/testing/fixtures/posteriordb/check.js';
import { loadPosterior } from '../core/testing/fixtures/posteriordb/index.js';

const DIR = join(import.meta.dirname, '..', 'core', 'testing', 'fixtures', 'posteriordb');
const NAME = 'diamonds-diamonds';

/**
 * Every iteration of this posterior saturates the tree (1023 gradients of ~2.5 ms each: 5000 × 24 data
 * behind each), so the suite's 4 × (1000 + 1000) would take hours. The default is a short run that
 * measures the cost and projects it; `npm run bench -- diamonds CHAINS WARMUP DRAWS` runs any size.
 */
const DEFAULT = { chains: 2, warmup: 100, draws: 50 };
const SUITE_ITERATIONS = 4 * (1000 + 1000);

function size(): typeof DEFAULT {
  const [chains, warmup, draws] = process.argv.slice(3, 6).map(Number);
  if (chains === undefined) return DEFAULT;
  if (![chains, warmup, draws].every((n) => n !== undefined && Number.isInteger(n) && n > 0)) throw new Error('usage: npm run bench -- diamonds [CHAINS WARMUP DRAWS]');
  return { chains, warmup: warmup!, draws: draws! };
}

const fixed = (x: number, digits: number): string => (Number.isFinite(x) ? x.toFixed(digits) : String(x));

/** NUTS on posteriordb's diamonds as the posterior suite samples the others, with its checks as a report. */
export async function run(): Promise<void> {
  const { chains, warmup, draws } = size();
  const started = performance.now();
  const p = loadPosterior(NAME, (file) => readFileSync(join(DIR, file), 'utf8'));
  const result = sample(p.model, p.args, p.sampler, { chains, warmup, draws, seed: 1, ad: p.ad });
  const wall = (performance.now() - started) / 1000;
  const check = checkPosterior(result, p.reference);
  const steps = Array.from({ length: chains }, (_, c) => Array.from(result.draws('n_steps', c))).flat();
  const meanSteps = steps.reduce((a, b) => a + b, 0) / steps.length;
  // Warm-up and sampling together: a chain's split between them is taken when the first batch of
  // draws is reported, so it counts up to 100 draws as warm-up.
  const perIteration = check.seconds / (chains * (warmup + draws));
  const minTail = Math.min(...check.rows.map((r) => r.essTail));
  console.log(`NUTS on ${NAME}, ${chains} chains × (${warmup} warm-up + ${draws} draws), seed 1, ad = ${p.ad}, adapt_delta ${p.reference.reference_method.method_arguments.control.adapt_delta}, max tree depth 10`);
  console.log('');
  console.log(`- wall ${fixed(wall, 1)} s (parsing, binding, all chains one after another)`);
  console.log(`- ${fixed(meanSteps, 0)} gradients per sampling iteration, step size ${result.draws('step_size', 0)[0]?.toExponential(2)}; ${fixed(perIteration, 2)} s per iteration, warm-up included`);
  console.log(`- at that rate 4 × (1000 + 1000) would take at least ~${fixed((SUITE_ITERATIONS * perIteration) / 3600, 1)} h (warm-up's first trees are short; Stan: ~12 min at max tree depth 20)`);
  console.log(`- min tail ESS ${fixed(minTail, 0)}; divergences by chain ${samplerDiagnostics(result).map((d) => d.divergences).join(', ')}`);
  console.log(`- ${worstFigures(check)}`);
  console.log('');
  console.log(`| parameter | mean | (mean − ref) / ref sd | sd / ref sd | R̂ | bulk ESS |`);
  console.log('| --- | ---: | ---: | ---: | ---: | ---: |');
  for (const r of check.rows) console.log(`| ${r.parameter} | ${r.mean.toPrecision(5)} | ${fixed(r.meanError, 3)} | ${fixed(r.sdRatio, 3)} | ${fixed(r.rhat, 3)} | ${fixed(r.essBulk, 0)} |`);
  console.log('');
  console.log(`Stan's rule (|mean error| < ${MEAN_TOLERANCE}, sd within ${SD_TOLERANCE * 100}%, R̂ < 1.01, no divergences): ${check.failures.length === 0 ? 'met' : `NOT met, ${check.failures.length} misses`}`);
}
