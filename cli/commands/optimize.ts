import { prepare } from '../../core/lang/index.js';
import { optimize } from '../../core/run/index.js';
import { toDiagnostic } from '../../core/lang/compile/index.js';
import type { Command } from '../command.js';
import { CliError, initialValues } from '../files.js';
import { parseModelCommand, printFailure, stringOption } from '../model-command.js';
import { table } from '../table.js';

const HELP = `usage: tilde optimize MODEL [--data DATA] [--kind map|mle] [--ad BACKEND] [--seed N] [--init JSON] [--json]

The posterior mode (map, default: Turing's maximum_a_posteriori) or the maximum-likelihood estimate
(mle) by L-BFGS, with standard errors from the Hessian. It starts from Stan's random point and three
draws from the prior and keeps the best optimum, or from --init alone when given.

  --init JSON    where to start (Turing's initial_params), constrained values by name, inline or a
                 file: {"σ": 1, "β": [0, 1]}; a parameter left out starts uniform(−2, 2) unconstrained`;

export const optimizeCommand: Command = async (argv) => {
  const command = parseModelCommand(argv, HELP, { kind: { type: 'string' }, ad: { type: 'string' }, init: { type: 'string' } });
  if (!command) return 0;
  const kind = stringOption(command, 'kind') ?? 'map';
  if (kind !== 'map' && kind !== 'mle') throw new CliError(`--kind must be map or mle, got ${kind}`, 2);
  const initText = stringOption(command, 'init');
  const init = initText === undefined ? undefined : initialValues(initText);
  const prepared = prepare(command.request);
  if (!prepared.ok) return printFailure(command, prepared.diagnostics);
  const { model, args } = prepared.value;
  let result;
  try {
    const ad = stringOption(command, 'ad');
    result = optimize(model, args, { kind, seed: command.request.seed, ...(ad ? { ad } : {}), ...(init ? { init } : {}) });
  } catch (e) {
    return printFailure(command, [toDiagnostic(command.source, e, model.params[0]?.span ?? { from: 0, to: 0 })]);
  }
  if (command.json) {
    console.log(JSON.stringify(result, null, 2));
    return 0;
  }
  const rows = [['parameter', 'estimate', 'std. error'], ...Object.entries(result.mode).map(([k, v]) => [k, v.toPrecision(6), Number.isNaN(result.se[k]!) ? 'NA' : result.se[k]!.toPrecision(4)])];
  console.log(`${kind === 'map' ? 'posterior mode' : 'maximum likelihood'} of ${model.name}: ${result.converged ? 'converged' : 'NOT converged'} after ${result.iterations} iterations (${result.message})`);
  console.log(`${kind === 'map' ? 'log joint' : 'log likelihood'} at the optimum: ${result.value.toPrecision(10)}\n`);
  console.log(table(rows));
  if (result.seMessage) console.log(`\nstandard errors: ${result.seMessage}`);
  return 0;
};
