import { basename } from 'node:path';
import Papa from 'papaparse';
import { parseNumber } from '../../core/chains/index.js';
import { looCompare, LooError, summarizeLoo, type Loo, type LooComparisonRow } from '../../core/diagnostics/index.js';
import type { Command } from '../command.js';
import { CliError, readText } from '../files.js';
import { table } from '../table.js';
import { POINTWISE_COLUMNS } from '../../runner/index.js';

const HELP = `usage: tilde loo-compare POINTWISE.csv POINTWISE.csv [...]

R's loo_compare: models fitted to the same data, each given by the pointwise table \`tilde loo --pointwise\`
wrote for it, ordered by elpd_loo (best first), with each one's elpd_loo difference from the best and the
SE of that difference (from the paired pointwise differences). A difference smaller than about twice its
SE does not tell the models apart.`;

/** A `--pointwise` table read back: its observations' names and their loo values. */
function readPointwise(path: string): { names: string[]; loo: Loo } {
  const parsed = Papa.parse<string[]>(readText(path, 'pointwise table').trim(), { skipEmptyLines: true });
  const [header, ...rows] = parsed.data;
  if (!header || POINTWISE_COLUMNS.some((c, j) => header[j] !== c)) {
    throw new CliError(`${path}: not a table \`tilde loo --pointwise\` wrote (its columns are ${POINTWISE_COLUMNS.join(', ')})`);
  }
  const number = (row: string[], j: number, line: number): number => {
    const v = parseNumber(row[j] ?? '');
    if (v === undefined) throw new CliError(`${path}, line ${line}: ${POINTWISE_COLUMNS[j]} is not a number (${JSON.stringify(row[j] ?? '')})`);
    return v;
  };
  const pointwise = rows.map((row, i) => {
    const [elpdLoo, mcseElpdLoo, pLoo, looic, paretoK, nEff, relativeEff] = [1, 2, 3, 4, 5, 6, 7].map((j) => number(row, j, i + 2));
    return { elpdLoo: elpdLoo!, mcseElpdLoo: mcseElpdLoo!, pLoo: pLoo!, looic: looic!, paretoK: paretoK!, nEff: nEff!, relativeEff: relativeEff! };
  });
  if (pointwise.length === 0) throw new CliError(`${path}: the table has no observations`);
  // The draws behind the table are not in it; a comparison does not need them.
  return { names: rows.map((r) => r[0]!), loo: summarizeLoo(pointwise, NaN) };
}

const fixed = (x: number) => (Number.isFinite(x) ? x.toFixed(1) : String(x));

export const looCompareCommand: Command = async (argv) => {
  if (argv.includes('--help') || argv.includes('-h')) {
    console.log(HELP);
    return 0;
  }
  if (argv.length < 2) throw new CliError(`give two pointwise tables or more\n\n${HELP}`, 2);
  const models = argv.map((path) => ({ path, ...readPointwise(path) }));
  const first = models[0]!;
  // The first observation a table of the same size names differently from the first table.
  const renamed = models.map((m) => ({ m, at: m.names.findIndex((n, i) => n !== first.names[i]) })).find(({ m, at }) => m.names.length === first.names.length && at >= 0);
  let rows: LooComparisonRow[];
  try {
    rows = looCompare(models.map((m) => ({ name: basename(m.path), loo: m.loo })));
  } catch (e) {
    if (e instanceof LooError) throw new CliError(e.message);
    throw e;
  }
  const lines = [table([['', 'elpd_diff', 'se_diff', 'elpd_loo', 'se_elpd_loo', 'p_loo', 'looic'], ...rows.map((r) => [r.name, fixed(r.elpdDiff), fixed(r.seDiff), fixed(r.elpdLoo.estimate), fixed(r.elpdLoo.se), fixed(r.pLoo.estimate), fixed(r.looic.estimate)])], { indent: 0, gap: 2, rightAlignFrom: 1 })];
  if (renamed) lines.push('', `Note: ${basename(renamed.m.path)} names its observations differently from ${basename(first.path)} (${renamed.m.names[renamed.at]} for ${first.names[renamed.at]}): make sure both are the same data.`);
  console.log(lines.join('\n'));
  return 0;
};
