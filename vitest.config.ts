import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['core/**/*.test.ts', 'runner/**/*.test.ts', 'cli/**/*.test.ts', 'electron/**/*.test.ts', 'renderer/**/*.test.{ts,tsx}'],
    // *.posterior.test.ts run apart, in `npm run test:posteriors` (vitest.posterior.config.ts).
    exclude: ['**/*.slow.test.ts', '**/*.posterior.test.ts', 'node_modules/**'],
    testTimeout: 60_000,
    // Every core, as the posterior suite: left to its default vitest ran the files one at a time on this two-core
    // machine (350 s of CI; 230 s with both cores).
    maxWorkers: '100%',
    // The JSON report feeds the plain 'N passed, N failed' line that .ci/run ends with.
    reporters: ['default', 'json'],
    outputFile: { json: 'test-results/vitest.json' },
  },
});
