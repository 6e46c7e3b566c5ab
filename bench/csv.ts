import { Chains, readDrawsCsv, toStanCsv, toWideCsv } from '../core/chains/index.js';
import { Rng } from '../core/rng/index.js';
import { median } from './timing.js';

const CHAINS = 4;
const DRAWS = 25_000;
const PARAMETERS = 50;
const REPEATS = 5;

function draws(): Chains {
  const rng = Rng.seeded(1);
  const chains = new Chains({ parameters: Array.from({ length: PARAMETERS }, (_, j) => `β[${j + 1}]`) }, CHAINS);
  for (let c = 0; c < CHAINS; c++) chains.append(c, { parameters: Float64Array.from({ length: DRAWS * PARAMETERS }, () => rng.normal()) });
  return chains;
}

function timed<T>(f: () => T): [number, T] {
  const t = performance.now();
  const value = f();
  return [performance.now() - t, value];
}

/**
 * Export and import of 10⁵ draws × 50 parameters against JSON.stringify / JSON.parse of the same doubles.
 * Each repeat times the baseline right next to the CSV, so a busy machine slows both alike: the ratio
 * reported is the median over repeats of the per-repeat ratios, the time the fastest repeat.
 */
export async function run(): Promise<void> {
  const chains = draws();
  const flat = chains.columns.flatMap((name) => Array.from({ length: CHAINS }, (_, c) => Array.from(chains.draws(name, c)))).flat();
  const ops = ['JSON.stringify', 'JSON.parse', 'wide CSV export', 'wide CSV import', 'Stan CSV export (4 files)', 'Stan CSV import (4 files)'] as const;
  const times: Record<(typeof ops)[number], number[]> = Object.fromEntries(ops.map((o) => [o, []])) as never;
  const ratios: Record<string, number[]> = {};
  const sizes: Record<string, number> = {};
  for (let k = 0; k < REPEATS; k++) {
    const [jsonOut, json] = timed(() => JSON.stringify(flat));
    const [wideOut, wide] = timed(() => toWideCsv(chains));
    const [stanOut, stan] = timed(() => Array.from({ length: CHAINS }, (_, c) => toStanCsv(chains, c)));
    const [jsonIn] = timed(() => JSON.parse(json) as number[]);
    const [wideIn, wideBack] = timed(() => readDrawsCsv(wide));
    const [stanIn, stanBack] = timed(() => Chains.combine(stan.map((text) => readDrawsCsv(text))));
    for (const back of [wideBack, stanBack]) {
      if (back.draws('β[50]', 3)[DRAWS - 1] !== chains.draws('β[50]', 3)[DRAWS - 1]) throw new Error('the round trip changed a draw');
    }
    const row = { 'JSON.stringify': jsonOut, 'JSON.parse': jsonIn, 'wide CSV export': wideOut, 'wide CSV import': wideIn, 'Stan CSV export (4 files)': stanOut, 'Stan CSV import (4 files)': stanIn };
    for (const op of ops) {
      times[op].push(row[op]);
      (ratios[op] ??= []).push(row[op] / (op.includes('export') || op === 'JSON.stringify' ? jsonOut : jsonIn));
    }
    Object.assign(sizes, { 'JSON.stringify': json.length, 'wide CSV export': wide.length, 'Stan CSV export (4 files)': stan.reduce((n, s) => n + s.length, 0) });
  }
  console.log(`${CHAINS * DRAWS} draws × ${PARAMETERS} parameters (${CHAINS} chains), full-precision doubles; ${REPEATS} repeats`);
  console.log('');
  console.log('| operation | fastest ms | × JSON (median) | under 1 s | size |');
  console.log('| --- | ---: | ---: | --- | ---: |');
  for (const op of ops) {
    const ms = Math.min(...times[op]);
    const size = sizes[op] === undefined ? '' : `${(sizes[op] / 1e6).toFixed(1)} MB`;
    console.log(`| ${op}${op.startsWith('JSON') ? ' (baseline)' : ''} | ${ms.toFixed(0)} | ${median(ratios[op]!).toFixed(2)} | ${ms < 1000 ? 'yes' : 'NO'} | ${size} |`);
  }
}
