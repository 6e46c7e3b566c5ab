import { defaultChunkSize, forwardGradient, type GradientResult } from './forward.js';
import { stencilGradient } from './finite.js';
import type { Real } from './real.js';
import { compileGradient, reverseGradient } from './reverse.js';
import { Tape } from './tape.js';
import { trackerGradient } from './tracker.js';

/** Choosing an AD backend by name, as Turing's `adtype` does. */

export type BackendName = 'forwarddiff' | 'reversediff' | 'tracker' | 'finitedifferences';

export const BACKEND_NAMES: readonly BackendName[] = ['forwarddiff', 'reversediff', 'tracker', 'finitedifferences'];

export interface BackendOptions {
  /** forwarddiff: partials carried per evaluation (default: ForwardDiff's rule, at most 12). */
  chunk?: number;
  /** reversediff: record the tape once and replay it (ReverseDiff's compiled tape). */
  compile?: boolean;
}

export interface GradientFunction {
  (theta: ArrayLike<number>): GradientResult;
  readonly backend: BackendName;
  readonly description: string;
}

/** Zygote was asked for: the message says why it is gone and what to use. */
export class UnsupportedBackendError extends Error {
  override readonly name = 'UnsupportedBackendError';
}

/** A backend name or option that does not exist: the message lists what does. */
export class UnknownBackendError extends Error {
  override readonly name = 'UnknownBackendError';
}

/** Up to this many parameters forward mode's ⌈n / chunk⌉ passes beat recording a tape (Turing's rule of thumb). */
const FORWARD_LIMIT = 20;

const ZYGOTE =
  'Zygote is not supported: Zygote-style source-to-source differentiation was removed from Tilde, as it was from Turing, ' +
  'because of its memory use, its limited support for control flow and mutation (models branch and write into arrays), ' +
  'and the cost of maintaining it. Use `forwarddiff` for models with few parameters (up to about 20) and `reversediff` ' +
  '(optionally compiled, `reversediff:compile`, when the model has no parameter-dependent branches) for many.';

const SYNTAX = 'forwarddiff[:chunk=N], reversediff[:compile], reversediff-compiled, tracker, finitedifferences (or Turing\'s AutoForwardDiff(chunksize=N), AutoReverseDiff(compile=true), …)';

/** forwarddiff up to 20 parameters, reversediff beyond. */
export function autoBackend(dimension: number): BackendName {
  return dimension <= FORWARD_LIMIT ? 'forwarddiff' : 'reversediff';
}

/** The backend a (case-insensitive) name means, with or without Turing's `Auto` prefix; refuses Zygote. */
function backendName(text: string): BackendName {
  const lower = text.trim().toLowerCase();
  const name = lower.startsWith('auto') && lower !== 'auto' ? lower.slice(4) : lower;
  if (name === 'zygote') throw new UnsupportedBackendError(ZYGOTE);
  const known = BACKEND_NAMES.find((b) => b === name);
  if (known !== undefined) return known;
  const hint = name === 'auto' ? ' (`auto` depends on the number of parameters: use resolveBackend)' : '';
  throw new UnknownBackendError(`unknown AD backend \`${text.trim()}\`${hint}; the backends are ${BACKEND_NAMES.join(', ')}`);
}

function checkOptions(name: BackendName, options: BackendOptions): void {
  const { chunk, compile } = options;
  if (chunk !== undefined) {
    if (name !== 'forwarddiff') throw new UnknownBackendError(`\`chunk\` is an option of forwarddiff only, not of ${name}`);
    if (!Number.isInteger(chunk) || chunk < 1) throw new UnknownBackendError(`forwarddiff's chunk must be a positive integer, got ${chunk}`);
  }
  if (compile !== undefined && name !== 'reversediff') throw new UnknownBackendError(`\`compile\` is an option of reversediff only, not of ${name}`);
}

function parseOption(name: BackendName, option: string, options: BackendOptions): void {
  const [key = '', raw] = option.split('=').map((s) => s.trim());
  if (key === 'chunk' || key === 'chunksize') {
    // `chunksize=nothing` is Turing's spelling of the default.
    if (raw === 'nothing') return;
    if (raw === undefined || !/^\d+$/.test(raw)) throw new UnknownBackendError(`forwarddiff's chunk must be a positive integer, got \`${raw ?? ''}\``);
    options.chunk = Number(raw);
  } else if (key === 'compile') {
    if (raw !== undefined && raw !== 'true' && raw !== 'false') throw new UnknownBackendError(`compile must be true or false, got \`${raw}\``);
    options.compile = raw !== 'false';
  } else {
    throw new UnknownBackendError(`unknown option \`${option.trim()}\` for ${name}; the syntax is ${SYNTAX}`);
  }
}

/**
 * A backend as the user names it: `name`, `name:option,option` or Turing's `AutoName(option, …)`, names
 * case-insensitive; options are `chunk=N` (also `chunksize=N`) for forwarddiff and `compile`
 * (`compile=true|false`) for reversediff; `reversediff-compiled` is `reversediff:compile`. Zygote throws
 * `UnsupportedBackendError`; anything else unknown, including `auto`, throws `UnknownBackendError`.
 */
export function parseBackend(text: string): { name: BackendName; options: BackendOptions } {
  if (/zygote/i.test(text)) throw new UnsupportedBackendError(ZYGOTE);
  const match = /^\s*([\w-]+)\s*(?::(.*)|\((.*)\))?\s*$/.exec(text);
  if (match === null) throw new UnknownBackendError(`cannot read the AD backend \`${text.trim()}\`; the syntax is ${SYNTAX}`);
  const [, word = '', colonOptions, parenOptions] = match;
  const compiled = /^reversediff-compiled$/i.test(word);
  const name = compiled ? 'reversediff' : backendName(word);
  const options: BackendOptions = compiled ? { compile: true } : {};
  const list = (colonOptions ?? parenOptions ?? '').replace(/^\s*;/, '').trim();
  if (list !== '') for (const option of list.split(',')) parseOption(name, option.toLowerCase(), options);
  checkOptions(name, options);
  return { name, options };
}

/** `parseBackend`, with `auto` resolved by `autoBackend` for a model of this dimension. */
export function resolveBackend(text: string, dimension: number): { name: BackendName; options: BackendOptions } {
  return text.trim().toLowerCase() === 'auto' ? { name: autoBackend(dimension), options: {} } : parseBackend(text);
}

type Gradient = (theta: ArrayLike<number>) => GradientResult;

function lazilyCompiled(f: (theta: readonly Real[]) => Real): Gradient {
  let compiled: Gradient | undefined;
  return (theta) => (compiled ??= compileGradient(f, theta))(theta);
}

function build(f: (theta: readonly Real[]) => Real, dimension: number, name: BackendName, options: BackendOptions): { gradient: Gradient; description: string } {
  switch (name) {
    case 'forwarddiff': {
      const chunk = options.chunk ?? defaultChunkSize(dimension);
      const passes = Math.ceil(dimension / chunk);
      return {
        gradient: (theta) => forwardGradient(f, theta, chunk),
        description: `forward mode with dual numbers (ForwardDiff), chunk ${chunk}: ${passes} evaluation${passes === 1 ? '' : 's'} per gradient`,
      };
    }
    case 'reversediff': {
      if (options.compile === true) {
        return { gradient: lazilyCompiled(f), description: 'reverse mode on a compiled tape (ReverseDiff, compile=true): recorded at the first point, replayed after' };
      }
      const tape = new Tape();
      return { gradient: (theta) => reverseGradient(f, theta, tape), description: 'reverse mode on a tape (ReverseDiff), recorded at every evaluation' };
    }
    case 'tracker':
      return { gradient: (theta) => trackerGradient(f, theta), description: 'reverse mode with tracked values and pullbacks (Tracker)' };
    case 'finitedifferences':
      return { gradient: (theta) => stencilGradient(f, theta), description: `central finite differences of fourth order: ${4 * dimension + 1} evaluations per gradient, approximate` };
  }
}

/** The gradient of `f` over `dimension` parameters with the named backend. */
export function makeGradient(f: (theta: readonly Real[]) => Real, dimension: number, name: BackendName, options: BackendOptions = {}): GradientFunction {
  const backend = backendName(name);
  checkOptions(backend, options);
  const { gradient, description } = build(f, dimension, backend, options);
  const checked = (theta: ArrayLike<number>): GradientResult => {
    if (theta.length !== dimension) throw new RangeError(`the ${backend} gradient was made for ${dimension} parameters, given ${theta.length}`);
    return gradient(theta);
  };
  return Object.assign(checked, { backend, description });
}
