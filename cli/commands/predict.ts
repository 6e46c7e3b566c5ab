import { writeFileSync } from 'node:fs';
import { toWideCsv } from '../../core/chains/index.js';
import { diagnose } from '../../core/diagnostics/index.js';
import { prepare } from '../../core/lang/index.js';
import { toDiagnostic } from '../../core/lang/compile/index.js';
import { missingLike, predict } from '../../core/run/index.js';
import type { Command } from '../command.js';
import { readDrawsFiles } from '../draws-files.js';
import { CliError } from '../files.js';
import { parseModelCommand, printFailure, stringOption } from '../model-command.js';
import { summaryReport } from './summary.js';

const HELP = `usage: tilde predict MODEL --data DATA --draws CHAINS.csv [--missing NAMES] [--seed N] [--out FILE]

Turing's predict(model, chain): for every draw in CHAINS.csv (as \`tilde sample --out\` writes it), runs
MODEL with the parameters at that draw and draws each missing argument from its distribution: the
posterior predictive. Prints the summary of the predicted variables and writes them as CSV.

  --draws FILE     the posterior draws (Tilde's wide CSV or CmdStan's; several files: comma-separated)
  --missing NAMES  comma-separated arguments to predict whole: every element of each is taken as
                   missing, whatever the data holds (otherwise only the data's nulls are missing)
  --out FILE       write the predicted draws as CSV (chain, draw, then the predicted elements)`;

export const predictCommand: Command = async (argv) => {
  const command = parseModelCommand(argv, HELP, { draws: { type: 'string' }, missing: { type: 'string' }, out: { type: 'string' } });
  if (!command) return 0;
  const drawsFiles = stringOption(command, 'draws');
  if (drawsFiles === undefined) throw new CliError(`--draws is needed: the posterior draws to predict from\n\n${HELP}`, 2);
  const posterior = readDrawsFiles(drawsFiles.split(',').map((f) => f.trim()));
  const prepared = prepare(command.request);
  if (!prepared.ok) return printFailure(command, prepared.diagnostics);
  const { model, args } = prepared.value;
  const given = new Map(args);
  for (const name of (stringOption(command, 'missing') ?? '').split(',').map((s) => s.trim()).filter((s) => s !== '')) {
    if (!model.params.some((p) => p.name === name)) throw new CliError(`--missing: \`${name}\` is not an argument of \`${model.name}\`; its arguments are ${model.params.map((p) => `\`${p.name}\``).join(', ')}`, 2);
    given.set(name, missingLike(args.get(name)));
  }
  let predicted;
  try {
    predicted = predict(model, given, posterior, command.request.seed);
  } catch (e) {
    return printFailure(command, [toDiagnostic(command.source, e, model.params[0]?.span ?? { from: 0, to: 0 })]);
  }
  if (predicted.parameters.length === 0) throw new CliError(`nothing to predict: no argument of \`${model.name}\` is missing (give nulls in the data, or --missing NAMES)`);
  const out = stringOption(command, 'out');
  if (out !== undefined) writeFileSync(out, toWideCsv(predicted));
  console.log(summaryReport(`${command.file}, predicted from ${drawsFiles}`, predicted, diagnose(predicted)));
  return 0;
};
