import type { BackendBenchmark } from '../../core/model/index.js';
import { ENGINE_TIMEOUTS_MS } from '../../runner/index.js';
import type { Command } from '../command.js';
import { inEngineProcess } from '../engine-process.js';
import { CliError } from '../files.js';
import { parseModelCommand, printFailure, stringOption } from '../model-command.js';
import { table } from '../table.js';

const HELP = `usage: tilde bench-ad MODEL [--data DATA] [--model NAME] [--seed N] [--budget MS] [--json]

Times the log density of MODEL alone and its gradient with every AD backend (median over repeated
calls after warm-up, at a draw from the prior), prints µs per gradient and the gradient/log-density
ratio, marks the fastest, and says which backend \`auto\` picks and why. The timing runs in an engine
process started as a chain's worker is, so it measures what sampling would run.

  --budget     milliseconds spent measuring each backend (default 400)`;

function report(b: BackendBenchmark, file: string): string {
  const rows = [['backend', 'µs / gradient', 'gradient / log density', '']];
  for (const r of b.rows) {
    if (r.microseconds === undefined) rows.push([r.label, 'refused', '', firstSentence(r.refused ?? '')]);
    else rows.push([r.label, r.microseconds.toFixed(1), `${r.ratio!.toFixed(1)}×`, r.fastest ? '← fastest' : '']);
  }
  return [
    `${file}: ${b.dimension} unconstrained parameter${b.dimension === 1 ? '' : 's'}; log density alone ${b.primalMicroseconds.toFixed(1)} µs`,
    '',
    table(rows),
    '',
    `auto picks ${b.auto.label}: ${b.auto.reason}`,
    ...measuredPick(b),
  ].join('\n');
}

/** Where another backend measured faster than `auto`'s pick, how to sample with it. */
function measuredPick(b: BackendBenchmark): string[] {
  const fastest = b.rows.find((r) => r.fastest);
  if (!fastest || fastest.label === b.auto.label) return [];
  const flag = fastest.name + (fastest.options.compile ? ':compile' : '');
  return [`\`--ad auto\` keeps its choice, which depends on the model alone so that a seed gives the same draws on any machine; sample with --ad ${flag} to use the measured fastest`];
}

function firstSentence(text: string): string {
  const i = text.indexOf(':');
  return i > 0 && i < 80 ? text.slice(0, i) : text.slice(0, 80);
}

export const benchAd: Command = async (argv) => {
  const command = parseModelCommand(argv, HELP, { budget: { type: 'string' } });
  if (!command) return 0;
  const budget = stringOption(command, 'budget');
  const budgetMs = budget === undefined ? 400 : Number(budget);
  if (!(budgetMs > 0)) throw new CliError(`--budget must be a positive number of milliseconds, got ${budget}`, 2);
  // In the process chains and the workbench's benchmark run in: this one runs under tsx, whose
  // keepNames makes the interpreter 15–30 % slower, and a model that loops forever would hang it.
  // The log density (timed twice) and four backends each take up to the budget: a long budget asked for
  // must not read as a model that loops forever.
  const outcome = await inEngineProcess((engine) => engine.benchmark({ ...command.request, budgetMs }), { benchmark: ENGINE_TIMEOUTS_MS.benchmark + 6 * budgetMs });
  if (!outcome.ok) return printFailure(command, outcome.diagnostics);
  console.log(command.json ? JSON.stringify(outcome.value, null, 2) : report(outcome.value, command.file));
  return 0;
};
