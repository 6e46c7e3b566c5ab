import { writeFileSync } from 'node:fs';
import { PARETO_K_BAD, rNumber } from '../../core/diagnostics/index.js';
import type { RunLoo } from '../../core/run/index.js';
import { looPointwiseCsv, tableOf } from '../../runner/index.js';
import type { Command } from '../command.js';
import { inEngineProcess, TIMEOUT_OPTION, timeoutHelp, timeoutOf } from '../engine-process.js';
import { readDrawsFiles } from '../draws-files.js';
import { CliError } from '../files.js';
import { parseModelCommand, printFailure, stringOption } from '../model-command.js';
import { table } from '../table.js';

const HELP = `usage: tilde loo MODEL --data DATA --draws CHAINS.csv [--model NAME] [--pointwise FILE] [--moment-match] [--waic]
                [--timeout S] [--json]

Approximate leave-one-out cross-validation by Pareto smoothed importance sampling (PSIS-LOO), as R's
loo package computes it: the model's log-likelihood of each observation at every draw in CHAINS.csv
(as \`tilde sample --out\` writes it), then elpd_loo, p_loo and looic with their standard errors, the
Monte Carlo SE, and the Pareto k diagnostic of each observation. An observation is a \`y[i] ~ …\` in a
loop, an element of \`y .~ …\` or of \`y ~ filldist(…)\`/\`arraydist(…)\`, or a whole multivariate \`y\`.

  --draws FILE      the posterior draws (Tilde's wide CSV or CmdStan's; several files: comma-separated)
  --pointwise FILE  write each observation's elpd_loo, MCSE, p_loo, looic, k, n_eff and r_eff as CSV
                    (\`tilde loo-compare\` compares such files)
  --moment-match    for each observation whose k exceeds 0.7, moment matching as R's loo_moment_match does
                    it (Paananen et al. 2021): the draws moved towards that observation's leave-one-out
                    posterior by affine maps while k falls, reweighted with the model's log density (every
                    parameter continuous); the estimates, k and the pointwise table are then the matched ones
  --waic            also WAIC from the same log-likelihoods (elpd_waic, p_waic, waic), as R's loo::waic
                    prints it (--json always has it)
  --model NAME      which @model of the file (default: the one the file's last sample(…) line runs, else the last)
  --json            the whole result as one JSON object (JSON has no ∞ or NaN: an infinite k or a missing
                    MCSE is null there)
${timeoutHelp('loo', 20)}`;

/** One decimal, as loo prints its estimates, but enough digits that a small number is not shown as 0.0. */
function estimate(x: number): string {
  if (!Number.isFinite(x)) return Number.isNaN(x) ? 'NA' : rNumber(x);
  return Math.abs(x) >= 1 || x === 0 ? x.toFixed(1) : x.toPrecision(2);
}

/** Which observations moment matching took on, and their k before and after. */
function momentMatchLine(result: RunLoo): string {
  const matched = result.momentMatched!;
  if (matched.length === 0) return `Moment matching: no k above ${PARETO_K_BAD}, nothing to match.`;
  const k = (x: number) => (Number.isFinite(x) ? x.toFixed(2) : rNumber(x));
  const each = matched.map((o) => `${o.name} k ${k(o.kBefore)} -> ${k(result.pointwise[result.names.indexOf(o.name)]!.paretoK)} (${o.transformations} transformation${o.transformations === 1 ? '' : 's'})`);
  return `Moment matching: ${each.join(', ')}.`;
}

/** loo's print: the estimates, the MC SE, the k table, then what to look at. */
export function looReport(result: RunLoo, draws: number[]): string {
  const lines = [`Computed from ${result.draws} by ${result.observations} log-likelihood matrix (${draws.length} chain${draws.length === 1 ? '' : 's'} of ${Math.min(...draws)} draws)`, ''];
  const rows = [['', 'Estimate', 'SE']];
  for (const [name, e] of [['elpd_loo', result.elpdLoo], ['p_loo', result.pLoo], ['looic', result.looic]] as const) rows.push([name, estimate(e.estimate), estimate(e.se)]);
  lines.push(table(rows, { indent: 0, gap: 2, rightAlignFrom: 1 }), '------');
  lines.push(Number.isNaN(result.mcseElpdLoo) ? `Monte Carlo SE of elpd_loo is NA: some k exceed ${PARETO_K_BAD}.` : `Monte Carlo SE of elpd_loo is ${estimate(result.mcseElpdLoo)}.`, '');
  const k = [['Pareto k', '', 'Count', 'Pct.', 'Min. n_eff']];
  for (const c of result.kTable) {
    const range = `(${c.lower === -Infinity ? '-Inf' : c.lower}, ${c.upper === Infinity ? 'Inf' : c.upper}]`.replace('Inf]', 'Inf)');
    k.push([range, `(${c.label})`, String(c.count), `${((100 * c.count) / result.observations).toFixed(1)}%`, c.count ? String(Math.round(c.minNEff)) : '–']);
  }
  lines.push(table(k, { indent: 0, gap: 2, rightAlignFrom: 2 }));
  const bad = result.pointwise.flatMap((p, i) => (p.paretoK > PARETO_K_BAD ? [`${result.names[i]} (k = ${Number.isFinite(p.paretoK) ? p.paretoK.toFixed(2) : rNumber(p.paretoK)})`] : []));
  if (bad.length > 0) {
    lines.push('', `k above ${PARETO_K_BAD}, where the estimate of elpd_loo cannot be trusted: ${bad.slice(0, 10).join(', ')}${bad.length > 10 ? `, and ${bad.length - 10} more` : ''}.`);
    const first = result.momentMatched ? 'Moment matching did not bring k down enough: refit' : 'Try --moment-match (loo_moment_match), or refit';
    lines.push(`${first} without those observations (exact LOO), or use a model whose posterior they move less (a heavier-tailed likelihood).`);
  }
  if (result.momentMatched) lines.push('', momentMatchLine(result));
  for (const note of result.notes) lines.push('', `Note: ${note}.`);
  return lines.join('\n');
}

/** loo's print of a \`waic\` object: the estimates, then its warning. */
export function waicReport(result: RunLoo): string {
  const rows = [['', 'Estimate', 'SE']];
  for (const [name, e] of [['elpd_waic', result.waic.elpdWaic], ['p_waic', result.waic.pWaic], ['waic', result.waic.waic]] as const) rows.push([name, estimate(e.estimate), estimate(e.se)]);
  const lines = ['WAIC from the same log-likelihood matrix', '', table(rows, { indent: 0, gap: 2, rightAlignFrom: 1 })];
  if (result.waic.warning) lines.push('', result.waic.warning);
  return lines.join('\n');
}

export const looCommand: Command = async (argv) => {
  const command = parseModelCommand(argv, HELP, { draws: { type: 'string' }, pointwise: { type: 'string' }, 'moment-match': { type: 'boolean' }, waic: { type: 'boolean' }, ...TIMEOUT_OPTION });
  if (!command) return 0;
  const drawsFiles = stringOption(command, 'draws');
  if (drawsFiles === undefined) throw new CliError(`--draws is needed: the posterior draws whose leave-one-out is wanted\n\n${HELP}`, 2);
  const posterior = readDrawsFiles(drawsFiles.split(',').map((f) => f.trim()));
  const outcome = await inEngineProcess((engine) => engine.loo({ ...command.request, posterior: tableOf(posterior), momentMatch: command.values['moment-match'] === true }), timeoutOf(command, 'loo'));
  if (!outcome.ok) return printFailure(command, outcome.diagnostics);
  const out = stringOption(command, 'pointwise');
  if (out !== undefined) writeFileSync(out, looPointwiseCsv(outcome.value).text);
  const draws = Array.from({ length: posterior.nChains }, (_, c) => posterior.nDraws(c));
  if (command.json) console.log(JSON.stringify(outcome.value, null, 2));
  else console.log(command.values.waic === true ? `${looReport(outcome.value, draws)}\n\n${waicReport(outcome.value)}` : looReport(outcome.value, draws));
  return 0;
};
