import type { CheckResult } from '../../core/lang/index.js';
import { resolveBackend } from '../../core/ad/index.js';
import type { Command } from '../command.js';
import { inEngineProcess, TIMEOUT_OPTION, timeoutHelp, timeoutOf } from '../engine-process.js';
import { formatDiagnostics } from '../diagnostics.js';
import { CliError, parameterValues } from '../files.js';
import { parseModelCommand, printFailure, stringOption } from '../model-command.js';
import { table } from '../table.js';

const HELP = `usage: tilde check MODEL [--data DATA] [--params JSON|FILE] [--ad BACKEND] [--model NAME] [--seed N] [--timeout S] [--json]

Parses MODEL (a Turing.jl-style .jl file), binds DATA (JSON, or CSV by extension) and prints the
parameters with their shapes and supports, then the log prior, log likelihood, log joint and the
unconstrained log density (with log-Jacobian) at a draw from the prior, or at --params (constrained
values by name, e.g. '{"s²": 2, "m": 1}', given inline or as a file).

  --ad         also print the gradient of the unconstrained log density with this AD backend:
               forwarddiff[:chunk=N], reversediff[:compile], tracker, finitedifferences, or auto
  --json       one machine-readable object instead of text
  --model      which @model of the file (default: the one the file's last sample(…) line runs, else the last)
  --seed       seed of the prior draw (default 1)
${timeoutHelp('evaluate', 15)}`;

function fmt(x: number): string {
  return Number.isInteger(x) ? String(x) : x.toPrecision(10).replace(/\.?0+$/, '').replace(/\.?0+e/, 'e');
}

function report(r: CheckResult, file: string, atPrior: boolean): string {
  const shape = (s: number[]) => (s.length === 0 ? 'scalar' : s.join('×'));
  const parts = [
    `model ${r.model} (${file})`,
    '',
    'parameters',
    table([['name', 'shape', 'support', 'distribution'], ...r.parameters.map((p) => [p.name, shape(p.shape), p.support, p.family])]),
    '',
    r.parameters.length === 0
      ? 'the model has no parameters: the log densities are those of the data alone'
      : `at ${atPrior ? (r.atInitRegion ? 'a point from uniform(−2, 2) in the unconstrained space' : 'a draw from the prior') : 'the given values'}: ${Object.entries(r.at)
          .map(([k, v]) => `${k} = ${fmt(v)}`)
          .join(', ')}`,
    '',
    table([
      ['log prior', fmt(r.logprior)],
      ['log likelihood', fmt(r.loglikelihood)],
      ['log joint', fmt(r.logjoint)],
      ['log density (unconstrained, with log-Jacobian)', fmt(r.logdensity)],
    ]),
    '',
    'unconstrained coordinates',
    table(r.coordinateNames.map((n, i) => [n, fmt(r.unconstrained[i]!)])),
  ];
  if (r.gradient) parts.push('', `gradient of the unconstrained log density (${r.gradient.backend})`, table(r.coordinateNames.map((n, i) => [n, fmt(r.gradient!.values[i]!)])));
  const generated = Object.entries(r.generated);
  if (generated.length) parts.push('', 'generated quantities', table(generated.map(([k, v]) => [k, fmt(v)])));
  if (r.parameters.length > 0 && r.auto) parts.push('', `--ad auto differentiates with ${r.auto.backend}: ${r.auto.reason}`);
  return parts.join('\n');
}

export const check: Command = async (argv) => {
  const command = parseModelCommand(argv, HELP, { params: { type: 'string' }, ad: { type: 'string' }, ...TIMEOUT_OPTION });
  if (!command) return 0;
  const params = stringOption(command, 'params');
  const ad = stringOption(command, 'ad');
  if (ad !== undefined) {
    try {
      resolveBackend(ad, 1);
    } catch (e) {
      throw new CliError((e as Error).message, 2);
    }
  }
  const request = { ...command.request, ...(params !== undefined ? { params: parameterValues(params, '--params') } : {}), ...(ad !== undefined ? { ad } : {}) };
  const outcome = await inEngineProcess((engine) => engine.evaluate(request), timeoutOf(command, 'evaluate'));
  if (!outcome.ok) return printFailure(command, outcome.diagnostics);
  const r = outcome.value;
  if (command.json) {
    console.log(JSON.stringify({ model: r.model, parameters: r.parameters, at: r.at, logprior: r.logprior, loglikelihood: r.loglikelihood, logjoint: r.logjoint, logdensity: r.logdensity, unconstrained: r.unconstrained, coordinates: r.coordinateNames, generated: r.generated, ...(r.gradient ? { gradient: r.gradient.values, backend: r.gradient.backend } : {}), auto: r.auto, warnings: outcome.warnings }, null, 2));
  } else {
    if (outcome.warnings.length) console.error(formatDiagnostics(command.file, command.source, outcome.warnings));
    console.log(report(r, command.file, params === undefined));
  }
  return 0;
};
