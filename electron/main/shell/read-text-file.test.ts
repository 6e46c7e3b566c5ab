import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fileErrorMessage, readTextFile, OpenFileError } from './index.js';

let dir: string;
beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'tilde-open-'))));
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('readTextFile', () => {
  it('reads UTF-8 text with its file name, without a byte-order mark', async () => {
    writeFileSync(join(dir, 'model.jl'), '\ufeffμ ~ Normal(0, 1)\n');
    expect(await readTextFile(join(dir, 'model.jl'))).toEqual({ name: 'model.jl', text: 'μ ~ Normal(0, 1)\n' });
  });

  it('says plainly why a file cannot be opened or saved', async () => {
    writeFileSync(join(dir, 'picture.png'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0xff, 0xfe, 0x00, 0xc3]));
    writeFileSync(join(dir, 'big.csv'), 'x'.repeat(2048));
    await expect(readTextFile(join(dir, 'picture.png'))).rejects.toThrow('Could not open “picture.png”: it is not a text file (UTF-8).');
    await expect(readTextFile(join(dir, 'gone.jl'))).rejects.toThrow('Could not open “gone.jl”: it no longer exists.');
    await expect(readTextFile(dir)).rejects.toThrow(/: it is not a file\./);
    await expect(readTextFile(join(dir, 'big.csv'), 1024)).rejects.toThrow(OpenFileError);
    expect(fileErrorMessage('save', 'draws.csv', Object.assign(new Error('ENOSPC'), { code: 'ENOSPC' }))).toBe('Could not save “draws.csv”: the disk is full.');
    expect(fileErrorMessage('save', 'draws.csv', Object.assign(new Error('x'), { code: 'ENOENT' }))).toBe('Could not save “draws.csv”: its folder no longer exists.');
  });
});
