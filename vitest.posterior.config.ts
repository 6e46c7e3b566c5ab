import { defineConfig } from 'vitest/config';

/** `npm run test:posteriors`: the slow posteriordb comparisons, kept out of the unit suite. */
export default defineConfig({
  test: {
    include: ['core/**/*.posterior.test.ts'],
    testTimeout: 15 * 60_000,
    // Every core: each file is one long single-threaded sampling run with no timing in it, and left to its default
    // vitest ran the four files one after another on this two-core machine (217 s where two at once take 127 s).
    maxWorkers: '100%',
    // A file of its own, so that .ci/summary.mjs can count this run next to the unit suite's.
    reporters: ['default', 'json'],
    outputFile: { json: 'test-results/vitest-posterior.json' },
  },
});
