import tseslint from 'typescript-eslint';
import globals from 'globals';

const nodeBuiltins = ['node:*', 'fs', 'fs/*', 'path', 'os', 'child_process', 'worker_threads', 'http', 'https', 'net', 'url', 'util', 'stream', 'crypto', 'events', 'process', 'module'];

/** The dependency direction of DEVELOPERS.md, enforced: core is pure; the renderer sees only types of core. */
export default tseslint.config(
  { ignores: ['node_modules/', 'out/', 'dist/', 'test-results/', 'playwright-report/', 'e2e/artifacts/'] },
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-syntax': ['error', { selector: "MemberExpression[object.name='Math'][property.name='random']", message: 'Randomness goes through core/rng (seedable, splittable).' }],
    },
  },
  {
    files: ['core/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: nodeBuiltins, message: 'core/ is pure TypeScript: no Node built-ins.' },
            { group: ['electron', 'electron/*'], message: 'core/ must not import Electron.' },
            { group: ['react', 'react-dom', 'react-dom/*', 'zustand', 'echarts', 'echarts/*', '@codemirror/*'], message: 'core/ must not import UI libraries.' },
            { group: ['**/electron/**', '**/renderer/**', '**/cli/**', '**/bench/**', '**/e2e/**'], message: 'core/ imports nothing of ours outside core/.' },
          ],
        },
      ],
      'no-restricted-globals': ['error', 'window', 'document', 'navigator', 'localStorage', 'process', 'require', 'Buffer', '__dirname'],
    },
  },
  {
    // Tests run in Node and may read their fixture files; the code under test stays pure.
    files: ['core/**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['electron', 'electron/*'], message: 'core/ must not import Electron.' },
            { group: ['**/electron/**', '**/renderer/**', '**/cli/**', '**/bench/**', '**/e2e/**'], message: 'core/ imports nothing of ours outside core/.' },
          ],
        },
      ],
      'no-restricted-globals': 'off',
    },
  },
  {
    // The run manager serves the Electron app, the command line and web mode alike: Electron supplies a spawner.
    files: ['runner/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['electron', 'electron/*'], message: 'runner/ must not import Electron; the Electron shell passes its spawner in.' },
            { group: ['**/electron/**', '**/renderer/**', '**/cli/**', '**/bench/**', '**/e2e/**'], message: 'runner/ imports only core/ of ours.' },
          ],
        },
      ],
    },
  },
  {
    // The renderer imports the protocol's and the API's types, so they stay as pure as core/.
    files: ['runner/protocol.ts', 'runner/api.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: nodeBuiltins, message: 'runner/protocol.ts is shared with the renderer: no Node built-ins.' },
            { group: ['electron', 'electron/*', '**/electron/**', '**/renderer/**', '**/cli/**'], message: 'runner/protocol.ts imports only types of core/.' },
          ],
        },
      ],
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: nodeBuiltins, message: 'The renderer runs sandboxed: no Node built-ins.' },
            { group: ['electron', 'electron/*'], message: 'The renderer reaches the engine through window.tilde only.' },
            { group: ['**/core/**'], allowTypeImports: true, message: 'The renderer imports only types from core/.' },
            { group: ['**/runner/**'], allowTypeImports: true, message: 'The renderer imports only types of the run protocol and window.tilde (runner/protocol.ts, runner/api.ts).' },
            { group: ['**/electron/**', '**/cli/**'], message: 'The renderer imports nothing of the main process or the CLI.' },
          ],
        },
      ],
    },
  },
);
