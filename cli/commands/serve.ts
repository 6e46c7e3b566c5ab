import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { RunManager, spawnNodeWorker, workerPool } from '../../runner/index.js';
import type { Command } from '../command.js';
import { CliError } from '../files.js';
import { createWebServer } from '../serve/server.js';

const HELP = `usage: tilde serve [--port 4680]

Serves the workbench to a browser on this machine (it listens on 127.0.0.1 only): the built renderer (npm run build) and the
engine and run API over a WebSocket. Prints the address with a random token; a request without it gets 401.`;

const RENDERER = join(import.meta.dirname, '../../out/renderer');
const EXAMPLES = join(import.meta.dirname, '../../resources/examples');

export const serveCommand: Command = async (argv) => {
  const { values } = parseArgs({ args: argv, options: { port: { type: 'string' }, help: { type: 'boolean', short: 'h' } } });
  if (values.help) {
    console.log(HELP);
    return 0;
  }
  const port = Number(values.port ?? 4680);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new CliError(`--port must be an integer from 0 to 65535, got ${values.port}`, 2);
  if (!existsSync(join(RENDERER, 'index.html'))) throw new CliError('no built renderer in out/renderer: run `npm run build` first');
  const token = randomBytes(24).toString('base64url');
  // The page's runs follow one another: the next one's chains start in warm processes (see workerPool).
  const pool = workerPool(spawnNodeWorker);
  const manager = new RunManager({ spawn: pool.spawn });
  const server = createWebServer({ token, rendererDir: RENDERER, manager, engine: { spawn: spawnNodeWorker }, examplesDir: EXAMPLES });
  await new Promise<void>((resolve, reject) => server.once('error', reject).listen(port, '127.0.0.1', resolve));
  const address = server.address();
  const actual = typeof address === 'object' && address ? address.port : port;
  console.log(`Tilde: http://127.0.0.1:${actual}/?token=${token}\n(Ctrl-C stops the server and every run)`);
  await new Promise<void>((resolve) => process.once('SIGINT', resolve));
  manager.cancelAll();
  pool.close();
  server.closeAllConnections();
  server.close();
  return 0;
};
