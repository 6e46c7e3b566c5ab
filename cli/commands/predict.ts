import { writeFileSync } from 'node:fs';
import { toWideCsv } from '../../core/chains/index.js';
import { diagnose } from '../../core/diagnostics/index.js';
import { chainsOf, tableOf } from '../../runner/index.js';
import type { Command } from '../command.js';
import { inEngineProcess, TIMEOUT_OPTION, timeoutHelp, timeoutOf } from '../engine-process.js';
import { readDrawsFiles } from '../draws-files.js';
import { CliError } from '../files.js';
import { parseModelCommand, printFailure, stringOption } from '../model-command.js';
import { summaryReport } from './summary.js';

const HELP = `usage: tilde predict MODEL --data DATA --draws CHAINS.csv [--missing NAMES] [--model NAME] [--seed N] [--out FILE] [--timeout S]

Turing's predict(model, chain): for every draw in CHAINS.csv (as \`tilde sample --out\` writes it), runs
MODEL with the parameters at that draw and draws each missing argument from its distribution: the
posterior predictive. Prints the summary of the predicted variables and writes them as CSV.

  --draws FILE     the posterior draws (Tilde's wide CSV or CmdStan's; several files: comma-separated)
  --missing NAMES  comma-separated arguments to predict whole (or a table argument's observed column,
                   df.y): every element of each is taken as missing, whatever the data holds
                   (otherwise only the data's nulls are missing)
  --out FILE       write the predicted draws as CSV (chain, draw, then the predicted elements)
  --model NAME     which @model of the file (default: the one the file's last sample(…) line runs, else the last)
${timeoutHelp('predictDraws', 19)}`;

export const predictCommand: Command = async (argv) => {
  const command = parseModelCommand(argv, HELP, { draws: { type: 'string' }, missing: { type: 'string' }, out: { type: 'string' }, ...TIMEOUT_OPTION });
  if (!command) return 0;
  const drawsFiles = stringOption(command, 'draws');
  if (drawsFiles === undefined) throw new CliError(`--draws is needed: the posterior draws to predict from\n\n${HELP}`, 2);
  const posterior = readDrawsFiles(drawsFiles.split(',').map((f) => f.trim()));
  const missing = (stringOption(command, 'missing') ?? '').split(',').map((s) => s.trim()).filter((s) => s !== '');
  const request = { ...command.request, missing, posterior: tableOf(posterior) };
  const outcome = await inEngineProcess((engine) => engine.predictDraws(request), timeoutOf(command, 'predictDraws'));
  if (!outcome.ok) return printFailure(command, outcome.diagnostics);
  const predicted = chainsOf(outcome.value);
  if (predicted.parameters.length === 0) throw new CliError(`nothing to predict: no argument of the model is missing (give nulls in the data, or --missing NAMES)`);
  const out = stringOption(command, 'out');
  if (out !== undefined) writeFileSync(out, toWideCsv(predicted));
  console.log(summaryReport(`${command.file}, predicted from ${drawsFiles}`, predicted, diagnose(predicted)));
  return 0;
};
