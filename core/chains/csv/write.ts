import type { Chains } from '../chains.js';
import type { ChainInfo } from '../info.js';
import { baseName, STAN_STAT_ORDER, toStanMetric, toStanName, toStanStat } from '../names.js';
import { csvHeader } from './table.js';
import { formatNumber, formatRows, type NumberDialect } from './number.js';

/** Rows written at a time: one JSON.stringify for many rows takes 15% less time than one per row. */
const BLOCK = 256;

/** Appends to `lines` the rows of `columns` for one chain, each led by the chain's and the draw's number when `numbered`. */
function pushRows(lines: string[], chains: Chains, chain: number, columns: readonly string[], dialect: NumberDialect, numbered: boolean): void {
  const cols = columns.map((name) => chains.draws(name, chain));
  const lead = numbered ? 2 : 0;
  const n = chains.nDraws(chain);
  // Rows reused for every block, made without holes so that they stay packed arrays of doubles, the kind
  // JSON.stringify (in formatRows) reads fastest; the first cell of a numbered row is the chain's number.
  const block = Array.from({ length: Math.min(BLOCK, n) }, () => Array.from({ length: lead + cols.length }, () => chain + 1));
  for (let first = 0; first < n; first += BLOCK) {
    block.length = Math.min(BLOCK, n - first);
    for (let i = 0; i < block.length; i++) {
      const row = block[i]!;
      if (numbered) row[1] = first + i + 1;
      for (let j = 0; j < cols.length; j++) row[lead + j] = cols[j]![first + i]!;
    }
    lines.push(formatRows(block, dialect));
  }
}

/**
 * Lines as a file, each ended by a line break. One join for the whole file: strings added piece by piece
 * would leave a rope for the reader to copy into one string first.
 */
function file(lines: string[]): string {
  lines.push('');
  return lines.join('\n');
}

/**
 * Tilde's wide CSV: `chain, draw, <parameters…>, <generated quantities…>, <sampler statistics…>` under
 * Turing's names, every chain's draws in one file, numbers in their shortest exact form.
 */
export function toWideCsv(chains: Chains): string {
  const lines = [csvHeader(['chain', 'draw', ...chains.columns])];
  for (let c = 0; c < chains.nChains; c++) pushRows(lines, chains, c, chains.columns, 'r', true);
  return file(lines);
}

/** Stan's engine for Tilde's HMC-family samplers: HMC-DA's fixed trajectory length with an adapted step is Stan's static HMC. */
const STAN_ENGINES: Readonly<Record<string, string>> = { NUTS: 'nuts', HMC: 'static', HMCDA: 'static' };

/**
 * CmdStan's `algorithm` block. rstan's `read_stan_csv` stops on an `hmc` file without its metric, so NUTS writes
 * one (Stan's default where the run did not say). A sampler Stan lacks is named as itself: a file that said
 * `hmc` for MH draws would lie to whoever reads it; draws without a sampler (imported) stay CmdStan's default.
 */
function algorithmLines(info: ChainInfo): string[] {
  const engine = info.sampler === undefined ? 'nuts' : STAN_ENGINES[info.sampler];
  if (engine === undefined) return [`#     algorithm = ${info.sampler!.toLowerCase()}`];
  const lines = ['#     algorithm = hmc', '#       hmc', `#         engine = ${engine}`];
  if (engine === 'nuts' && info.maxTreeDepth !== undefined) lines.push('#           nuts', `#             max_depth = ${info.maxTreeDepth}`);
  const metric = info.metric ?? (engine === 'nuts' ? 'diagonal' : undefined);
  if (metric !== undefined) lines.push(`#         metric = ${toStanMetric(metric)}`);
  return lines;
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
    ...algorithmLines(info),
    line('id', chain + 1),
  ];
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
  const lines = [...settingLines(chains, chain), header];
  pushRows(lines, chains, chain, columns, 'stan', false);
  lines.push(...timingLines(chains, chain));
  return file(lines);
}
