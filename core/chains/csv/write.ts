import type { Chains } from '../chains.js';
import { baseName, STAN_STAT_ORDER, toStanName, toStanStat } from '../names.js';
import { csvHeader } from './table.js';
import { formatNumber, type NumberDialect } from './number.js';

/** Rows of `columns` for one chain, each led by `prefix(draw)` (which brings its own comma). */
function rows(chains: Chains, chain: number, columns: readonly string[], dialect: NumberDialect, prefix: (d: number) => string): string {
  const cols = columns.map((name) => chains.draws(name, chain));
  const n = chains.nDraws(chain);
  const lines = new Array<string>(n + 1);
  const cells = new Array<string>(cols.length);
  for (let d = 0; d < n; d++) {
    for (let j = 0; j < cols.length; j++) cells[j] = formatNumber(cols[j]![d]!, dialect);
    lines[d] = prefix(d) + cells.join(',');
  }
  // The empty last entry ends the last row with a line break too.
  lines[n] = '';
  return n === 0 ? '' : lines.join('\n');
}

/**
 * Tilde's wide CSV: `chain, draw, <parameters…>, <generated quantities…>, <sampler statistics…>` under
 * Turing's names, every chain's draws in one file, numbers in their shortest exact form.
 */
export function toWideCsv(chains: Chains): string {
  let out = csvHeader(['chain', 'draw', ...chains.columns]) + '\n';
  for (let c = 0; c < chains.nChains; c++) {
    const label = `${c + 1},`;
    out += rows(chains, c, chains.columns, 'r', (d) => `${label}${d + 1},`);
  }
  return out;
}

function settingLines(chains: Chains, chain: number): string[] {
  const info = chains.info(chain);
  const n = chains.nDraws(chain);
  const thin = info.thin ?? 1;
  const line = (key: string, value: string | number | boolean, indent = 0) => `# ${'  '.repeat(indent)}${key} = ${value}`;
  const lines = [
    line('method', 'sample'),
    '#   sample',
    line('num_samples', n * thin, 2),
    line('num_warmup', info.warmup ?? 0, 2),
    line('save_warmup', 0, 2),
    line('thin', thin, 2),
    line('algorithm', 'hmc', 2),
    line('engine', 'nuts', 3),
  ];
  if (info.maxTreeDepth !== undefined) lines.push('#           nuts', line('max_depth', info.maxTreeDepth, 4));
  lines.push(line('id', chain + 1));
  if (info.seed !== undefined) lines.push('# random', line('seed', info.seed, 1));
  if (info.sampler !== undefined) lines.push(line('sampler', info.sampler));
  if (info.adBackend !== undefined) lines.push(line('ad_backend', info.adBackend));
  const generated = [...new Set(chains.generated.map(baseName))];
  if (generated.length > 0) lines.push(line('generated_quantities', generated.join(',')));
  for (const [key, value] of Object.entries(info.settings ?? {})) lines.push(line(key, value));
  return lines;
}

function timingLines(chains: Chains, chain: number): string[] {
  const { warmupSeconds, samplingSeconds } = chains.info(chain);
  if (warmupSeconds === undefined && samplingSeconds === undefined) return [];
  const w = warmupSeconds ?? 0;
  const s = samplingSeconds ?? 0;
  return ['# ', `#  Elapsed Time: ${formatNumber(w)} seconds (Warm-up)`, `#                ${formatNumber(s)} seconds (Sampling)`, `#                ${formatNumber(w + s)} seconds (Total)`, '# '];
}

/**
 * One chain in CmdStan's CSV layout, which CmdStan's, CmdStanPy's and ArviZ's readers load: the run's
 * settings as `# key = value` comments, the sampler columns first under Stan's names (`lp__`,
 * `accept_stat__` …), then parameters and generated quantities as `theta.1.2`, timings at the end.
 * CmdStan writes a file per chain, and so does this.
 */
export function toStanCsv(chains: Chains, chain: number): string {
  const stats = [...STAN_STAT_ORDER.filter((s) => chains.stats.includes(s)), ...chains.stats.filter((s) => !STAN_STAT_ORDER.includes(s))];
  const columns = [...stats, ...chains.parameters, ...chains.generated];
  const header = csvHeader([...stats.map(toStanStat), ...chains.parameters.map(toStanName), ...chains.generated.map(toStanName)]);
  const head = [...settingLines(chains, chain), header].join('\n') + '\n';
  const tail = timingLines(chains, chain).map((l) => l + '\n').join('');
  return head + rows(chains, chain, columns, 'stan', () => '') + tail;
}
