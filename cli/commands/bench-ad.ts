import { parseArgs } from 'node:util';
import { existsSync } from 'node:fs';
import { benchmarkModel } from '../../core/lang/index.js';
import type { BackendBenchmark } from '../../core/model/index.js';
import type { Command } from '../command.js';
import { formatDiagnostics } from '../diagnostics.js';
import { CliError, readData, readText } from '../files.js';
import { table } from '../table.js';

const HELP = `usage: tilde bench-ad MODEL [--data DATA] [--model NAME] [--seed N] [--budget MS] [--json]

Times the log density of MODEL alone and its gradient with every AD backend (median over repeated
calls after warm-up, at a draw from the prior), prints µs per gradient and the gradient/log-density
ratio, marks the fastest, and says which backend \`auto\` picks and why.

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
  ].join('\n');
}

function firstSentence(text: string): string {
  const i = text.indexOf(':');
  return i > 0 && i < 80 ? text.slice(0, i) : text.slice(0, 80);
}

export const benchAd: Command = async (argv) => {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      data: { type: 'string' },
      model: { type: 'string' },
      seed: { type: 'string' },
      budget: { type: 'string' },
      json: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) {
    console.log(HELP);
    return 0;
  }
  const file = positionals[0];
  if (!file || positionals.length > 1) throw new CliError(HELP, 2);
  if (!existsSync(file)) throw new CliError(`no such model file: ${file}`);
  const budgetMs = values.budget === undefined ? 400 : Number(values.budget);
  if (!(budgetMs > 0)) throw new CliError(`--budget must be a positive number of milliseconds, got ${values.budget}`, 2);
  const source = readText(file, 'model file');
  const outcome = benchmarkModel(
    {
      source,
      ...(values.data ? { data: readData(values.data) } : {}),
      ...(values.model ? { modelName: values.model } : {}),
      ...(values.seed ? { seed: Number(values.seed) } : {}),
    },
    { budgetMs },
  );
  if (!outcome.ok) {
    if (values.json) console.log(JSON.stringify({ diagnostics: outcome.diagnostics }, null, 2));
    else console.error(formatDiagnostics(file, source, outcome.diagnostics));
    return 1;
  }
  console.log(values.json ? JSON.stringify(outcome.value, null, 2) : report(outcome.value, file));
  return 0;
};
