import { Chains } from '../core/chains/index.js';
import { sortedCopy, summarize } from '../core/diagnostics/index.js';
import { Rng } from '../core/rng/index.js';
import { interleavedMedians } from './timing.js';

const CHAINS = 4;
const PARAMETERS = 100;

/** Four chains of an AR(1) per parameter: autocorrelated, as sampler output is. */
function draws(perChain: number): Chains {
  const rng = Rng.seeded(1);
  const chains = new Chains({ parameters: Array.from({ length: PARAMETERS }, (_, j) => `θ[${j + 1}]`) }, CHAINS);
  for (let c = 0; c < CHAINS; c++) {
    const block = new Float64Array(perChain * PARAMETERS);
    const state = new Float64Array(PARAMETERS);
    for (let i = 0; i < perChain; i++) {
      for (let j = 0; j < PARAMETERS; j++) block[i * PARAMETERS + j] = state[j] = 0.6 * state[j]! + rng.normal();
    }
    chains.append(c, { parameters: block });
  }
  return chains;
}

/**
 * The full summary (mean … R̂, as a live run's window asks for it about once a second) of 100 parameters,
 * against one sort of each parameter's draws measured beside it: what the rank-based diagnostics cannot
 * go below, so the ratio says how many sorts' worth of work a summary row costs.
 */
export async function run(): Promise<void> {
  console.log('| draws per chain | summary of 100 parameters, ms | one sort per parameter, ms | ratio |');
  console.log('|---|---|---|---|');
  for (const perChain of [250, 1000]) {
    const chains = draws(perChain);
    const matrices = chains.parameters.map((name) => chains.matrix(name).data);
    const [summary, sorts] = interleavedMedians(
      [() => summarize(chains).rows.length, () => matrices.reduce((sink, data) => sink + sortedCopy(data)[0]!, 0)],
      { rounds: 7, batchMs: 50, warmMs: 300 },
    );
    console.log(`| ${perChain} | ${(summary! / 1000).toFixed(1)} | ${(sorts! / 1000).toFixed(2)} | ${(summary! / sorts!).toFixed(1)}× |`);
  }
}
