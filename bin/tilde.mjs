#!/usr/bin/env node
// Runs the TypeScript command line directly (tsx), so there is no build step between editing and running.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../cli/main.ts');
process.exitCode = await main(process.argv.slice(2));
