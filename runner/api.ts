/**
 * `window.tilde`: the one API the renderer sees. The Electron preload implements it over IPC and
 * MessagePorts; web mode (`tilde serve`) implements it over a WebSocket. Pure types (the renderer
 * imports them), checked at both ends of every boundary.
 */
import type { Diagnostic } from '../core/model/index.js';
import type { ParameterInfo, ScriptRun } from '../core/lang/index.js';
import type { BackendBenchmark } from '../core/model/index.js';
import type { OptimizeResult, RunLoo } from '../core/run/index.js';
import type { SummaryRow, DiagnosticWarning, ChainSamplerDiagnostics, LooComparisonRow } from '../core/diagnostics/index.js';
import type { OptimizeRequest, RunEvent, RunRequest } from './protocol.js';

/** The model and its data as the engine receives them for a check, a benchmark or an optimisation. */
export interface EngineRequest {
  source: string;
  data?: { text: string; format: 'json' | 'csv' };
  modelName?: string;
  seed?: number;
  ad?: string;
  /** A benchmark's milliseconds of timing per backend (and for the log density alone); the engine's default otherwise. */
  budgetMs?: number;
}

/** How one argument of the model is bound to the data. */
export interface ArgumentBinding {
  name: string;
  /**
   * `given`: found in the data; `script`: the file's own call of the model supplies it
   * (`sample(gdemo(1.5, 2), …)`); `default`: the model's default value is used; `missing`: none of these (an error);
   * `conditions`: not an argument but a random variable of the model, which the data's value conditions.
   */
  status: 'given' | 'script' | 'default' | 'missing' | 'conditions';
  /** Dimensions of the bound value ([] for a scalar); absent when neither the data nor the script gives it. */
  shape?: number[];
  /** What the bound value is where it has no array shape: `Dict{String, Int64} with 3 entries`, shown instead of the shape. */
  summary?: string;
  /** The data error about this argument, if any. */
  error?: string;
  /** An argument the model observes (left of a `~`): the posterior predictive can replicate it. */
  observed?: boolean;
  /** The fields of it the model observes (`y` of `df.y[i] ~ …`, a table's column): the posterior predictive can replicate `df.y`. */
  observedFields?: string[];
}

/** The editor's and data panel's view of a model: diagnostics always, the rest when it compiles. */
export interface CheckReport {
  ok: boolean;
  diagnostics: Diagnostic[];
  /** The `@model function`s of the file; the last one is used unless a name is given. */
  models: string[];
  arguments: ArgumentBinding[];
  /** Why the data file cannot be read at all (not valid JSON, a CSV row of the wrong length): no argument could bind to it. */
  dataError?: string;
  parameters: ParameterInfo[];
  /** How the pasted script's `sample(…)` line runs the model, which the settings panel offers to use. */
  scriptRun?: ScriptRun;
}

/** What `auto` chooses for a model and why: the compiled tape where it stands for the model, else the rule of thumb. */
export interface AutoBackend {
  backend: string;
  reason: string;
}

export type EngineResult<T> = { ok: true; value: T; warnings: Diagnostic[] } | { ok: false; diagnostics: Diagnostic[] };

/** One replicated variable of a posterior predictive, as the engine draws it. */
export interface ReplicatedData {
  /** The argument (or conditioned variable) replicated. */
  name: string;
  /** Its element names (`y[1]` …), the columns of `observed` and `draws`. */
  elements: string[];
  /** The data's value of each element; null where the data has none (missing). */
  observed: (number | null)[];
  /** One replicate per posterior draw given. */
  draws: number[][];
}

/** What the engine's posterior predictive gives: the replicated variables, in the order asked for. */
export interface Replications {
  variables: ReplicatedData[];
  /** The rows of the draws given that were replicated at (fewer than given for large data), in order. */
  drawn: number[];
}

/** A test statistic of the data against its replicates (bayesplot's ppc_stat). */
export interface PredictiveTest {
  statistic: 'mean' | 'sd' | 'median' | 'min' | 'max';
  /** T(y) over the observed elements. */
  observed: number;
  /** The mean of T(y_rep) over the replicates. */
  replicatedMean: number;
  /** The posterior predictive p-value P(T(y_rep) ≥ T(y)): near 0 or 1, the model misses this feature of the data. */
  p: number;
}

/** A posterior predictive check of a run, per replicated variable, over the elements the data observes. */
export interface PosteriorPredictive {
  variables: {
    name: string;
    /** Elements replicated, and of them the ones the data observes (the rest were missing). */
    elements: number;
    observedElements: number;
    /** Posterior draws replicated at. */
    draws: number;
    /** The data's density and the first replicates' on one grid (relative frequencies for integer data); null when nothing is observed. */
    overlay: { x: number[]; observed: number[]; replicates: number[][]; discrete?: boolean } | null;
    tests: PredictiveTest[];
  }[];
}

/** A sampled run's judgement, computed where the run's draws are collected. */
export interface RunDiagnosis {
  /** Draws per chain the diagnosis saw (the run may still be going). */
  draws: number[];
  summary: SummaryRow[];
  /** Sampler statistics (lp, step size, tree depth, …) summarised apart from the model's parameters. */
  stats: SummaryRow[];
  sampler: ChainSamplerDiagnostics[];
  warnings: DiagnosticWarning[];
}

/** Statistics behind the plots of one parameter (the trace is drawn from the draws the renderer holds). */
export interface PlotStatistics {
  parameter: string;
  /** Draws per chain the statistics were computed from (they lag the draws a live run has streamed). */
  draws: number[];
  /**
   * Kernel density per chain on a common grid; for integer draws (`discrete`), each chain's relative
   * frequency of every value from the smallest to the largest.
   */
  density: { x: number[]; chains: number[][]; discrete?: boolean; hdi?: HighestDensityInterval };
  /** Autocorrelation per chain for lags 0 … maxLag. */
  autocorrelation: number[][];
  /** Rank histogram per chain (ranks over all chains pooled), `bins` equal bins. */
  ranks: { bins: number; chains: number[][] };
  /** Marginal energy (centred) and energy transitions, for samplers that report energy; null otherwise. */
  energy: EnergyStatistics | null;
  /** Central intervals of the parameter and its family (the other elements of its array, or the other scalars). */
  intervals: IntervalStatistics;
}

/** ArviZ's `plot_posterior` marks: the highest-density interval of every chain's draws pooled, and their mean. */
export interface HighestDensityInterval {
  prob: number;
  lower: number;
  upper: number;
  mean: number;
}

export interface IntervalStatistics {
  /** The quantiles' probabilities, ascending and symmetric about the median in the middle. */
  probabilities: number[];
  /** One row per variable, in the run's order, with its quantiles over every chain's draws pooled. */
  rows: { name: string; quantiles: number[] }[];
  /** Where the rows start in the family (0-based) and how many it has: a long family shows a window. */
  first: number;
  total: number;
}

export interface EnergyStatistics {
  marginal: Histogram;
  transition: Histogram;
  /** E-BFMI of each chain that has draws, in chain order. */
  ebfmi: number[];
}

export interface Histogram {
  /** Bin edges (length = counts + 1), shared by both histograms of the energy plot. */
  edges: number[];
  counts: number[];
}

/**
 * `predictive`: the replicates of the run's last posterior predictive check; `loo-pointwise`: each observation's
 * values of the run's leave-one-out, as `tilde loo --pointwise` writes them.
 */
/** How the workbench asks for a run's leave-one-out. */
export interface LooOptions {
  /** R's loo_moment_match for the observations whose Pareto k exceeds 0.7. */
  momentMatch?: boolean;
}

export type ExportKind = 'draws-wide' | 'draws-stan' | 'summary' | 'predictive' | 'loo-pointwise';

/** A file to save: the Stan layout gives one per chain. */
export interface ExportFile {
  name: string;
  text: string;
}

/** A binary file to save (a plot's PNG), its bytes in base64: a string crosses IPC, the WebSocket and the context bridge alike. */
export interface BinaryFile {
  name: string;
  base64: string;
}

/** What `files.save` writes: a project, a CSV, a plot as an SVG (text) or a PNG (a `BinaryFile`, the only binary kind). */
export type SaveKind = 'project' | 'csv' | 'svg' | 'png';

/** What the workbench saves: the model, its data and every setting, so a run can be repeated exactly. */
export interface Project {
  format: 'tilde-project';
  version: 1;
  source: string;
  /** Which `@model` of the file to run; the last one when absent (tutorials define submodels first). */
  modelName?: string;
  data?: { name: string; text: string; format: 'json' | 'csv' };
  settings: RunSettingsChoice;
}

/** The selector's choices, as saved in a project. */
export interface RunSettingsChoice {
  ad: string;
  sampler: RunRequest['sampler'] | { sampler: 'map' | 'mle' };
  chains: number;
  draws: number;
  warmup: number;
  seed: number;
  thin?: number;
  /** Initial values as typed: a JSON object by parameter name; empty or absent for Stan's random start. */
  init?: string;
  /** The summary's further quantiles as typed, in percent (`2.5, 97.5`); empty or absent for q5 and q95 only. */
  quantiles?: string;
}

export interface Example {
  /** File stem, e.g. `eight-schools`. */
  id: string;
  title: string;
  source: string;
  data?: { name: string; text: string; format: 'json' | 'csv' };
}

export interface VocabularyEntry {
  name: string;
  kind: 'distribution' | 'function' | 'keyword';
  /** e.g. `Normal(μ, σ)`; the parameters as the engine names them. */
  signature: string;
  /** One line on what it is. */
  detail?: string;
}

/** Commands the application menu sends to the window (Electron only; web mode has buttons). */
export type MenuCommand =
  | 'new'
  | 'open'
  | 'open-example'
  | 'save'
  | 'save-as'
  | 'export-draws'
  | 'export-summary'
  | 'run-start'
  | 'run-stop'
  | 'benchmark';

/**
 * A document the app's main process opened into this window: a file chosen with File › Open… or Open
 * Recent (a `.tilde.json` project — with its `path`, which `files.saveTo` may write again — or a `.jl`
 * model, without one), or an example from File › Open Example (the renderer has it from `engine.examples()`).
 */
export type OpenedDocument = { kind: 'file'; name: string; text: string; path?: string } | { kind: 'example'; id: string };

export interface TildeApi {
  /** `web` in a browser, else Node's platform name. */
  platform: string;
  versions: Record<string, string | undefined>;
  engine: {
    /** Compiles and binds; never throws for a bad model (diagnostics say what is wrong). */
    check(request: EngineRequest): Promise<CheckReport>;
    /**
     * What `auto` picks for the model (apart from the check: verifying the compiled tape takes a few gradients,
     * up to a second on a large model, which the editor's diagnostics need not wait for).
     */
    auto(request: EngineRequest): Promise<EngineResult<AutoBackend>>;
    benchmark(request: EngineRequest): Promise<EngineResult<BackendBenchmark>>;
    optimize(request: OptimizeRequest): Promise<EngineResult<OptimizeResult>>;
    /** Stops the optimisation or benchmark going on, whose promise then rejects; checks go on in a fresh engine process. */
    cancel(method: 'optimize' | 'benchmark'): Promise<void>;
    examples(): Promise<Example[]>;
    /** Distribution and function names the language knows, with their parameters, for completion. */
    vocabulary(): Promise<VocabularyEntry[]>;
  };
  runs: {
    start(request: RunRequest): Promise<number>;
    cancel(id: number): Promise<void>;
    /** One listener per run: layout, draw batches, progress, each chain's end and the run's end. */
    subscribe(id: number, listener: (event: RunEvent) => void): void;
    /** Summary, sampler statistics and warnings of the draws so far (while running or after); `probs`: further quantiles of the summary. */
    diagnose(id: number, probs?: number[]): Promise<RunDiagnosis>;
    plots(id: number, parameter: string): Promise<PlotStatistics>;
    /** `probs`: the summary's further quantiles, as `diagnose` takes them. */
    export(id: number, kind: ExportKind, probs?: number[]): Promise<ExportFile[]>;
    /**
     * A posterior predictive check: the named observed arguments (or conditioned variables) replicated at up
     * to 400 of the run's draws, in the engine process, against the run's data.
     */
    predict(id: number, replicate: string[]): Promise<EngineResult<PosteriorPredictive>>;
    /**
     * PSIS-LOO of the run's draws (of each chain that has any, as many as the shortest has), in the engine
     * process; `momentMatch`: R's loo_moment_match for the observations whose k exceeds 0.7.
     */
    loo(id: number, options?: LooOptions): Promise<EngineResult<RunLoo>>;
    /** R's loo_compare of runs whose leave-one-out was computed, best first; a row's `name` is its run's id. */
    compareLoo(ids: number[]): Promise<LooComparisonRow[]>;
  };
  files: {
    /**
     * Saves a file the user chose to keep: a save dialog (filtered to the kind) and an atomic write in the
     * app, a download in web mode. A `png` is a `BinaryFile`, every other kind text. Resolves to where it
     * went, or null when the user cancelled.
     */
    save(file: ExportFile | BinaryFile, kind: SaveKind): Promise<string | null>;
    /**
     * Lets the user pick a file (a dialog in the app, a file input in web mode); null when cancelled.
     * The app also gives a project's `path`, which `saveTo` may then write.
     */
    open(kind: 'project' | 'data' | 'model'): Promise<{ name: string; text: string; path?: string } | null>;
    /** Where the current document lives (app) — the renderer keeps it to save without asking again. */
    saveTo?(path: string, text: string): Promise<void>;
  };
  /** The application menu and window events (app only). */
  app?: {
    onMenu(listener: (command: MenuCommand) => void): void;
    /** The window asks before closing while the document has unsaved changes. */
    setDirty(dirty: boolean, title: string): void;
    /**
     * Documents the main process opens into this window (channel `tilde:open-document`). A new window
     * may be sent its document before the page subscribes: the preload keeps the latest one until then.
     * The menu's `new`, `open` and `open-example` are handled by the main process (new windows, dialogs)
     * and reach the page this way, never through `onMenu`.
     */
    onOpenDocument?(listener: (document: OpenedDocument) => void): void;
  };
}
