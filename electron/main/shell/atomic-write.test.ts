import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync, chmodSync } from 'node:fs';
import { open, rename, unlink } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { writeFileAtomic, type AtomicWriteFs } from './index.js';

let dir: string;
beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'tilde-atomic-'))));
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const realFs: AtomicWriteFs = { open, rename, unlink, mode: async () => undefined };

describe('writeFileAtomic', () => {
  it('creates a new file and replaces an existing one, leaving no temporary file behind', async () => {
    const target = join(dir, 'model.tilde.json');
    await writeFileAtomic(target, 'first');
    expect(readFileSync(target, 'utf8')).toBe('first');
    await writeFileAtomic(target, 'second — ünïcode');
    expect(readFileSync(target, 'utf8')).toBe('second — ünïcode');
    expect(readdirSync(dir)).toEqual(['model.tilde.json']);
  });

  it('writes bytes as they are, not as text', async () => {
    const target = join(dir, 'trace-mu.png');
    const bytes = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0xff, 0xc3, 0x28]);
    await writeFileAtomic(target, bytes);
    expect(new Uint8Array(readFileSync(target))).toEqual(bytes);
  });

  it('keeps the permissions of the file it replaces', async () => {
    const target = join(dir, 'private.csv');
    writeFileSync(target, 'old');
    chmodSync(target, 0o600);
    await writeFileAtomic(target, 'new');
    expect(statSync(target).mode & 0o777).toBe(0o600);
  });

  it('leaves the old file intact and removes the temporary file when writing fails half-way', async () => {
    const target = join(dir, 'project.tilde.json');
    writeFileSync(target, 'the old project');
    const failingMidWrite: AtomicWriteFs = {
      ...realFs,
      open: async (path, flags, mode) => {
        const handle = await open(path, flags, mode);
        return {
          writeFile: async (text) => {
            await handle.writeFile(text.slice(0, 3), 'utf8');
            throw Object.assign(new Error('ENOSPC: no space left on device'), { code: 'ENOSPC' });
          },
          sync: () => handle.sync(),
          close: () => handle.close(),
        };
      },
    };
    await expect(writeFileAtomic(target, 'the new project', failingMidWrite)).rejects.toThrow('ENOSPC');
    expect(readFileSync(target, 'utf8')).toBe('the old project');
    expect(readdirSync(dir)).toEqual(['project.tilde.json']);
  });

  it('leaves the old file intact when the rename fails', async () => {
    const target = join(dir, 'draws.csv');
    writeFileSync(target, 'a,b\n1,2\n');
    const failingRename: AtomicWriteFs = { ...realFs, rename: async () => Promise.reject(new Error('EXDEV: cross-device link')) };
    await expect(writeFileAtomic(target, 'x', failingRename)).rejects.toThrow('EXDEV');
    expect(readFileSync(target, 'utf8')).toBe('a,b\n1,2\n');
    expect(readdirSync(dir)).toEqual(['draws.csv']);
  });

  it('rejects when the directory does not exist, creating nothing', async () => {
    await expect(writeFileAtomic(join(dir, 'missing', 'x.csv'), 'x')).rejects.toThrow(/ENOENT/);
    expect(readdirSync(dir)).toEqual([]);
  });
});
