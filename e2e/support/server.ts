import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';

export const REPOSITORY = join(import.meta.dirname, '../..');

/** A running `tilde serve`: the address it printed (with the token) and how to stop it. */
export interface WebServer {
  /** `http://127.0.0.1:PORT/?token=…`, as printed. */
  address: string;
  /** `http://127.0.0.1:PORT`, without the token. */
  origin: string;
  token: string;
  stop(): Promise<void>;
}

const ADDRESS = /Tilde: (http:\/\/127\.0\.0\.1:(\d+)\/\?token=(\S+))/;

/** Starts web mode as the user does (`node bin/tilde.mjs serve --port 0`) and waits for its address. */
export async function startWebServer(): Promise<WebServer> {
  const child = spawn(process.execPath, ['bin/tilde.mjs', 'serve', '--port', '0'], { cwd: REPOSITORY, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const match = await new Promise<RegExpMatchArray>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`tilde serve printed no address within 60 s:\n${output}`)), 60_000);
    const read = (chunk: Buffer) => {
      output += chunk.toString();
      const m = ADDRESS.exec(output);
      if (m) {
        clearTimeout(timer);
        resolve(m);
      }
    };
    child.stdout!.on('data', read);
    child.stderr!.on('data', read);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`tilde serve exited (${code}) before printing its address:\n${output}`));
    });
  });
  return {
    address: match[1]!,
    origin: `http://127.0.0.1:${match[2]}`,
    token: match[3]!,
    stop: () => stopProcess(child),
  };
}

/** Ctrl-C, as a user stops the server (it cancels every run); killed if it has not ended in 10 s. */
function stopProcess(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
    child.kill('SIGINT');
  });
}
