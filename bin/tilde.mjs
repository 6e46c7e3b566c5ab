#!/usr/bin/env node
// Runs the TypeScript command line directly (tsx), so there is no build step between editing and running.
import { register } from 'tsx/esm/api';

register();
// `tilde … | head` closes the pipe early: that is the reader's choice, not an error.
for (const stream of [process.stdout, process.stderr]) stream.on('error', (e) => {
    if (e.code !== 'EPIPE') throw e;
    process.exit(0);
  });
const { main } = await import('../cli/main.ts');
process.exitCode = await main(process.argv.slice(2));
