import { resolve } from 'node:path';
import { defineConfig } from 'electron-vite';
import react from '@vitejs/plugin-react';

const root = import.meta.dirname;

export default defineConfig({
  main: {
    build: {
      outDir: resolve(root, 'out/main'),
      // The run worker is built beside the main process: utility processes are forked from out/main/worker.js.
      rollupOptions: { input: { index: resolve(root, 'electron/main/index.ts'), worker: resolve(root, 'runner/worker.ts') } },
    },
  },
  preload: {
    // CommonJS, so that windows keep `sandbox: true` (sandboxed preloads cannot load ES modules).
    build: {
      outDir: resolve(root, 'out/preload'),
      rollupOptions: {
        input: { index: resolve(root, 'electron/preload/index.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: resolve(root, 'renderer'),
    plugins: [react()],
    build: {
      outDir: resolve(root, 'out/renderer'),
      rollupOptions: { input: { index: resolve(root, 'renderer/index.html') } },
    },
  },
});
