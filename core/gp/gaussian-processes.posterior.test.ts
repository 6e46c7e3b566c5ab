import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { samplerDiagnostics, summarize } from '../diagnostics/index.js';
import { prepare } from '../lang/index.js';
import { sample } from '../run/index.js';

/**
 * `npm run test:posteriors`: Turing's GP tutorial (golf putting, a latent GP under a binomial likelihood) and a GP
 * regression with its noise observed, sampled by NUTS and compared with Stan fits of the same posteriors
 * (fixtures/<name>/reference.R, which wrote reference.json): each mean and sd within four of their joint MCSEs.
 */

interface Reference {
  readonly parameters: Readonly<Record<string, { mean: number; sd: number; mcse_mean: number; mcse_sd: number }>>;
}

const Z = 4;

describe.each([
  ['putting', 'putting.jl', 'golf.json', 0.95],
  ['regression', 'regression.jl', 'data.json', 0.8],
])('%s against Stan', (name, model, data, delta) => {
  it('matches the reference means and sds within their MCSEs, R-hat < 1.01, no divergences', () => {
    const dir = join(import.meta.dirname, 'fixtures', name);
    const read = (file: string) => readFileSync(join(dir, file), 'utf8');
    const prepared = prepare({ source: read(model), data: { text: read(data), format: 'json' } });
    if (!prepared.ok) throw new Error(prepared.diagnostics.map((d) => d.message).join('; '));
    const reference = JSON.parse(read('reference.json')) as Reference;
    const chains = sample(prepared.value.model, prepared.value.args, { sampler: 'nuts', adaptation: { targetAcceptance: delta } }, { draws: 1000, warmup: 700, chains: 4, seed: 60, ad: 'reversediff:compile' });
    const rows = new Map(summarize(chains).rows.map((r) => [r.parameter, r]));
    const failures: string[] = [];
    let worst = { mean: 0, sd: 0 };
    for (const [parameter, ref] of Object.entries(reference.parameters)) {
      const r = rows.get(parameter);
      if (r === undefined) {
        failures.push(`${parameter}: not in the chains`);
        continue;
      }
      const meanZ = (r.mean - ref.mean) / Math.hypot(r.mcse_mean, ref.mcse_mean);
      const sdZ = (r.sd - ref.sd) / Math.hypot(r.mcse_sd, ref.mcse_sd);
      worst = { mean: Math.max(worst.mean, Math.abs(meanZ)), sd: Math.max(worst.sd, Math.abs(sdZ)) };
      if (!(Math.abs(meanZ) < Z)) failures.push(`${parameter}: mean ${r.mean} vs Stan's ${ref.mean} (${meanZ.toFixed(2)} MCSEs)`);
      if (!(Math.abs(sdZ) < Z)) failures.push(`${parameter}: sd ${r.sd} vs Stan's ${ref.sd} (${sdZ.toFixed(2)} MCSEs)`);
      if (!(r.rhat < 1.01)) failures.push(`${parameter}: R-hat ${r.rhat}`);
    }
    const divergences = samplerDiagnostics(chains).reduce((n, c) => n + c.divergences, 0);
    console.log(`${name}: max |mean − Stan's| ${worst.mean.toFixed(2)} MCSEs, max |sd − Stan's| ${worst.sd.toFixed(2)} MCSEs, ${divergences} divergences`);
    if (divergences > 0) failures.push(`${divergences} divergent transitions`);
    expect(failures).toEqual([]);
  });
});
