import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CompiledTapeError, finiteDifferenceGradient, value, type BackendName, type BackendOptions, type GradientResult } from '../ad/index.js';
import { expectGradientClose, randomPoints } from '../ad/test-support.js';
import { inTildeOrder, loadStanBaseline, type StanBaselineCase } from './fixtures/stan-baseline/index.js';

const dir = join(import.meta.dirname, 'fixtures', 'stan-baseline');
const cases = loadStanBaseline((file) => readFileSync(join(dir, file), 'utf8'));

const BACKENDS: [string, BackendName, BackendOptions][] = [
  ['forwarddiff', 'forwarddiff', {}],
  ['reversediff', 'reversediff', {}],
  ['reversediff compiled', 'reversediff', { compile: true }],
  ['tracker', 'tracker', {}],
];

/** Stan's log density (plus the documented log 2s) and gradient at its point, in Tilde's order. */
function stanExpected(c: StanBaselineCase): GradientResult {
  return { value: c.check.lp_full_jacobian + c.offset, grad: inTildeOrder(c, c.check.grad) };
}

/** Points around Stan's, so the hand-written gradients are checked away from the one Stan gives too. */
function nearby(c: StanBaselineCase): Float64Array[] {
  return randomPoints(7, c.check.x.length, 3, 0.3).map((d) => Float64Array.from(c.check.x, (x, i) => x + d[i]!));
}

describe.each(cases)('Stan baseline $name', (c) => {
  const x = inTildeOrder(c, c.check.x);

  it("matches every Tilde coordinate to one of Stan's by name", () => {
    expect([...c.order].sort((a, b) => a - b)).toEqual(c.check.x.map((_, i) => i));
  });

  it("gives Stan's log density up to the documented log 2 per half-distribution", () => {
    const lp = value(c.bound.logdensity(Array.from(x)));
    const expected = stanExpected(c).value;
    expect(Math.abs(lp - expected)).toBeLessThan(1e-10 * Math.abs(expected));
  });

  it.for(BACKENDS)("%s gives Stan's gradient", ([, name, options], ctx) => {
    let gradient;
    try {
      gradient = c.bound.gradient(name, options);
      gradient(x);
    } catch (e) {
      // A compiled tape refuses models with nodes it cannot replay yet: reported as skipped, with the reason.
      if (options.compile === true && e instanceof CompiledTapeError) return ctx.skip(e.message);
      throw e;
    }
    expectGradientClose(gradient(x), stanExpected(c), 1e-8, `${c.name} ${name}`);
  });

  it("the hand-written gradient gives Stan's gradient and Tilde's log density", () => {
    const analytic = c.analytic(c.check.x);
    expectGradientClose({ value: analytic.value, grad: inTildeOrder(c, analytic.grad) }, stanExpected(c), 1e-10, `${c.name} analytic`);
  });

  it('the hand-written gradient agrees with finite differences and with reverse mode near that point', () => {
    const reverse = c.bound.gradient('reversediff');
    for (const point of nearby(c)) {
      const analytic = c.analytic(point);
      const differences = finiteDifferenceGradient((t) => c.analytic(t.map(value)).value, point);
      expectGradientClose(analytic, differences, 1e-6, `${c.name} finite differences`);
      expectGradientClose({ value: analytic.value, grad: inTildeOrder(c, analytic.grad) }, reverse(inTildeOrder(c, point)), 1e-10, `${c.name} reverse mode`);
    }
  });
});
