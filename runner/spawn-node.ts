import { fork } from 'node:child_process';
import type { Socket } from 'node:net';
import { createHash } from 'node:crypto';
import { existsSync, renameSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { createRequire } from 'node:module';
import { basename, dirname, join } from 'node:path';
import { FrameReader } from './frames.js';
import { OUT_OF_MEMORY_LENGTH, saysOutOfMemory, type Spawner, type WorkerExit } from './spawner.js';

const here = import.meta.dirname;
const STDERR_KEPT = 4096;

/**
 * A larger young generation: evaluating a model makes much short-lived garbage, and with V8's default
 * a lone 100-d normal chain spent a sixth of its time in scavenges (660 → 570 ms at 32 MB).
 */
export const YOUNG_GENERATION = ['--max-semi-space-size=32'];

const bundles = new Map<string, string>();

/**
 * A TypeScript entry and everything it imports as one JavaScript file, bundled once per process with
 * esbuild (which tsx itself runs on): a worker then starts in about 0.1 s instead of the 0.7 s tsx took
 * to transpile the engine at every start, which on two cores made two chains' start-ups compete with
 * their sampling; and its code runs without tsx's keepNames, which names every closure as it is made
 * (the same chain sampled 15–30 % slower under tsx). The file is named by its content, so processes share
 * it and an edited source gives a new one, never a stale one. `import.meta.dirname` in the bundle is the
 * entry's folder.
 */
export function nodeBundle(entry: string): string {
  const known = bundles.get(entry);
  if (known !== undefined) return known;
  // Loaded here, not at import: the Electron main process imports the runner but never starts Node workers.
  const { buildSync } = createRequire(import.meta.url)('esbuild') as typeof import('esbuild');
  const result = buildSync({
    entryPoints: [entry],
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    define: { 'import.meta.dirname': JSON.stringify(dirname(entry)) },
    write: false,
    logLevel: 'silent',
  });
  const code = result.outputFiles[0]!.contents;
  const file = join(tmpdir(), `tilde-${basename(entry, '.ts')}-${createHash('sha256').update(code).digest('hex').slice(0, 16)}.cjs`);
  if (!existsSync(file)) {
    // Written whole, then renamed: a process starting a worker at the same moment never sees half a file.
    const partial = `${file}.${process.pid}.partial`;
    writeFileSync(partial, code);
    renameSync(partial, file);
  }
  bundles.set(entry, file);
  return file;
}

/**
 * Starts the worker entry as a Node child process from its bundle (see `nodeBundle`), so no build
 * step is needed. The job goes over the IPC channel; messages come back framed on a pipe of their own
 * (see frames.ts).
 */
export const spawnNodeWorker: Spawner = (options) => {
  const child = fork(nodeBundle(join(here, 'worker.ts')), [], {
    execArgv: [...YOUNG_GENERATION, ...(options?.coresShared ? ['--single-threaded'] : [])],
    serialization: 'advanced',
    stdio: ['ignore', 'ignore', 'pipe', 'ipc', 'pipe'],
  });
  let stderr = '';
  let outOfMemory = false;
  child.stderr?.on('data', (chunk: Buffer) => {
    const text = chunk.toString();
    // Looked for in what came before this chunk's end too, in case a chunk boundary splits the words.
    outOfMemory ||= saysOutOfMemory(stderr.slice(-OUT_OF_MEMORY_LENGTH) + text);
    stderr = (stderr + text).slice(-STDERR_KEPT);
  });
  const data = child.stdio[4] as NodeJS.ReadableStream;
  // The process, its IPC channel and its pipes each keep the parent's event loop alive.
  const holdParent = (hold: boolean): void => {
    for (const handle of [child, child.channel, data, child.stderr] as (Partial<Socket> | null | undefined)[]) {
      if (hold) handle?.ref?.();
      else handle?.unref?.();
    }
  };
  // A write to a killed worker's IPC channel fails asynchronously; its exit is what gets reported.
  child.on('error', () => undefined);
  return {
    pid: child.pid,
    send: (job) => void child.send(job),
    onMessage: (listener) => {
      const reader = new FrameReader(listener);
      data.on('data', (chunk: Buffer) => {
        try {
          reader.push(chunk);
        } catch (e) {
          listener(e);
        }
      });
    },
    onExit: (listener) => {
      // 'close' waits for the pipes to drain, so every frame sent before the exit has been read.
      child.on('close', (code, signal) => listener({ code, signal, stderr, outOfMemory } satisfies WorkerExit));
    },
    kill: () => void child.kill('SIGKILL'),
    unref: () => holdParent(false),
    ref: () => holdParent(true),
  };
};
