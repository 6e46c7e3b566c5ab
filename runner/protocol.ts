/**
 * The one contract between a run's worker processes, the run manager, the preload and the renderer.
 * Pure TypeScript (no node:), so the renderer may import it. Every message crossing a process
 * boundary goes through a `parse…` function: a malformed message becomes a `ProtocolError`, never a crash.
 */
import type { ChainInfo, ChainsLayout } from '../core/chains/index.js';
import type { Diagnostic } from '../core/model/index.js';
import type { InitialValues, Sampler } from '../core/run/index.js';
import type { ArgumentBinding, CheckReport, EngineRequest } from './api.js';

/** A run as the user asks for it: the model with its data, the sampler, and the run's size. */
export interface RunRequest {
  source: string;
  data?: { text: string; format: 'json' | 'csv' };
  modelName?: string;
  sampler: Sampler;
  draws: number;
  warmup: number;
  chains: number;
  seed: number;
  ad?: string;
  thin?: number;
  init?: InitialValues;
}

/** An error as it crosses a process boundary; `diagnostics` point into the model source. */
export interface WireError {
  name: string;
  message: string;
  stack?: string;
  diagnostics?: Diagnostic[];
}

/** Parent → worker: sample chain `chain` of the run, streaming batches no more often than every `batchMs`. */
export interface ChainJob {
  type: 'run';
  request: RunRequest;
  chain: number;
  batchMs: number;
}

/** The engine requests that compile or evaluate the user's model, so run in the engine process. */
export type EngineMethod = 'check' | 'evaluate' | 'auto' | 'benchmark' | 'optimize' | 'predict' | 'predictDraws' | 'loo';

/** `tilde check`'s request: `params` are constrained values by name (a prior draw when left out), `ad` adds the gradient. */
export type EvaluateRequest = EngineRequest & { params?: Record<string, unknown> };

/** `init`: where the optimiser starts, as a run's initial values (Turing's `initial_params`). */
export type OptimizeRequest = EngineRequest & { kind: 'map' | 'mle'; init?: InitialValues };

/**
 * The posterior predictive at given draws (Turing's `predict(model, chain)`): `replicate` names the observed
 * arguments (or conditioned variables) drawn anew at each row of `draws` (the parameters' element names,
 * one row of values per draw).
 */
export type PredictRequest = EngineRequest & { replicate: string[]; draws: { names: string[]; rows: number[][] } };

/** Draws by name: one row-major block (draws × names) per chain. */
export interface DrawsTable {
  names: string[];
  chains: Float64Array[];
}

/**
 * `tilde predict`, Turing's `predict(model, chain)`: at every draw of `posterior`, the data's missing values
 * and the arguments named in `missing` (whole) drawn from the model.
 */
export type PredictDrawsRequest = EngineRequest & { missing: string[]; posterior: DrawsTable };

/**
 * `tilde loo`: the model, its data, and the posterior draws whose leave-one-out is wanted; `momentMatch`:
 * R's loo_moment_match for the observations whose k exceeds 0.7.
 */
export type LooRequest = EngineRequest & { posterior: DrawsTable; momentMatch?: boolean };

/** What any engine request carries. */
export type EngineParams = EngineRequest | EvaluateRequest | OptimizeRequest | PredictRequest | PredictDrawsRequest | LooRequest;

/** Parent → engine process: one request; the process stays for the next. */
export interface EngineJob {
  type: 'engine';
  id: number;
  method: EngineMethod;
  params: EngineParams;
}

/** Engine process → parent: the answer to request `id` (its shape is the method's result in TildeApi). */
export type EngineReply = { type: 'engine-result'; id: number; result: unknown } | { type: 'engine-error'; id: number; error: WireError };

/** What a worker process is asked to do: sample one chain (once), or answer engine requests (many). */
export type WorkerJob = ChainJob | EngineJob;

export interface ProgressMessage {
  type: 'progress';
  chain: number;
  phase: 'warmup' | 'sampling';
  iteration: number;
  total: number;
  divergences: number;
  elapsedMs: number;
  /** From the pace so far; null until there is one. */
  remainingMs: number | null;
}

/** Row-major blocks of `count` draws in the layout's columns. */
export interface DrawsMessage {
  type: 'draws';
  chain: number;
  count: number;
  parameters: Float64Array;
  generated: Float64Array;
  stats: Float64Array;
}

/** The columns of every batch: parameters, generated quantities, sampler statistics. */
export type RunLayout = { [K in keyof ChainsLayout]-?: string[] };

export type WorkerMessage =
  | { type: 'started'; chain: number }
  | { type: 'layout'; chain: number; layout: RunLayout }
  | ProgressMessage
  | DrawsMessage
  | { type: 'done'; chain: number; info: ChainInfo }
  | { type: 'error'; chain: number; error: WireError };

/** Why a chain ended without all its draws. */
export type FailureReason = 'crashed' | 'error' | 'timeout' | 'cancelled';

/** A finished chain says what ran it (the sampler, and the AD backend `auto` resolved to for the model). */
export type ChainOutcome = { chain: number; status: 'done'; info: ChainInfo } | { chain: number; status: 'failed'; reason: FailureReason; error: WireError; draws: number };

/** How a run ended, without its draws (which went out as `draws` events). */
export interface RunSummary {
  outcomes: ChainOutcome[];
  /** Some chain has fewer draws than asked for. */
  partial: boolean;
  cancelled: boolean;
  /** Set when the run was refused for its size, before any draw was made. */
  refused?: WireError;
}

/** What a run tells its subscribers (the command line, the main process, the renderer over a MessagePort). */
export type RunEvent =
  | { type: 'started'; chain: number }
  | { type: 'layout'; layout: RunLayout }
  | { type: 'draws'; chain: number; batch: DrawsMessage }
  | { type: 'progress'; progress: ProgressMessage }
  | { type: 'chain-end'; outcome: ChainOutcome }
  | { type: 'end'; summary: RunSummary };

export class ProtocolError extends Error {
  override name = 'ProtocolError';
}

export function toWireError(e: unknown, diagnostics?: Diagnostic[]): WireError {
  const error = e instanceof Error ? e : new Error(String(e));
  return { name: error.name, message: error.message, ...(error.stack ? { stack: error.stack } : {}), ...(diagnostics ? { diagnostics } : {}) };
}

type Fields = Record<string, unknown>;

function record(x: unknown, what: string): Fields {
  if (typeof x !== 'object' || x === null || Array.isArray(x)) throw new ProtocolError(`${what} must be an object`);
  return x as Fields;
}

function count(m: Fields, key: string, min = 0): number {
  const v = m[key];
  if (typeof v !== 'number' || !Number.isSafeInteger(v) || v < min) throw new ProtocolError(`'${key}' must be an integer ≥ ${min}, got ${String(v)}`);
  return v;
}

/** `init`, when there: finite numbers, or (nested) arrays of them, by name. */
function initialValues(m: Fields): void {
  if (m['init'] === undefined) return;
  const init = record(m['init'], "'init'");
  for (const key of Object.keys(init)) initialValue(init[key], key);
}

/** A finite number, or (nested) arrays of them. */
function initialValue(v: unknown, key: string): void {
  if (Array.isArray(v)) for (const x of v) initialValue(x, key);
  else if (typeof v !== 'number' || !Number.isFinite(v)) throw new ProtocolError(`the initial value of '${key}' must be a finite number or an array of them, got ${String(v)}`);
}

function finite(m: Fields, key: string): number {
  const v = m[key];
  if (typeof v !== 'number' || !Number.isFinite(v)) throw new ProtocolError(`'${key}' must be a finite number, got ${String(v)}`);
  return v;
}

function text(m: Fields, key: string): string {
  const v = m[key];
  if (typeof v !== 'string') throw new ProtocolError(`'${key}' must be a string`);
  return v;
}

function names(m: Fields, key: string): string[] {
  const v = m[key];
  if (!Array.isArray(v) || !v.every((s) => typeof s === 'string')) throw new ProtocolError(`'${key}' must be a list of names`);
  return v as string[];
}

function block(m: Fields, key: string, rows: number): Float64Array {
  const v = m[key];
  if (!(v instanceof Float64Array)) throw new ProtocolError(`'${key}' must be a Float64Array`);
  if (v.length % rows !== 0) throw new ProtocolError(`'${key}' has ${v.length} values, no whole number of ${rows} rows`);
  return v;
}

/** The source, its data and which model: what runs and engine requests share. */
function modelAndData(m: Fields): void {
  text(m, 'source');
  if (m['data'] !== undefined) {
    const data = record(m['data'], "'data'");
    text(data, 'text');
    if (data['format'] !== 'json' && data['format'] !== 'csv') throw new ProtocolError("'data.format' must be json or csv");
  }
  if (m['modelName'] !== undefined) text(m, 'modelName');
}

const SAMPLERS: readonly string[] = ['nuts', 'hmc', 'hmcda', 'mh', 'pg', 'prior', 'gibbs', 'ess', 'advi', 'smc', 'is'];

/** The sampler's kind; its own settings are checked where they are used. */
function sampler(m: Fields): void {
  const s = record(m['sampler'], "'sampler'");
  if (!SAMPLERS.includes(String(s['sampler']))) throw new ProtocolError(`'sampler.sampler' must be one of ${SAMPLERS.join(', ')}`);
}

/** Checks the request's shape and sizes; the sampler's own settings are checked where they are used. */
export function parseRunRequest(x: unknown): RunRequest {
  const m = record(x, 'a run request');
  modelAndData(m);
  sampler(m);
  count(m, 'draws', 1);
  count(m, 'warmup');
  count(m, 'chains', 1);
  count(m, 'seed');
  if (m['ad'] !== undefined) text(m, 'ad');
  if (m['thin'] !== undefined) count(m, 'thin', 1);
  initialValues(m);
  return m as unknown as RunRequest;
}

export function parseChainJob(x: unknown): ChainJob {
  const m = record(x, 'a message to the worker');
  if (m['type'] !== 'run') throw new ProtocolError(`unknown message type '${String(m['type'])}'`);
  const request = parseRunRequest(m['request']);
  const chain = count(m, 'chain');
  if (chain >= request.chains) throw new ProtocolError(`chain ${chain} is not in a run of ${request.chains} chains`);
  return { type: 'run', request, chain, batchMs: finite(m, 'batchMs') };
}

function list(m: Fields, key: string): unknown[] {
  const v = m[key];
  if (!Array.isArray(v)) throw new ProtocolError(`'${key}' must be a list`);
  return v;
}

function diagnostics(m: Fields, key: string): Diagnostic[] {
  return list(m, key).map((d) => {
    const f = record(d, 'a diagnostic');
    for (const k of ['from', 'to', 'line', 'column']) count(f, k);
    text(f, 'message');
    if (!['error', 'warning', 'info'].includes(String(f['severity']))) throw new ProtocolError("a diagnostic's severity must be error, warning or info");
    return f as unknown as Diagnostic;
  });
}

function parseError(x: unknown): WireError {
  const m = record(x, "'error'");
  const error: WireError = { name: text(m, 'name'), message: text(m, 'message') };
  if (m['stack'] !== undefined) error.stack = text(m, 'stack');
  if (m['diagnostics'] !== undefined) error.diagnostics = diagnostics(m, 'diagnostics');
  return error;
}

/** The model and data of a check, a benchmark or an optimisation, as the renderer sends them. */
export function parseEngineRequest(x: unknown): EngineRequest {
  const m = record(x, 'an engine request');
  modelAndData(m);
  if (m['seed'] !== undefined) count(m, 'seed');
  if (m['ad'] !== undefined) text(m, 'ad');
  if (m['budgetMs'] !== undefined && !(finite(m, 'budgetMs') > 0)) throw new ProtocolError("'budgetMs' must be a positive number");
  return m as unknown as EngineRequest;
}

export function parseOptimizeRequest(x: unknown): OptimizeRequest {
  const request = parseEngineRequest(x) as OptimizeRequest;
  if (request.kind !== 'map' && request.kind !== 'mle') throw new ProtocolError("'kind' must be map or mle");
  initialValues(request as unknown as Fields);
  return request;
}

export function parseEvaluateRequest(x: unknown): EvaluateRequest {
  const request = parseEngineRequest(x) as EvaluateRequest;
  if (request.params !== undefined) record(request.params, "'params'");
  return request;
}

/** Draws and names as `PredictRequest` holds them: every row a value for every name. */
export function parsePredictRequest(x: unknown): PredictRequest {
  const request = parseEngineRequest(x) as PredictRequest;
  const m = request as unknown as Fields;
  names(m, 'replicate');
  const draws = record(m['draws'], "'draws'");
  const width = names(draws, 'names').length;
  list(draws, 'rows').forEach((row, i) => {
    if (!Array.isArray(row) || row.length !== width || !row.every((v) => typeof v === 'number')) throw new ProtocolError(`draw ${i + 1} must be a list of ${width} numbers`);
  });
  return request;
}

export function parsePredictDrawsRequest(x: unknown): PredictDrawsRequest {
  const request = parseLooRequest(x) as PredictDrawsRequest;
  names(request as unknown as Fields, 'missing');
  return request;
}

export function parseLooRequest(x: unknown): LooRequest {
  const request = parseEngineRequest(x) as LooRequest;
  const m = request as unknown as Fields;
  const posterior = record(m['posterior'], "'posterior'");
  const width = names(posterior, 'names').length;
  list(posterior, 'chains').forEach((block, c) => {
    if (!(block instanceof Float64Array) || (width > 0 && block.length % width !== 0)) throw new ProtocolError(`chain ${c + 1} of the posterior must be a Float64Array of draws × ${width} values`);
  });
  if (m['momentMatch'] !== undefined && typeof m['momentMatch'] !== 'boolean') throw new ProtocolError(`'momentMatch' must be true or false, got ${JSON.stringify(m['momentMatch'])}`);
  return request;
}

/** The methods whose requests carry more than the model and its data. */
const REQUEST_PARSERS: Partial<Record<EngineMethod, (x: unknown) => EngineParams>> = {
  evaluate: parseEvaluateRequest,
  optimize: parseOptimizeRequest,
  predict: parsePredictRequest,
  predictDraws: parsePredictDrawsRequest,
  loo: parseLooRequest,
};

const ENGINE_METHODS: readonly string[] = ['check', 'evaluate', 'auto', 'benchmark', 'optimize', 'predict', 'predictDraws', 'loo'] satisfies EngineMethod[];

export function parseEngineJob(x: unknown): EngineJob {
  const m = record(x, 'a message to the engine');
  if (m['type'] !== 'engine') throw new ProtocolError(`unknown message type '${String(m['type'])}'`);
  const method = String(m['method']);
  if (!ENGINE_METHODS.includes(method)) throw new ProtocolError(`unknown engine method '${method}'`);
  const params = (REQUEST_PARSERS[method as EngineMethod] ?? parseEngineRequest)(m['params']);
  return { type: 'engine', id: count(m, 'id'), method: method as EngineMethod, params };
}

/** A chain job or an engine job, told apart by `type`. */
export function parseWorkerJob(x: unknown): WorkerJob {
  return record(x, 'a message to the worker')['type'] === 'engine' ? parseEngineJob(x) : parseChainJob(x);
}

function parseBinding(x: unknown): ArgumentBinding {
  const m = record(x, 'an argument binding');
  text(m, 'name');
  if (!['given', 'script', 'default', 'missing', 'conditions'].includes(String(m['status']))) throw new ProtocolError("an argument's status must be given, script, default, missing or conditions");
  if (m['shape'] !== undefined && !list(m, 'shape').every((n) => Number.isSafeInteger(n) && (n as number) >= 0)) throw new ProtocolError("an argument's 'shape' must be a list of sizes");
  if (m['error'] !== undefined) text(m, 'error');
  if (m['observed'] !== undefined && typeof m['observed'] !== 'boolean') throw new ProtocolError("an argument's 'observed' must be true or false");
  if (m['observedFields'] !== undefined && !list(m, 'observedFields').every((f) => typeof f === 'string')) throw new ProtocolError("an argument's 'observedFields' must be a list of names");
  return m as unknown as ArgumentBinding;
}

export function parseCheckReport(x: unknown): CheckReport {
  const m = record(x, 'a check report');
  if (typeof m['ok'] !== 'boolean') throw new ProtocolError("'ok' must be true or false");
  diagnostics(m, 'diagnostics');
  names(m, 'models');
  list(m, 'arguments').forEach(parseBinding);
  list(m, 'parameters').forEach((p) => {
    const f = record(p, 'a parameter');
    text(f, 'name');
    list(f, 'shape');
    if (typeof f['discrete'] !== 'boolean') throw new ProtocolError("a parameter's 'discrete' must be true or false");
  });
  if (m['scriptRun'] !== undefined) {
    const run = record(m['scriptRun'], "'scriptRun'");
    sampler(run);
    for (const [key, min] of [['draws', 1], ['warmup', 0], ['chains', 1], ['thin', 1]] as const) if (run[key] !== undefined) count(run, key, min);
    if (run['ad'] !== undefined) text(run, 'ad');
    text(run, 'text');
    count(run, 'line', 1);
  }
  return m as unknown as CheckReport;
}

/** `{ok: true, value, warnings}` or `{ok: false, diagnostics}`; the value's own shape is the engine's business. */
function parseEngineResult(x: unknown): unknown {
  const m = record(x, 'an engine result');
  if (m['ok'] === true) {
    record(m['value'], "'value'");
    diagnostics(m, 'warnings');
  } else if (m['ok'] === false) diagnostics(m, 'diagnostics');
  else throw new ProtocolError("'ok' must be true or false");
  return m;
}

/** Validates the engine's answer to a request of `method`. */
export function parseEngineReply(x: unknown, method: EngineMethod): EngineReply {
  const m = record(x, "the engine's message");
  const id = count(m, 'id');
  if (m['type'] === 'engine-error') return { type: 'engine-error', id, error: parseError(m['error']) };
  if (m['type'] !== 'engine-result') throw new ProtocolError(`unknown message type '${String(m['type'])}'`);
  return { type: 'engine-result', id, result: method === 'check' ? parseCheckReport(m['result']) : parseEngineResult(m['result']) };
}

/** Validates a worker's message; what is not listed in the protocol is refused. */
export function parseWorkerMessage(x: unknown): WorkerMessage {
  const m = record(x, "a worker's message");
  const chain = count(m, 'chain');
  switch (m['type']) {
    case 'started':
      return { type: 'started', chain };
    case 'layout': {
      const l = record(m['layout'], "'layout'");
      return { type: 'layout', chain, layout: { parameters: names(l, 'parameters'), generated: names(l, 'generated'), stats: names(l, 'stats') } };
    }
    case 'progress': {
      if (m['phase'] !== 'warmup' && m['phase'] !== 'sampling') throw new ProtocolError("'phase' must be warmup or sampling");
      const remaining = m['remainingMs'] === null ? null : finite(m, 'remainingMs');
      return { type: 'progress', chain, phase: m['phase'], iteration: count(m, 'iteration'), total: count(m, 'total'), divergences: count(m, 'divergences'), elapsedMs: finite(m, 'elapsedMs'), remainingMs: remaining };
    }
    case 'draws': {
      const n = count(m, 'count', 1);
      return { type: 'draws', chain, count: n, parameters: block(m, 'parameters', n), generated: block(m, 'generated', n), stats: block(m, 'stats', n) };
    }
    case 'done':
      return { type: 'done', chain, info: record(m['info'], "'info'") as ChainInfo };
    case 'error':
      return { type: 'error', chain, error: parseError(m['error']) };
    default:
      throw new ProtocolError(`unknown message type '${String(m['type'])}'`);
  }
}
