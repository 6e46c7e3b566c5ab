import { create } from 'zustand';
import type { LooOptions, PlotStatistics, PosteriorPredictive, RunDiagnosis, TildeApi } from '../../../runner/api';
import type { OptimizeResult, RunLoo } from '../../../core/run/index';
import type { Diagnostic } from '../../../core/model/index';
import type { LooComparisonRow } from '../../../core/diagnostics/index';
import type { OptimizeRequest, RunEvent, RunLayout, RunRequest, RunSummary } from '../../../runner/protocol';
import { applyDivergences, applyOutcome, applyProgress, applyStarted, waitingChains, type ChainProgress } from './chain-progress';
import { endStatus, errorText, failureMessage, type RunStatus } from './run-outcome';
import { Refresher } from './refresher';
import { RunDraws } from './run-draws';

export type { OptimizeRequest };

export interface RunState {
  status: RunStatus;
  /** What the last start was: a sampled run or a MAP/MLE optimisation. */
  mode: 'sample' | 'optimize' | null;
  runId: number | null;
  request: RunRequest | null;
  /**
   * Mutated in place as batches arrive (a copy per batch would cost more than drawing); the store's
   * update that follows, at most every flushMs, tells subscribers to look again.
   */
  draws: RunDraws | null;
  chains: ChainProgress[];
  summary: RunSummary | null;
  /** Why the run or optimisation failed, in the engine's words. */
  message: string | null;
  diagnosis: RunDiagnosis | null;
  diagnosisError: string | null;
  /** The variable the plots show (one element, e.g. `θ[2]`). */
  selected: string | null;
  /** The second variable of the pair plot. */
  pairWith: string | null;
  plots: PlotStatistics | null;
  plotsError: string | null;
  optimization: OptimizeResult | null;
  /** The posterior predictive check of the run's draws last asked for: what it replicates, and how it went. */
  predictive: PredictiveCheck | null;
  /** The run's PSIS-LOO, once asked for. */
  loo: LooState | null;
  /** Runs whose leave-one-out was computed, oldest first: what a new one is compared with (kept across runs). */
  looHistory: LooHistoryEntry[];
  /** loo_compare of the current run with the earlier ones of the same observed values. */
  looComparison: { status: 'done'; rows: LooComparisonRow[] } | { status: 'failed'; message: string } | null;
  /** Quantile probabilities the summary gives besides q5 and q95 (kept across runs). */
  summaryProbs: readonly number[];
  start(request: RunRequest): Promise<void>;
  stop(): Promise<void>;
  optimize(request: OptimizeRequest): Promise<void>;
  select(variable: string): void;
  selectPair(variable: string): void;
  /**
   * Whether the summary is on screen: only then is the run diagnosed as draws stream (a summary of 100
   * parameters takes the engine a few hundred milliseconds of a core the chains could use); it is
   * diagnosed at once when it comes into view, and always at the run's end.
   */
  watchDiagnosis(watching: boolean): void;
  /** Sets the summary's further quantiles, and diagnoses the run again with them. */
  setSummaryProbs(probs: readonly number[]): void;
  /** Replicates the named observed data at the run's draws (the engine's posterior predictive). */
  checkPredictive(replicate: string[]): Promise<void>;
  /** PSIS-LOO of the run's draws, computed by the engine; comparisons name the run by its model and number. */
  computeLoo(options?: LooOptions): Promise<void>;
  /** Forgets the earlier runs' leave-one-out, so that the next comparison starts afresh. */
  forgetLooHistory(): void;
}

export interface RunStoreOptions {
  api: () => TildeApi;
  /** Schedules a callback before the next paint; the store coalesces events into one update per frame. */
  frame: (callback: () => void) => void;
  /** Least time between two diagnoses (and two plot statistics) while a run goes on. */
  refreshMs?: number;
  /** Least time between two updates of the progress and draws the views read; ten a second look smooth. */
  flushMs?: number;
}

export type PredictiveCheck =
  | { status: 'running'; replicate: string[] }
  | { status: 'done'; replicate: string[]; result: PosteriorPredictive }
  | { status: 'failed'; replicate: string[]; message: string };

export interface LooHistoryEntry {
  runId: number;
  label: string;
  /** The values observed, in order: runs compare only when theirs are equal (the same data, paired alike). */
  observed: readonly number[];
}

function sameObserved(a: readonly number[], b: readonly number[]): boolean {
  return a.length === b.length && a.every((x, i) => Object.is(x, b[i]));
}

export type LooState = { status: 'running' } | { status: 'done'; result: RunLoo } | { status: 'failed'; message: string };

/** The error diagnostics of a failed engine answer as one message, or `fallback` when it gave none. */
function failedText(diagnostics: readonly Diagnostic[], fallback: string): string {
  return diagnostics.filter((d) => d.severity === 'error').map((d) => errorText({ message: d.message, diagnostics: [d] })).join('\n') || fallback;
}

function messageOf(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

/** One run's mutable side: events land here and reach the state once per frame. */
interface Session {
  id: number | null;
  request: RunRequest;
  chains: ChainProgress[];
  stopRequested: boolean;
  flushScheduled: boolean;
  diagnosis: Refresher;
  plots: Refresher;
}

const RESET = {
  runId: null,
  request: null,
  draws: null,
  chains: [],
  summary: null,
  message: null,
  diagnosis: null,
  diagnosisError: null,
  plots: null,
  plotsError: null,
  optimization: null,
  predictive: null,
  loo: null,
  looComparison: null,
} satisfies Partial<RunState>;

export function createRunStore({ api, frame, refreshMs = 1000, flushMs = 100 }: RunStoreOptions) {
  return create<RunState>()((set, get) => {
    let current: Session | null = null;
    /** Bumps at every start and optimisation, so that a late answer to an older one is dropped. */
    let generation = 0;

    let lastFlush = -Infinity;

    const flush = (session: Session) => {
      session.flushScheduled = false;
      if (session !== current) return;
      lastFlush = Date.now();
      set({ chains: [...session.chains] });
    };

    const scheduleFlush = (session: Session) => {
      if (session.flushScheduled) return;
      session.flushScheduled = true;
      const wait = lastFlush + flushMs - Date.now();
      if (wait <= 0) frame(() => flush(session));
      else setTimeout(() => frame(() => flush(session)), wait);
    };

    let diagnosisWatched = false;

    const hasDraws = () => (get().draws?.total ?? 0) > 0;

    const diagnose = async (session: Session) => {
      if (session.id === null || !hasDraws()) return;
      try {
        const diagnosis = await api().runs.diagnose(session.id, [...get().summaryProbs]);
        if (session === current) set({ diagnosis, diagnosisError: null });
      } catch (e) {
        if (session === current) set({ diagnosisError: messageOf(e) });
      }
    };

    const fetchPlots = async (session: Session) => {
      const parameter = get().selected;
      if (session.id === null || parameter === null || !hasDraws()) return;
      try {
        const plots = await api().runs.plots(session.id, parameter);
        if (session === current && get().selected === parameter) set({ plots, plotsError: null });
      } catch (e) {
        if (session === current && get().selected === parameter) set({ plotsError: messageOf(e) });
      }
    };

    const onLayout = (layout: RunLayout, session: Session) => {
      const draws = new RunDraws(layout, session.request.chains);
      const { selected, pairWith } = get();
      const first = draws.variables[0] ?? null;
      const keep = (name: string | null) => (name !== null && draws.has(name) ? name : null);
      const chosen = keep(selected) ?? first;
      set({ draws, selected: chosen, pairWith: keep(pairWith) ?? draws.variables.find((v) => v !== chosen) ?? chosen });
    };

    const onEnd = (summary: RunSummary, session: Session) => {
      flush(session);
      set({ status: endStatus(summary), summary, message: failureMessage(summary) });
      session.diagnosis.requestNow();
      session.plots.requestNow();
    };

    const handle = (event: RunEvent, session: Session) => {
      if (session !== current) return;
      switch (event.type) {
        case 'started': {
          const previous = session.chains[event.chain];
          if (previous) session.chains[event.chain] = applyStarted(previous);
          return scheduleFlush(session);
        }
        case 'layout':
          return onLayout(event.layout, session);
        case 'draws': {
          const draws = get().draws;
          draws?.append(event.chain, event.batch);
          const previous = session.chains[event.chain];
          if (draws && previous) session.chains[event.chain] = applyDivergences(previous, draws.divergent(event.chain).length);
          if (diagnosisWatched) session.diagnosis.request();
          session.plots.request();
          return scheduleFlush(session);
        }
        case 'progress': {
          const c = event.progress.chain;
          const previous = session.chains[c];
          if (previous) session.chains[c] = applyProgress(previous, event.progress, session.request);
          return scheduleFlush(session);
        }
        case 'chain-end': {
          const c = event.outcome.chain;
          const previous = session.chains[c];
          if (previous) session.chains[c] = applyOutcome(previous, event.outcome);
          return scheduleFlush(session);
        }
        case 'end':
          return onEnd(event.summary, session);
      }
    };

    const leave = () => {
      generation++;
      const previous = current;
      current = null;
      if (!previous) return;
      previous.diagnosis.dispose();
      previous.plots.dispose();
      if (previous.id !== null && get().status === 'running') void api().runs.cancel(previous.id);
    };

    return {
      status: 'idle',
      mode: null,
      selected: null,
      pairWith: null,
      looHistory: [],
      summaryProbs: [],
      ...RESET,

      async start(request) {
        leave();
        const session: Session = {
          id: null,
          request,
          chains: waitingChains(request),
          stopRequested: false,
          flushScheduled: false,
          diagnosis: new Refresher(() => diagnose(session), refreshMs),
          plots: new Refresher(() => fetchPlots(session), refreshMs),
        };
        current = session;
        set({ ...RESET, status: 'running', mode: 'sample', request, chains: [...session.chains] });
        let id: number;
        try {
          id = await api().runs.start(request);
        } catch (e) {
          if (session === current) set({ status: 'failed', message: messageOf(e) });
          return;
        }
        if (session !== current) {
          void api().runs.cancel(id);
          return;
        }
        session.id = id;
        set({ runId: id });
        api().runs.subscribe(id, (event) => handle(event, session));
        if (session.stopRequested) await api().runs.cancel(id);
      },

      async stop() {
        if (get().status !== 'running') return;
        if (get().mode === 'optimize') {
          // Its answer, a rejection now, is dropped; the engine's process goes, and checks go on in a new one.
          generation++;
          set({ status: 'cancelled' });
          await api().engine.cancel('optimize');
          return;
        }
        const session = current;
        if (!session || get().mode !== 'sample') return;
        session.stopRequested = true;
        if (session.id !== null) await api().runs.cancel(session.id);
      },

      async optimize(request) {
        leave();
        const mine = generation;
        set({ ...RESET, status: 'running', mode: 'optimize' });
        try {
          const result = await api().engine.optimize(request);
          if (mine !== generation) return;
          if (result.ok) {
            const notes = result.warnings.map((w) => errorText({ message: w.message, diagnostics: [w] }));
            set({ status: 'done', optimization: result.value, message: notes.length > 0 ? notes.join('\n') : null });
          } else {
            const errors = result.diagnostics.filter((d) => d.severity === 'error');
            const shown = errors.length > 0 ? errors : result.diagnostics;
            set({ status: 'failed', message: shown.map((d) => errorText({ message: d.message, diagnostics: [d] })).join('\n') || 'the optimisation failed' });
          }
        } catch (e) {
          if (mine === generation) set({ status: 'failed', message: messageOf(e) });
        }
      },

      select(variable) {
        if (variable === get().selected) return;
        set({ selected: variable, plotsError: null });
        current?.plots.requestNow();
      },

      selectPair(variable) {
        set({ pairWith: variable });
      },

      setSummaryProbs(probs) {
        const same = probs.length === get().summaryProbs.length && probs.every((p, i) => p === get().summaryProbs[i]);
        if (same) return;
        set({ summaryProbs: probs });
        current?.diagnosis.requestNow();
      },

      async checkPredictive(replicate) {
        const id = get().runId;
        if (id === null) return;
        set({ predictive: { status: 'running', replicate } });
        // A new run, or a newer check, makes this answer stale.
        const stale = () => get().runId !== id || get().predictive?.replicate !== replicate;
        try {
          const result = await api().runs.predict(id, replicate);
          if (stale()) return;
          if (result.ok) set({ predictive: { status: 'done', replicate, result: result.value } });
          else set({ predictive: { status: 'failed', replicate, message: failedText(result.diagnostics, 'the posterior predictive failed') } });
        } catch (e) {
          if (!stale()) set({ predictive: { status: 'failed', replicate, message: messageOf(e) } });
        }
      },

      async computeLoo(options) {
        const id = get().runId;
        if (id === null) return;
        set({ loo: { status: 'running' }, looComparison: null });
        try {
          const result = await api().runs.loo(id, options);
          if (get().runId !== id) return;
          if (!result.ok) return set({ loo: { status: 'failed', message: failedText(result.diagnostics, 'leave-one-out failed') } });
          // A matched leave-one-out replaces the plain one of its run in comparisons, and says it is the matched one.
          const matched = (result.value.momentMatched?.length ?? 0) > 0 ? ', moment-matched' : '';
          const entry = { runId: id, label: `${result.value.model} (run ${id}${matched})`, observed: result.value.observed };
          const looHistory = [...get().looHistory.filter((h) => h.runId !== id), entry];
          set({ loo: { status: 'done', result: result.value }, looHistory });
          const comparable = looHistory.filter((h) => sameObserved(h.observed, entry.observed));
          if (comparable.length < 2) return;
          const rows = await api().runs.compareLoo(comparable.map((h) => h.runId));
          if (get().runId === id) set({ looComparison: { status: 'done', rows } });
        } catch (e) {
          if (get().runId !== id) return;
          if (get().loo?.status === 'done') set({ looComparison: { status: 'failed', message: messageOf(e) } });
          else set({ loo: { status: 'failed', message: messageOf(e) } });
        }
      },

      forgetLooHistory() {
        set({ looHistory: [], looComparison: null });
      },

      watchDiagnosis(watching) {
        if (watching === diagnosisWatched) return;
        diagnosisWatched = watching;
        if (watching && get().status === 'running' && hasDraws()) current?.diagnosis.requestNow();
      },
    };
  });
}

export type RunStore = ReturnType<typeof createRunStore>;
