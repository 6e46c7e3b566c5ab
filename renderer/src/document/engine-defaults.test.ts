import { describe, expect, expectTypeOf, it } from 'vitest';
import type { DEFAULT_TARGET_ACCEPTANCE, MAX_TREE_DEPTH as ENGINE_MAX_TREE_DEPTH } from '../../../core/infer/index';
import type { DEFAULT_LEAPFROG_STEPS, DEFAULT_PARTICLES } from '../../../core/run/index';
import { defaultSampler, LEAPFROG_STEPS, MAX_TREE_DEPTH, PARTICLES, TARGET_ACCEPTANCE } from './index';

describe("the engine's defaults in the workbench", () => {
  // Checked by the type check (npm run typecheck), which fails when core's value changes and the renderer's does not.
  it("are typed as core's constants, whose literal types admit no other value", () => {
    expectTypeOf(PARTICLES).toEqualTypeOf<typeof DEFAULT_PARTICLES>();
    expectTypeOf(LEAPFROG_STEPS).toEqualTypeOf<typeof DEFAULT_LEAPFROG_STEPS>();
    expectTypeOf(TARGET_ACCEPTANCE).toEqualTypeOf<typeof DEFAULT_TARGET_ACCEPTANCE>();
    expectTypeOf(MAX_TREE_DEPTH).toEqualTypeOf<typeof ENGINE_MAX_TREE_DEPTH>();
    // A constant widened to number would pin nothing.
    expectTypeOf<typeof DEFAULT_PARTICLES>().not.toEqualTypeOf<number>();
    expectTypeOf<typeof DEFAULT_LEAPFROG_STEPS>().not.toEqualTypeOf<number>();
    expectTypeOf<typeof DEFAULT_TARGET_ACCEPTANCE>().not.toEqualTypeOf<number>();
    expectTypeOf<typeof ENGINE_MAX_TREE_DEPTH>().not.toEqualTypeOf<number>();
  });

  it('are what a new PG, HMC, NUTS and HMC-DA sampler start from', () => {
    expect(defaultSampler('pg', [])).toMatchObject({ particles: PARTICLES });
    expect(defaultSampler('hmc', [])).toMatchObject({ nSteps: LEAPFROG_STEPS });
    expect(defaultSampler('nuts', [])).toMatchObject({ adaptation: { targetAcceptance: TARGET_ACCEPTANCE }, maxTreeDepth: MAX_TREE_DEPTH });
    expect(defaultSampler('hmcda', [])).toMatchObject({ adaptation: { targetAcceptance: TARGET_ACCEPTANCE } });
  });
});
