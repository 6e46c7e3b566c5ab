import type { RunSummary, WireError } from '../../../runner/protocol';
import type { ChainProgress } from './chain-progress';

export type RunStatus = 'idle' | 'running' | 'done' | 'cancelled' | 'failed';

/** An engine error as the user reads it: where in the model, when the engine says. */
export function errorText(error: Pick<WireError, 'message' | 'diagnostics'>): string {
  const at = error.diagnostics?.find((d) => d.severity === 'error' && d.line > 0);
  return at && !error.message.startsWith('line ') ? `line ${at.line}: ${error.message}` : error.message;
}

/** How a finished run is labelled: stopped, failed (some chain broke or the run was refused) or done. */
export function endStatus(summary: RunSummary): RunStatus {
  if (summary.cancelled) return 'cancelled';
  if (summary.refused || summary.outcomes.some((o) => o.status === 'failed' && o.reason !== 'cancelled')) return 'failed';
  return 'done';
}

/** The failures of a run in one message; chains failing for the same reason are named together. */
export function failureMessage(summary: RunSummary): string | null {
  if (summary.refused) return errorText(summary.refused);
  const byMessage = new Map<string, number[]>();
  for (const o of summary.outcomes) {
    if (o.status !== 'failed' || o.reason === 'cancelled') continue;
    const text = o.reason === 'error' ? errorText(o.error) : `${o.reason}: ${errorText(o.error)}`;
    byMessage.set(text, [...(byMessage.get(text) ?? []), o.chain + 1]);
  }
  if (byMessage.size === 0) return null;
  const all = summary.outcomes.length;
  return [...byMessage]
    .map(([text, chains]) => (chains.length === all ? text : `${chains.length === 1 ? 'chain' : 'chains'} ${chains.join(', ')}: ${text}`))
    .join('\n');
}

/** What the finished chains ran with, e.g. `NUTS with reversediff (compiled)`: `auto` resolves per model. */
export function ranWith(summary: RunSummary | null): string | null {
  const info = summary?.outcomes.find((o) => o.status === 'done')?.info;
  if (info?.sampler === undefined) return null;
  return info.adBackend === undefined ? info.sampler : `${info.sampler} with ${info.adBackend}`;
}

/** The line beside the start button. */
export function statusText(status: RunStatus, chains: readonly ChainProgress[], mode: 'sample' | 'optimize' | null, ran: string | null = null): string {
  if (status === 'idle') return 'Ready to run';
  if (mode === 'optimize') return { running: 'Optimising…', done: 'Optimum found', cancelled: 'Stopped', failed: 'Optimisation failed' }[status];
  const n = chains.length;
  switch (status) {
    case 'running': {
      const active = chains.filter((c) => c.phase === 'warmup' || c.phase === 'sampling').length;
      const finished = chains.filter((c) => c.phase === 'done' || c.phase === 'failed').length;
      return active === 0 && finished === 0 ? `Starting ${n} ${n === 1 ? 'chain' : 'chains'}…` : `Running: ${active} of ${n} ${n === 1 ? 'chain' : 'chains'} active, ${finished} finished`;
    }
    case 'done':
      return `Done: ${n} ${n === 1 ? 'chain' : 'chains'}${ran ? ` · ${ran}` : ''}`;
    case 'cancelled':
      return 'Stopped: the draws so far are kept';
    case 'failed':
      return 'Run failed';
  }
}
