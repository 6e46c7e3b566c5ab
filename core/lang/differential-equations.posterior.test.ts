import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { summarize } from '../diagnostics/index.js';
import { sample } from '../run/index.js';
import { prepare } from './index.js';

/**
 * Turing's differential-equations tutorial pasted whole and sampled with NUTS: its data are simulated in the
 * script (Tilde's generator, seed 14) from α, β, γ, δ = 1.5, 1.0, 3.0, 1.0 and σ = 0.8, which the posterior
 * must recover. A few minutes (each gradient solves the ODE), so it runs with the posterior checks.
 */
const TUTORIAL = readFileSync(join(import.meta.dirname, 'fixtures', 'differential-equations.jl'), 'utf8');

const TRUTH: Record<string, number> = { σ: 0.8, α: 1.5, β: 1.0, γ: 3.0, δ: 1.0 };

describe("the differential-equations tutorial's posterior", () => {
  it('NUTS recovers the parameters that simulated the data', () => {
    const prepared = prepare({ source: TUTORIAL });
    if (!prepared.ok) throw new Error(prepared.diagnostics.map((d) => d.message).join('\n'));
    const chains = sample(prepared.value.model, prepared.value.args, { sampler: 'nuts' }, { draws: 400, warmup: 400, chains: 1, seed: 1, ad: 'auto' });
    const rows = new Map(summarize(chains).rows.map((r) => [r.parameter, r]));
    for (const [name, truth] of Object.entries(TRUTH)) {
      const r = rows.get(name)!;
      // 202 noisy observations pin each parameter to a few percent: the truth lies within four posterior sds.
      expect(Math.abs(r.mean - truth), name).toBeLessThan(4 * r.sd + 4 * r.mcse_mean);
      expect(r.sd, name).toBeLessThan(0.2);
    }
  });
});
