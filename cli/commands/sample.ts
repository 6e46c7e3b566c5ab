import { writeFileSync } from 'node:fs';
import { prepare } from '../../core/lang/index.js';
import { DEFAULT_ADVI_SAMPLES, DEFAULT_PARTICLES, type GibbsBlockSettings, type Sampler } from '../../core/run/index.js';
import type { Chains } from '../../core/chains/index.js';
import { diagnose } from '../../core/diagnostics/index.js';
import { resolveBackend } from '../../core/ad/index.js';
import { listed } from '../../core/model/index.js';
import { drawsFiles, RunManager, spawnNodeWorker, withDraws, type RunResult } from '../../runner/index.js';
import type { Command } from '../command.js';
import { CliError, initialValues } from '../files.js';
import { formatDiagnostics } from '../diagnostics.js';
import { parseModelCommand, printFailure, stringOption, type ModelCommand } from '../model-command.js';
import { probsOption } from '../probs.js';
import { progressView } from '../run-progress.js';
import { summaryReport } from './summary.js';

const HELP = `usage: tilde sample MODEL [--data DATA] [--sampler nuts|hmc|hmcda|mh|pg|gibbs|advi|smc|is…] [--chains 4] [--draws 1000]
                   [--warmup 1000] [--seed 1] [--ad auto] [--init JSON] [--out chains.csv] [--layout wide|stan]
                   [--probs P,...] [--model NAME]

Samples MODEL's posterior, one worker process per chain (as many at once as there are cores), shows
each chain's progress, then prints the summary table and warnings. Ctrl-C stops the chains and still
writes and summarises the draws made so far.

A pasted Turing script's \`sample(model, NUTS(0.65), MCMCThreads(), 1000, 4)\` line gives what the
command line leaves out: the sampler (with its warm-up) unless a sampler option is given, and the
draws, chains, thinning and AD backend unless --draws, --chains, --thin or --ad are.

  --sampler      nuts (default), hmc (needs --step-size and --n-leapfrog), hmcda (needs --length),
                 mh (proposals from the prior), mh-rw (random walk, --scale), pg (particle Gibbs,
                 --particles, default 20), prior, ess (fixed Gaussian priors only), or gibbs with
                 --block 'vars=sampler[:backend]' per block, e.g. --block 's=pg' --block 'e,l=nuts'
                 (an mh block proposes its variables from their prior, as Turing's MH(); a pg block
                 runs conditional SMC with --particles particles, as Turing's PG(n); an ess block slice
                 samples under its variables' Gaussian prior given the others, as Turing's ESS(); a nuts or hmc
                 block adapts its step size over the warm-up, an hmc block from --step-size when given,
                 with --n-leapfrog steps; 'm=conditional:cond_m' draws m from the distribution the file's
                 function cond_m returns given the other variables, as Turing's GibbsConditional), or advi (variational inference, Turing's vi: --warmup gradient
                 steps fit a Gaussian in the unconstrained space, --family meanfield (default) or fullrank,
                 --samples-per-step draws per gradient (default 10); the draws are independent draws of the
                 fit, and its ELBO and Pareto k̂ are reported, k̂ > 0.7 meaning the fit is unreliable),
                 smc or is (Turing's SMC() and IS(): each chain one run of --draws particles drawn from
                 the prior and weighted by the data, SMC resampling them as it goes; the draws are the
                 particles resampled by weight, and the log evidence and effective particles are reported)
  --delta        target acceptance rate for NUTS and HMC-DA adaptation (default 0.8)
  --max-depth    NUTS maximum tree depth (default 10)
  --metric       diagonal (NUTS default), dense or unit
  --ad           AD backend: auto (default), forwarddiff, reversediff[:compile], tracker
  --thin         keep every k-th draw
  --init JSON    initial values (constrained) by name, inline or a file: {"σ": 1, "β": [0, 1]}; a
                 parameter left out starts as Stan starts it, uniform(−2, 2) unconstrained
  --out FILE     write the draws as CSV (wide: chain, draw, parameters, generated quantities, statistics;
                 stan: one CmdStan-style file per chain, FILE with _1, _2 … before the extension)
  --probs P,...  further quantiles for the summary, e.g. 0.025,0.975 (as tilde summary --probs)
  --model NAME   which @model of the file (default: the one the file's last sample(…) line runs, else the last)`;

function count(command: Parameters<typeof stringOption>[0], name: string, fallback: number, min = 0): number {
  const text = stringOption(command, name);
  if (text === undefined) return fallback;
  const n = Number(text);
  if (!Number.isSafeInteger(n) || n < min) throw new CliError(`--${name} must be an integer ≥ ${min}, got ${text}`, 2);
  return n;
}

function positive(command: Parameters<typeof stringOption>[0], name: string): number | undefined {
  const text = stringOption(command, name);
  if (text === undefined) return undefined;
  const x = Number(text);
  if (!(x > 0)) throw new CliError(`--${name} must be a positive number, got ${text}`, 2);
  return x;
}

/** The options that choose the sampler or its settings: any of them means the command line chooses it. */
const SAMPLER_OPTIONS = ['sampler', 'delta', 'max-depth', 'metric', 'step-size', 'n-leapfrog', 'length', 'scale', 'block', 'particles', 'family', 'samples-per-step'];

function samplerFrom(command: Parameters<typeof stringOption>[0]): Sampler {
  const name = (stringOption(command, 'sampler') ?? 'nuts').toLowerCase();
  const delta = positive(command, 'delta');
  const metricText = stringOption(command, 'metric');
  if (metricText !== undefined && !['diagonal', 'dense', 'unit'].includes(metricText)) throw new CliError(`--metric must be diagonal, dense or unit, got ${metricText}`, 2);
  const metric = metricText as 'diagonal' | 'dense' | 'unit' | undefined;
  const common = { ...(metric ? { metric } : {}), ...(delta !== undefined ? { adaptation: { targetAcceptance: delta } } : {}) };
  switch (name) {
    case 'nuts': {
      const depth = stringOption(command, 'max-depth') === undefined ? undefined : count(command, 'max-depth', 10, 1);
      return { sampler: 'nuts', ...common, ...(depth !== undefined ? { maxTreeDepth: depth } : {}) };
    }
    case 'hmc': {
      const stepSize = positive(command, 'step-size');
      const nSteps = count(command, 'n-leapfrog', 0, 1);
      if (stepSize === undefined || nSteps === 0) throw new CliError('HMC needs --step-size ε and --n-leapfrog L', 2);
      return { sampler: 'hmc', stepSize, nSteps, ...common };
    }
    case 'hmcda': {
      const trajectoryLength = positive(command, 'length');
      if (trajectoryLength === undefined) throw new CliError('HMC-DA needs --length λ (the target trajectory length)', 2);
      return { sampler: 'hmcda', trajectoryLength, ...common };
    }
    case 'mh':
      return { sampler: 'mh', proposal: 'prior' };
    case 'mh-rw': {
      const scale = positive(command, 'scale');
      return { sampler: 'mh', proposal: 'random-walk', ...(scale !== undefined ? { scale } : {}) };
    }
    case 'prior':
      return { sampler: 'prior' };
    case 'ess':
      return { sampler: 'ess' };
    case 'pg':
      return { sampler: 'pg', particles: count(command, 'particles', DEFAULT_PARTICLES, 2) };
    case 'gibbs':
      return { sampler: 'gibbs', blocks: gibbsBlocks(command) };
    case 'smc':
    case 'is':
      return { sampler: name };
    case 'advi': {
      const family = stringOption(command, 'family') ?? 'meanfield';
      if (family !== 'meanfield' && family !== 'fullrank') throw new CliError(`--family must be meanfield or fullrank, got ${family}`, 2);
      return { sampler: 'advi', family, samplesPerStep: count(command, 'samples-per-step', DEFAULT_ADVI_SAMPLES, 1) };
    }
    default:
      throw new CliError(`--sampler must be nuts, hmc, hmcda, mh, mh-rw, pg, gibbs, ess, prior, advi, smc or is, got ${name}`, 2);
  }
}

/** An HMC block's --step-size (where it starts; else found at the starting point) and --n-leapfrog (default 10). */
function hmcBlockSettings(command: Parameters<typeof stringOption>[0]): Pick<GibbsBlockSettings, 'stepSize' | 'nSteps'> {
  const stepSize = positive(command, 'step-size');
  const nSteps = stringOption(command, 'n-leapfrog') === undefined ? undefined : count(command, 'n-leapfrog', 10, 1);
  return { ...(stepSize !== undefined ? { stepSize } : {}), ...(nSteps !== undefined ? { nSteps } : {}) };
}

/** `--block 's=mh' --block 'e,l=nuts:reversediff'`: variables, then the block's sampler and optional AD backend. */
function gibbsBlocks(command: Parameters<typeof stringOption>[0]): GibbsBlockSettings[] {
  const raw = command.values['block'];
  const texts = Array.isArray(raw) ? (raw as string[]) : typeof raw === 'string' ? [raw] : [];
  if (texts.length === 0) throw new CliError("Gibbs needs blocks, e.g. --block 's=mh' --block 'e,l=nuts'", 2);
  return texts.map((text) => {
    const m = /^([^=]+)=(mh|pg|ess|nuts|hmc|conditional)(?::(.+))?$/.exec(text.trim());
    if (!m) throw new CliError(`--block '${text}' must look like 'a,b=nuts' (samplers: mh, pg, ess, nuts, hmc, optionally ':backend'; conditional:f, the file's function f giving the block's conditional)`, 2);
    const sampler = m[2] as GibbsBlockSettings['sampler'];
    if (sampler === 'conditional') {
      if (!m[3]) throw new CliError(`--block '${text}': a conditional block names the file's function that gives its conditional distribution, as 'm=conditional:cond_m'`, 2);
      return { variables: m[1]!.split(',').map((v) => v.trim()), sampler, conditional: m[3] };
    }
    const own = sampler === 'pg' ? { particles: count(command, 'particles', DEFAULT_PARTICLES, 2) } : sampler === 'hmc' ? hmcBlockSettings(command) : {};
    return { variables: m[1]!.split(',').map((v) => v.trim()), sampler, ...own, ...(m[3] ? { ad: m[3] } : {}) };
  });
}

export const sampleCommand: Command = async (argv) => {
  const command = parseModelCommand(argv, HELP, {
    sampler: { type: 'string' },
    chains: { type: 'string' },
    draws: { type: 'string' },
    warmup: { type: 'string' },
    ad: { type: 'string' },
    thin: { type: 'string' },
    out: { type: 'string' },
    layout: { type: 'string' },
    delta: { type: 'string' },
    'max-depth': { type: 'string' },
    metric: { type: 'string' },
    'step-size': { type: 'string' },
    'n-leapfrog': { type: 'string' },
    length: { type: 'string' },
    scale: { type: 'string' },
    block: { type: 'string', multiple: true },
    particles: { type: 'string' },
    family: { type: 'string' },
    'samples-per-step': { type: 'string' },
    init: { type: 'string' },
    probs: { type: 'string' },
  });
  if (!command) return 0;
  const probs = probsOption(stringOption(command, 'probs'));
  const chosenSampler = SAMPLER_OPTIONS.some((o) => command.values[o] !== undefined) ? samplerFrom(command) : undefined;
  const chosenAd = stringOption(command, 'ad');
  try {
    resolveBackend(chosenAd ?? 'auto', 1);
  } catch (e) {
    throw new CliError((e as Error).message, 2);
  }
  const layout = stringOption(command, 'layout') ?? 'wide';
  if (layout !== 'wide' && layout !== 'stan') throw new CliError(`--layout must be wide or stan, got ${layout}`, 2);
  const option = (name: string, min: number): number | undefined => (stringOption(command, name) === undefined ? undefined : count(command, name, 0, min));
  const chosen = { chains: option('chains', 1), draws: option('draws', 1), warmup: option('warmup', 0), thin: option('thin', 1) };
  // Compile errors are reported here at once, without starting a worker.
  const prepared = prepare(command.request);
  if (!prepared.ok) return printFailure(command, prepared.diagnostics);
  // What the file says about itself (ignored script lines, data taken from its own call of the model, its sample line) before the run.
  if (prepared.warnings.length) console.error(formatDiagnostics(command.file, command.source, prepared.warnings));
  const script = prepared.value.scriptRun;
  // The script's warm-up belongs to its sampler: NUTS's adaptation, none for MH.
  const scriptSampler = chosenSampler === undefined ? script : undefined;
  const used: string[] = [];
  const take = <T>(given: T | undefined, fromScript: T | undefined, what: string, fallback: T): T => {
    if (given !== undefined) return given;
    if (fromScript === undefined) return fallback;
    used.push(what);
    return fromScript;
  };
  const initText = stringOption(command, 'init');
  const init = take(initText === undefined ? undefined : initialValues(initText), script?.init, 'initial values', undefined);
  const request = {
    ...command.request,
    ...(init === undefined ? {} : { init }),
    sampler: take(chosenSampler, scriptSampler?.sampler, 'sampler', defaultSampler),
    warmup: take(chosen.warmup, scriptSampler?.warmup, 'warm-up', 1000),
    draws: take(chosen.draws, script?.draws, 'draws', 1000),
    chains: take(chosen.chains, script?.chains, 'chains', 4),
    thin: take(chosen.thin, script?.thin, 'thinning', 1),
    ad: take(chosenAd, script?.ad, 'AD backend', 'auto'),
  };
  if (script && used.length > 0) console.error(`line ${script.line} samples with ${script.text}: Tilde uses its ${listed(used)}, where the command line chooses nothing`);
  const { result, signalCode } = await runWithProgress(new RunManager({ spawn: spawnNodeWorker }), request);
  if (result.refused) throw new CliError(result.refused.message);
  const failures = result.outcomes.flatMap((o) => (o.status === 'failed' && o.reason !== 'cancelled' ? [o] : []));
  const chains = result.chains && withDraws(result.chains);
  if (!chains) {
    const diagnostics = failures.find((f) => f.error.diagnostics)?.error.diagnostics;
    if (diagnostics) return printFailure(command, diagnostics);
    throw new CliError(result.cancelled ? 'cancelled before any draw was made' : failures.map((f) => `chain ${f.chain + 1} ${f.reason}: ${f.error.message}`).join('\n'));
  }
  writeDraws(command, layout, result.chains!);
  if (result.partial) console.error(`partial: ${Array.from({ length: chains.nChains }, (_, c) => chains.nDraws(c)).join(', ')} draws; the summary uses the first ${chains.nDraws()} of each chain`);
  console.log(summaryReport(command.file, chains, diagnose(chains, { probs })));
  return result.cancelled ? (signalCode ?? CANCELLING_SIGNALS.SIGINT) : failures.length > 0 ? 1 : 0;
};

const defaultSampler: Sampler = { sampler: 'nuts' };

/** Exit codes of a run cancelled by a signal, as a shell reports a process the signal ended: 128 + its number. */
const CANCELLING_SIGNALS = { SIGINT: 130, SIGTERM: 143 } as const;

/**
 * Runs with live progress on stderr; the first Ctrl-C cancels (a second one ends the process as usual), and so does a
 * SIGTERM (`kill`, `timeout`, a job scheduler), which had left the chains' workers running on: the exit code to end
 * with, if a signal cancelled the run.
 */
async function runWithProgress(manager: RunManager, request: Parameters<RunManager['start']>[0]): Promise<{ result: RunResult; signalCode?: number }> {
  const run = manager.start(request);
  const view = progressView(process.stderr, request.chains);
  run.subscribe((e) => view.onEvent(e));
  let signalCode: number | undefined;
  const cancellers = Object.entries(CANCELLING_SIGNALS).map(([signal, code]) => {
    const cancel = (): void => {
      signalCode ??= code;
      process.stderr.write('cancelling: the draws so far are kept\n');
      run.cancel();
    };
    process.once(signal, cancel);
    return () => process.off(signal, cancel);
  });
  try {
    const result = await run.done;
    return signalCode === undefined ? { result } : { result, signalCode };
  } finally {
    for (const off of cancellers) off();
    view.close();
  }
}

function writeDraws(command: ModelCommand, layout: 'wide' | 'stan', chains: Chains): void {
  const out = stringOption(command, 'out');
  if (!out) return;
  for (const file of drawsFiles(chains, layout, out)) writeFileSync(file.name, file.text);
}
