import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';
import { KIDIQ_CSV, KIDIQ_SCRIPT } from '../../core/lang/dataframes/fixtures.js';

const root = join(import.meta.dirname, '../..');
const dirs: string[] = [];

afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

describe('tilde sample of a script that reads its data as a data frame', () => {
  it('samples it through the chain workers, the CSV given with --data being the table the script reads', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tilde-table-'));
    dirs.push(dir);
    writeFileSync(join(dir, 'kid.jl'), KIDIQ_SCRIPT);
    writeFileSync(join(dir, 'kidiq.csv'), KIDIQ_CSV);
    const { stdout, stderr } = await promisify(execFile)(process.execPath, [join(root, 'bin/tilde.mjs'), 'sample', join(dir, 'kid.jl'), '--data', join(dir, 'kidiq.csv'), '--draws', '100', '--chains', '2', '--seed', '3']);
    expect(stderr).toContain('this call gives `linreg` its data for `X`, `y`, from the data table the script reads');
    expect(stderr).not.toContain('not an argument');
    expect(stdout).toMatch(/^β\[3\]\s/m);
  }, 60_000);
});
