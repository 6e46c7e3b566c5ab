import { open, rename, stat, unlink } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

/** The few file operations an atomic write needs; tests pass ones that fail on purpose. */
export interface AtomicWriteFs {
  open(path: string, flags: 'wx', mode: number): Promise<{ writeFile(content: string | Uint8Array, encoding: 'utf8'): Promise<void>; sync(): Promise<void>; close(): Promise<void> }>;
  rename(from: string, to: string): Promise<void>;
  unlink(path: string): Promise<void>;
  /** The mode of an existing target, kept by its replacement. */
  mode(path: string): Promise<number | undefined>;
}

const nodeFs: AtomicWriteFs = {
  open: (path, flags, mode) => open(path, flags, mode),
  rename,
  unlink,
  mode: (path) => stat(path).then(
    (s) => s.mode & 0o777,
    () => undefined,
  ),
};

let written = 0;

/**
 * Replaces `path` with `content` (text as UTF-8, or bytes) so that a crash or a full disk never leaves a
 * half-written file: the content goes to a temporary file beside the target (same directory, so the
 * rename cannot cross file systems), is flushed to disk, and only then renamed over the target. On failure the temporary file
 * is removed and the old file is untouched.
 */
export async function writeFileAtomic(path: string, content: string | Uint8Array, fs: AtomicWriteFs = nodeFs): Promise<void> {
  const temporary = join(dirname(path), `.${basename(path)}.${process.pid}.${written++}.tmp`);
  const mode = (await fs.mode(path)) ?? 0o666;
  const file = await fs.open(temporary, 'wx', mode);
  try {
    try {
      await file.writeFile(content, 'utf8');
      await file.sync();
    } finally {
      await file.close();
    }
    await fs.rename(temporary, path);
  } catch (error) {
    await fs.unlink(temporary).catch(() => undefined);
    throw error;
  }
}
