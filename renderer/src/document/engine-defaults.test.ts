import { describe, expect, expectTypeOf, it } from 'vitest';
import type { DEFAULT_LEAPFROG_STEPS, DEFAULT_PARTICLES } from '../../../core/run/index';
import { defaultSampler, LEAPFROG_STEPS, PARTICLES } from './index';

describe("the engine's defaults in the workbench", () => {
  // Checked by the type check (npm run typecheck), which fails when core's value changes and the renderer's does not.
  it("are typed as core's constants, whose literal types admit no other value", () => {
    expectTypeOf(PARTICLES).toEqualTypeOf<typeof DEFAULT_PARTICLES>();
    expectTypeOf(LEAPFROG_STEPS).toEqualTypeOf<typeof DEFAULT_LEAPFROG_STEPS>();
    // A constant widened to number would pin nothing.
    expectTypeOf<typeof DEFAULT_PARTICLES>().not.toEqualTypeOf<number>();
    expectTypeOf<typeof DEFAULT_LEAPFROG_STEPS>().not.toEqualTypeOf<number>();
  });

  it('are what a new PG sampler and a new HMC sampler start from', () => {
    expect(defaultSampler('pg', [])).toMatchObject({ particles: PARTICLES });
    expect(defaultSampler('hmc', [])).toMatchObject({ nSteps: LEAPFROG_STEPS });
  });
});
