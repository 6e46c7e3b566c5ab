import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { ChainsError, type Chains } from '../../core/chains/index.js';
import { diagnose, summaryCells, summaryHeader, summaryToCsv, type ChainSamplerDiagnostics, type Diagnosis, type DiagnosticWarning } from '../../core/diagnostics/index.js';
import type { Command } from '../command.js';
import { readDrawsFiles } from '../draws-files.js';
import { CliError } from '../files.js';
import { probsOption } from '../probs.js';
import { table } from '../table.js';

/** Names left-aligned, numbers right-aligned, as R prints a summary. */
const SUMMARY_LAYOUT = { indent: 0, gap: 2, rightAlignFrom: 1 };

const HELP = `usage: tilde summary FILE... [--csv] [--output FILE] [--variables NAMES] [--generated NAMES] [--probs P,...]

Reads draws from CSV files (Tilde's wide layout, R posterior's draws layout, or CmdStan's layout with one
file per chain; several files are combined chain by chain) and prints the summary table (mean, sd,
median, mad, q5, q95, mcse_mean, mcse_sd, ess_bulk, ess_tail, rhat, ess_per_sec, as R's posterior
computes them), the sampler checks per chain and the warnings.

  --csv              the summary table as CSV (warnings go to stderr)
  --output FILE      write the CSV to FILE instead of standard output
  --variables NAMES  comma-separated names or base names to summarise (default: every parameter and
                     generated quantity)
  --generated NAMES  comma-separated names or base names that are generated quantities
  --probs P,...      further quantiles to report, e.g. 0.025,0.975`;

class UsageError extends Error {}

function list(value: string | undefined): string[] | undefined {
  return value === undefined ? undefined : value.split(/,(?![^[]*\])/).map((s) => s.trim()).filter((s) => s !== '');
}

/**
 * Four significant digits for estimates and rates, whole numbers for ESS, three decimals for R-hat (below 1000). A location (mean,
 * median, quantile) that needs more has its text in the summary row (`SummaryRow.locationText`).
 */
function cell(column: string, v: string | number): string {
  if (typeof v === 'string') return v;
  if (Number.isNaN(v)) return 'NA';
  if (!Number.isFinite(v)) return v > 0 ? 'Inf' : '-Inf';
  // ESS per second is a rate: a slow run's 0.19 is not 0.
  if (column.startsWith('ess') && column !== 'ess_per_sec') return Math.round(v).toString();
  // Two chains stuck in different places give R-hat ~1e14: significant digits there, not fifteen integer digits.
  if (column === 'rhat') return v < 1000 ? v.toFixed(3) : v.toPrecision(4);
  const s = v.toPrecision(4);
  return s.includes('e') ? s : String(Number(s));
}

/** Stan's per-chain sampler summary: the checks, then what the chain adapted to and what it cost. */
const CHAIN_COLUMNS: readonly [string, (s: ChainSamplerDiagnostics) => number, 'count'?][] = [
  ['divergences', (s) => s.divergences, 'count'],
  ['max_treedepth_hits', (s) => s.treeDepthHits, 'count'],
  ['ebfmi', (s) => s.ebfmi],
  ['stepsize', (s) => s.stepSize],
  ['mean_accept_stat', (s) => s.meanAcceptance],
  ['mean_n_leapfrog', (s) => s.meanLeapfrogSteps],
  ['elbo', (s) => s.variational?.elbo ?? NaN],
  ['pareto_k', (s) => s.variational?.paretoK ?? NaN],
  ['log_evidence', (s) => s.particles?.logEvidence ?? NaN],
  ['effective_particles', (s) => s.particles?.effectiveParticles ?? NaN],
  ['distinct_draws', (s) => s.particles?.distinctDraws ?? NaN, 'count'],
  ['warmup_s', (s) => s.warmupSeconds],
  ['sampling_s', (s) => s.samplingSeconds],
];

/** One row a chain; a column no chain has (times of CmdStan files, leapfrog steps of MH) is left out. */
function chainTable(sampler: readonly ChainSamplerDiagnostics[]): string[][] {
  const columns = CHAIN_COLUMNS.filter(([, of]) => sampler.some((s) => !Number.isNaN(of(s))));
  return [['chain', 'draws', ...columns.map(([name]) => name)], ...sampler.map((s) => [String(s.chain + 1), String(s.draws), ...columns.map(([name, of, count]) => (count && Number.isFinite(of(s)) ? String(of(s)) : cell(name, of(s))))])];
}

/** The summary table, the per-chain sampler checks and the warnings, as `tilde summary` and `tilde sample` print them. */
export function summaryReport(label: string, chains: Chains, diagnosis: Diagnosis): string {
  const header = summaryHeader(diagnosis.summary);
  const rows = diagnosis.summary.rows;
  const body = summaryCells(diagnosis.summary).map((cells, i) => cells.map((v, j) => rows[i]!.locationText[header[j]!] ?? cell(header[j]!, v)));
  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  // What ran, where the chains know it (a CSV read back may not): `auto` resolves per model.
  const { sampler, adBackend } = chains.nChains > 0 ? chains.info(0) : {};
  const ran = sampler === undefined ? '' : `${sampler}${adBackend === undefined ? '' : ` with ${adBackend}`}, `;
  const lines = [
    `${label}: ${ran}${plural(chains.nChains, 'chain')} × ${plural(chains.nDraws(), 'draw')}; ${plural(chains.parameters.length, 'parameter')}, ${plural(chains.generated.length, 'generated quantity').replace('quantitys', 'quantities')}, ${plural(chains.stats.length, 'sampler statistic')}`,
    '',
    table([header, ...body], SUMMARY_LAYOUT),
  ];
  const described = diagnosis.sampler.filter((s) => CHAIN_COLUMNS.some(([, of]) => !Number.isNaN(of(s))));
  if (described.length > 0) lines.push('', table(chainTable(described), SUMMARY_LAYOUT));
  const warnings = warningLines(diagnosis.warnings);
  lines.push('', warnings.length === 0 ? 'no warnings' : `${plural(warnings.length, 'warning')}:`);
  for (const line of warnings) lines.push(`  ${line}`);
  return lines.join('\n');
}

/** More parameters than this with one kind of warning are one line, as rstan says "The largest R-hat is …". */
const LISTED_PER_KIND = 5;

const KIND_TEXT: Partial<Record<DiagnosticWarning['kind'], { what: string; worst: 'largest' | 'smallest' | null }>> = {
  rhat: { what: 'R-hat', worst: 'largest' },
  ess_bulk: { what: 'bulk ESS', worst: 'smallest' },
  ess_tail: { what: 'tail ESS', worst: 'smallest' },
  // Every parameter of a near-normal posterior can be at the cap, which is one figure: no worst to name.
  ess_capped: { what: 'bulk ESS capped at S·log10(S)', worst: null },
};

/**
 * The warnings as lines: each chain's, and each parameter's while few; a kind that many parameters share (a
 * large model's ESS, 91 lines for one Q-learning run) is one line with how many, the worst and where, and the advice.
 */
function warningLines(warnings: readonly DiagnosticWarning[]): string[] {
  const byKind = new Map<string, DiagnosticWarning[]>();
  for (const w of warnings) if (w.parameter !== undefined) byKind.set(w.kind, [...(byKind.get(w.kind) ?? []), w]);
  const grouped = new Set([...byKind].filter(([kind, ws]) => ws.length > LISTED_PER_KIND && KIND_TEXT[kind as DiagnosticWarning['kind']]).map(([kind]) => kind));
  const lines: string[] = [];
  const done = new Set<string>();
  for (const w of warnings) {
    if (w.parameter === undefined || !grouped.has(w.kind)) {
      lines.push(w.message);
      continue;
    }
    if (done.has(w.kind)) continue;
    done.add(w.kind);
    const all = byKind.get(w.kind)!;
    const { what, worst } = KIND_TEXT[w.kind]!;
    const advice = w.message.slice(w.message.indexOf('; ') + 2);
    if (worst === null) {
      lines.push(`${what} for ${all.length} parameters (${all[0]!.parameter}, …); ${advice}`);
      continue;
    }
    const pick = all.reduce((a, b) => ((worst === 'largest' ? b.value > a.value : b.value < a.value) ? b : a));
    const value = Number.isInteger(pick.value) ? String(pick.value) : pick.value.toPrecision(4);
    lines.push(`${what} ${worst === 'largest' ? '>' : '<'} ${w.threshold} for ${all.length} parameters (the ${worst} ${value}, ${pick.parameter}); ${advice}`);
  }
  return lines;
}

export const summary: Command = async (argv) => {
  try {
    const { values, positionals } = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        csv: { type: 'boolean' },
        output: { type: 'string', short: 'o' },
        variables: { type: 'string' },
        generated: { type: 'string' },
        probs: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    });
    if (values.help) {
      console.log(HELP);
      return 0;
    }
    if (positionals.length === 0) throw new UsageError(`no CSV file given\n\n${HELP}`);
    if (values.output !== undefined && !values.csv) throw new UsageError('--output writes the CSV summary, so it needs --csv');
    const chains = readDrawsFiles(positionals, list(values.generated));
    const diagnosis = diagnose(chains, { variables: list(values.variables), probs: probsOption(values.probs) });
    if (!values.csv) {
      console.log(summaryReport(positionals.join(', '), chains, diagnosis));
      return 0;
    }
    const csv = summaryToCsv(diagnosis.summary);
    if (values.output !== undefined) writeFileSync(values.output, csv);
    else process.stdout.write(csv);
    for (const w of diagnosis.warnings) console.error(`warning: ${w.message}`);
    return 0;
  } catch (e) {
    // Usage, file and data problems get a message, not a stack; parseArgs signals bad flags by its code.
    const isArgs = e instanceof TypeError && 'code' in e && String(e.code).startsWith('ERR_PARSE_ARGS');
    if (!(e instanceof UsageError || e instanceof CliError || e instanceof ChainsError || isArgs)) throw e;
    console.error(`tilde summary: ${(e as Error).message}`);
    return 1;
  }
};
