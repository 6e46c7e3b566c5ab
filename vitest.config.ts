import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['core/**/*.test.ts', 'cli/**/*.test.ts', 'electron/**/*.test.ts', 'renderer/**/*.test.{ts,tsx}'],
    exclude: ['**/*.slow.test.ts', 'node_modules/**'],
    testTimeout: 60_000,
    // The JSON report feeds the plain 'N passed, N failed' line that .ci/run ends with.
    reporters: ['default', 'json'],
    outputFile: { json: 'test-results/vitest.json' },
  },
});
