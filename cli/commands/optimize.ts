import type { Command } from '../command.js';
import { formatDiagnostics } from '../diagnostics.js';
import { inEngineProcess, TIMEOUT_OPTION, timeoutHelp, timeoutOf } from '../engine-process.js';
import { CliError, initialValues } from '../files.js';
import { parseModelCommand, printFailure, stringOption } from '../model-command.js';
import { table } from '../table.js';

const HELP = `usage: tilde optimize MODEL [--data DATA] [--kind map|mle] [--ad BACKEND] [--model NAME] [--seed N] [--init JSON] [--timeout S] [--json]

The posterior mode (map, default: Turing's maximum_a_posteriori) or the maximum-likelihood estimate
(mle) by L-BFGS, with standard errors from the Hessian. It starts from Stan's random point and three
draws from the prior and keeps the best optimum, or from --init alone when given.

  --init JSON    where to start (Turing's initial_params), constrained values by name, inline or a
                 file: {"σ": 1, "β": [0, 1]}; a parameter left out starts uniform(−2, 2) unconstrained
  --model NAME   which @model of the file (default: the one the file's last sample(…) line runs, else the last)
${timeoutHelp('optimize', 17)}`;

export const optimizeCommand: Command = async (argv) => {
  const command = parseModelCommand(argv, HELP, { kind: { type: 'string' }, ad: { type: 'string' }, init: { type: 'string' }, ...TIMEOUT_OPTION });
  if (!command) return 0;
  const kind = stringOption(command, 'kind') ?? 'map';
  if (kind !== 'map' && kind !== 'mle') throw new CliError(`--kind must be map or mle, got ${kind}`, 2);
  const initText = stringOption(command, 'init');
  const init = initText === undefined ? undefined : initialValues(initText);
  const ad = stringOption(command, 'ad');
  const outcome = await inEngineProcess((engine) => engine.optimize({ ...command.request, kind, ...(ad ? { ad } : {}), ...(init ? { init } : {}) }), timeoutOf(command, 'optimize'));
  if (!outcome.ok) return printFailure(command, outcome.diagnostics);
  if (outcome.warnings.length) console.error(formatDiagnostics(command.file, command.source, outcome.warnings));
  const result = outcome.value;
  if (command.json) {
    console.log(JSON.stringify(result, null, 2));
    return 0;
  }
  const rows = [['parameter', 'estimate', 'std. error'], ...Object.entries(result.mode).map(([k, v]) => [k, v.toPrecision(6), Number.isNaN(result.se[k]!) ? 'NA' : result.se[k]!.toPrecision(4)])];
  console.log(`${kind === 'map' ? 'posterior mode' : 'maximum likelihood'} of ${result.model}: ${result.converged ? 'converged' : 'NOT converged'} after ${result.iterations} iterations (${result.message})`);
  console.log(`${kind === 'map' ? 'log joint' : 'log likelihood'} at the optimum: ${result.value.toPrecision(10)}\n`);
  console.log(table(rows));
  if (result.seMessage) console.log(`\nstandard errors: ${result.seMessage}`);
  return 0;
};
