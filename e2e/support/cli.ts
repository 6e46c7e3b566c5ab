import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { Diagnostic } from '../../core/model/index.js';
import { REPOSITORY } from './server.js';
import type { RunChoice } from './workbench.js';

const run = promisify(execFile);

export const EXAMPLES = join(REPOSITORY, 'resources/examples');

/** `node bin/tilde.mjs …` in the repository; rejects with its output when it fails. */
async function tilde(args: string[]): Promise<string> {
  const { stdout } = await run(process.execPath, ['bin/tilde.mjs', ...args], { cwd: REPOSITORY, maxBuffer: 64 << 20 });
  return stdout;
}

/** `tilde sample` of an example with the workbench's settings; returns the wide CSV it wrote to `out`. */
export async function sampleExample(example: string, choice: RunChoice, out: string): Promise<string> {
  await tilde([
    'sample', join(EXAMPLES, `${example}.jl`),
    '--data', join(EXAMPLES, `${example}.json`),
    '--sampler', choice.sampler,
    '--chains', String(choice.chains),
    '--draws', String(choice.draws),
    '--warmup', String(choice.warmup),
    '--seed', String(choice.seed),
    '--ad', choice.ad,
    '--out', out,
  ]);
  return readFileSync(out, 'utf8');
}

/** The engine's diagnostics of a model file, as `tilde check --json` reports them (it exits 1 when there are errors). */
export async function checkDiagnostics(modelPath: string, dataPath: string): Promise<Diagnostic[]> {
  const stdout = await run(process.execPath, ['bin/tilde.mjs', 'check', modelPath, '--data', dataPath, '--json'], { cwd: REPOSITORY }).then(
    (r) => r.stdout,
    (e: { stdout?: string }) => e.stdout ?? '',
  );
  return (JSON.parse(stdout) as { diagnostics?: Diagnostic[] }).diagnostics ?? [];
}

/** `tilde summary FILE --csv`: the summary table of a draws CSV, as CSV. */
export function summariseCsv(drawsPath: string, ...options: string[]): Promise<string> {
  return tilde(['summary', drawsPath, '--csv', ...options]);
}

/** `tilde summary FILE` as it prints the table: parameter → column → the text printed. */
export async function summaryText(drawsPath: string): Promise<Map<string, Record<string, string>>> {
  const lines = (await tilde(['summary', drawsPath])).split('\n');
  const at = lines.findIndex((line) => line.startsWith('parameter '));
  const header = lines[at]!.trim().split(/\s+/);
  const rows = lines.slice(at + 1, lines.indexOf('', at)).map((line) => line.trim().split(/\s+/));
  return new Map(rows.map((cells) => [cells[0]!, Object.fromEntries(header.map((column, j) => [column, cells[j]!]))]));
}

/** `tilde loo … --pointwise`: each observation's elpd_loo, p_loo and looic, by observation name. */
export async function pointwiseLoo(modelPath: string, dataPath: string, drawsPath: string, out: string): Promise<Map<string, { elpdLoo: number; pLoo: number; looic: number }>> {
  await tilde(['loo', modelPath, '--data', dataPath, '--draws', drawsPath, '--pointwise', out]);
  const [, ...rows] = readFileSync(out, 'utf8').trim().split('\n').map((line) => line.split(','));
  return new Map(rows.map((r) => [r[0]!, { elpdLoo: Number(r[1]), pLoo: Number(r[3]), looic: Number(r[4]) }]));
}
