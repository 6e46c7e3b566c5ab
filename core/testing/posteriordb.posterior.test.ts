import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { sample } from '../run/index.js';
import { checkPosterior, worstFigures } from './fixtures/posteriordb/check.js';
import { loadPosterior, SUITE_POSTERIORS } from './fixtures/posteriordb/index.js';

/** `npm run test:posteriors`: each posterior sampled as Stan's benchmark runs it, 4 × 1000 after 1000 warm-up. */

const dir = join(import.meta.dirname, 'fixtures', 'posteriordb');
const read = (file: string) => readFileSync(join(dir, file), 'utf8');

describe.each(SUITE_POSTERIORS)('posteriordb %s', (name) => {
  it('matches the reference means and sds with R-hat < 1.01 and no divergences', () => {
    const p = loadPosterior(name, read);
    const chains = sample(p.model, p.args, p.sampler, { draws: 1000, warmup: 1000, chains: 4, seed: 20250429, ad: p.ad });
    const check = checkPosterior(chains, p.reference);
    console.log(`${name}: ${worstFigures(check)}`);
    expect(check.failures).toEqual([]);
  });
});
