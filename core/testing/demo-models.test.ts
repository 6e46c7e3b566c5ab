import { describe, expect, it } from 'vitest';
import { demoModels } from './index.js';
import { checkModel } from '../lang/index.js';

/** DynamicPPL prints these to six decimals: agreement to 5e-7 absolute is agreement to the last digit shown. */
const TOLERANCE = 5e-7;

describe('DynamicPPL demo models', () => {
  for (const demo of demoModels) {
    it(`${demo.name} gives DynamicPPL's log densities`, () => {
      const outcome = checkModel({ source: demo.source, data: { text: demo.data, format: 'json' }, params: demo.params });
      if (!outcome.ok) throw new Error(outcome.diagnostics.map((d) => `${d.line}:${d.column} ${d.message}`).join('\n'));
      const r = outcome.value;
      expect(Math.abs(r.logprior - demo.logprior)).toBeLessThan(TOLERANCE);
      expect(Math.abs(r.loglikelihood - demo.loglikelihood)).toBeLessThan(TOLERANCE);
      expect(Math.abs(r.logjoint - demo.logjoint)).toBeLessThan(TOLERANCE);
      expect(Math.abs(r.logdensity - demo.logdensity)).toBeLessThan(TOLERANCE);
    });
  }
});
