import type { Command } from './command.js';
import { CliError } from './files.js';

/** Each command lives in its own file and is loaded only when asked for, so `tilde` starts fast. */
const commands: Record<string, { summary: string; load: () => Promise<Command> }> = {
  check: { summary: 'parse a model, bind data, print parameters and log densities', load: async () => (await import('./commands/check.js')).check },
  'bench-ad': { summary: 'time every AD backend on a model and say which auto picks', load: async () => (await import('./commands/bench-ad.js')).benchAd },
  optimize: { summary: 'posterior mode (MAP) or maximum likelihood, with standard errors', load: async () => (await import('./commands/optimize.js')).optimizeCommand },
  sample: { summary: 'sample a model\'s posterior, print the summary, write the draws as CSV', load: async () => (await import('./commands/sample.js')).sampleCommand },
  predict: { summary: 'posterior predictive: draw the missing data at every posterior draw', load: async () => (await import('./commands/predict.js')).predictCommand },
  loo: { summary: 'leave-one-out cross-validation (PSIS-LOO) of posterior draws, as R\'s loo', load: async () => (await import('./commands/loo.js')).looCommand },
  'loo-compare': { summary: 'compare models by their `tilde loo --pointwise` tables, as R\'s loo_compare', load: async () => (await import('./commands/loo-compare.js')).looCompareCommand },
  summary: { summary: 'print the summary table and warnings of draws in CSV files', load: async () => (await import('./commands/summary.js')).summary },
  serve: { summary: 'serve the workbench to a browser on this machine (loopback, with a token)', load: async () => (await import('./commands/serve.js')).serveCommand },
};

function usage(): string {
  const lines = ['usage: tilde <command> [options]', '', 'commands:'];
  for (const [name, c] of Object.entries(commands)) lines.push(`  ${name.padEnd(12)} ${c.summary}`);
  lines.push('', 'Run `tilde <command> --help` for a command\'s options.');
  return lines.join('\n');
}

export async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    console.log(usage());
    return name === undefined ? 2 : 0;
  }
  const entry = commands[name];
  if (!entry) {
    console.error(`tilde: unknown command '${name}'\n\n${usage()}`);
    return 2;
  }
  const command = await entry.load();
  try {
    return await command(rest);
  } catch (e) {
    if (e instanceof CliError) {
      console.error(e.message);
      return e.exitCode;
    }
    if (e instanceof TypeError && 'code' in e && String(e.code).startsWith('ERR_PARSE_ARGS')) {
      console.error(`tilde ${name}: ${e.message}`);
      return 2;
    }
    throw e;
  }
}
