import { describe, expect, it } from 'vitest';
import { drawsMatrix } from '../chains/index.js';
import { looReferences } from '../testing/fixtures/diagnostics/index.js';
import { waic } from './index.js';

/** Relative agreement, or absolute near zero. */
function expectClose(actual: number, expected: number, tolerance = 1e-10): void {
  expect(Math.abs(actual - expected)).toBeLessThanOrEqual(tolerance * Math.max(1, Math.abs(expected)));
}

describe.each(looReferences)('WAIC against R’s loo 2.5.1: $case', (ref) => {
  const ll = ref.ll.map(Number);
  const perObservation = ref.iterations * ref.chains;
  const matrices = Array.from({ length: ref.observations }, (_, i) => drawsMatrix(Float64Array.from(ll.slice(i * perObservation, (i + 1) * perObservation)), ref.iterations, ref.chains));
  const result = waic(matrices);

  it('gives the pointwise elpd_waic, p_waic and waic, and their totals with SEs', () => {
    result.pointwise.forEach((p, i) => {
      expectClose(p.elpdWaic, Number(ref.waic.elpd_waic[i]));
      expectClose(p.pWaic, Number(ref.waic.p_waic[i]));
      expectClose(p.waic, Number(ref.waic.waic[i]));
    });
    for (const key of ['elpd_waic', 'p_waic', 'waic'] as const) {
      const mine = { elpd_waic: result.elpdWaic, p_waic: result.pWaic, waic: result.waic }[key];
      expectClose(mine.estimate, Number(ref.waic.estimates[key][0]));
      expectClose(mine.se, Number(ref.waic.estimates[key][1]));
    }
  });

  it('warns as loo does when some p_waic exceed 0.4, and only then', () => {
    expect(result.warning ?? '').toBe(ref.waic.warning.trim());
  });
});
