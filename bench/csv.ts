import { Chains, readDrawsCsv, toStanCsv, toWideCsv } from '../core/chains/index.js';
import { Rng } from '../core/rng/index.js';

const CHAINS = 4;
const DRAWS = 25_000;
const PARAMETERS = 50;
const REPEATS = 5;

/** The fastest of a few runs: the least disturbed by whatever else the machine is doing. */
function best<T>(f: () => T): { ms: number; value: T } {
  let ms = Infinity;
  let value!: T;
  for (let k = 0; k < REPEATS; k++) {
    const t = performance.now();
    value = f();
    ms = Math.min(ms, performance.now() - t);
  }
  return { ms, value };
}

function draws(): Chains {
  const rng = Rng.seeded(1);
  const chains = new Chains({ parameters: Array.from({ length: PARAMETERS }, (_, j) => `β[${j + 1}]`) }, CHAINS);
  for (let c = 0; c < CHAINS; c++) chains.append(c, { parameters: Float64Array.from({ length: DRAWS * PARAMETERS }, () => rng.normal()) });
  return chains;
}

/** Export and import of 10⁵ draws × 50 parameters, against JSON.stringify / JSON.parse of the same doubles. */
export async function run(): Promise<void> {
  const chains = draws();
  const flat = chains.columns.flatMap((name) => Array.from({ length: CHAINS }, (_, c) => Array.from(chains.draws(name, c)))).flat();

  const jsonOut = best(() => JSON.stringify(flat));
  const jsonIn = best(() => JSON.parse(jsonOut.value) as number[]);
  const wideOut = best(() => toWideCsv(chains));
  const wideIn = best(() => readDrawsCsv(wideOut.value));
  const stanOut = best(() => Array.from({ length: CHAINS }, (_, c) => toStanCsv(chains, c)));
  const stanIn = best(() => Chains.combine(stanOut.value.map((text) => readDrawsCsv(text))));

  for (const back of [wideIn.value, stanIn.value]) {
    if (back.draws('β[50]', 3)[DRAWS - 1] !== chains.draws('β[50]', 3)[DRAWS - 1]) throw new Error('the round trip changed a draw');
  }
  const mb = (s: string | string[]) => ((typeof s === 'string' ? s.length : s.reduce((n, x) => n + x.length, 0)) / 1e6).toFixed(1);
  console.log(`${CHAINS * DRAWS} draws × ${PARAMETERS} parameters (${CHAINS} chains), full-precision doubles; best of ${REPEATS}`);
  console.log('');
  const rows: [string, number, number, string][] = [
    ['JSON.stringify (baseline)', jsonOut.ms, jsonOut.ms, `${mb(jsonOut.value)} MB`],
    ['JSON.parse (baseline)', jsonIn.ms, jsonIn.ms, ''],
    ['wide CSV export', wideOut.ms, jsonOut.ms, `${mb(wideOut.value)} MB`],
    ['wide CSV import', wideIn.ms, jsonIn.ms, ''],
    ['Stan CSV export (4 files)', stanOut.ms, jsonOut.ms, `${mb(stanOut.value)} MB`],
    ['Stan CSV import (4 files)', stanIn.ms, jsonIn.ms, ''],
  ];
  console.log('| operation | ms | × JSON | under 1 s | size |');
  console.log('| --- | ---: | ---: | --- | ---: |');
  for (const [what, ms, base, size] of rows) {
    console.log(`| ${what} | ${ms.toFixed(0)} | ${(ms / base).toFixed(2)} | ${ms < 1000 ? 'yes' : 'NO'} | ${size} |`);
  }
}
