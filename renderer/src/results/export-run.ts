import type { ExportKind, TildeApi } from '../../../runner/api';

export interface ExportOutcome {
  ok: boolean;
  message: string;
}

const WHAT: Record<ExportKind, string> = { 'draws-wide': 'draws', 'draws-stan': 'draws (Stan layout)', summary: 'summary', predictive: 'posterior predictive replicates', 'loo-pointwise': 'pointwise leave-one-out' };

/**
 * Asks the engine for the run's files (the Stan layout gives one per chain) and saves each as CSV: a save
 * dialog in the app, a download in web mode. Works for a stopped run's partial draws too. The summary
 * has the further quantiles `summaryProbs`, as the table shows them.
 */
export async function exportRun(api: TildeApi, runId: number | null, kind: ExportKind, summaryProbs: readonly number[] = []): Promise<ExportOutcome> {
  if (runId === null) return { ok: false, message: 'Nothing to export yet: start a run first.' };
  try {
    const files = await (kind === 'summary' ? api.runs.export(runId, kind, [...summaryProbs]) : api.runs.export(runId, kind));
    const saved: string[] = [];
    for (const file of files) {
      const where = await api.files.save(file, 'csv');
      if (where === null) break;
      saved.push(where);
    }
    if (saved.length === 0) return { ok: true, message: 'Export cancelled.' };
    return { ok: true, message: `Saved the ${WHAT[kind]}: ${saved.join(', ')}` };
  } catch (e) {
    return { ok: false, message: `Could not export the ${WHAT[kind]}: ${e instanceof Error ? e.message : String(e)}` };
  }
}
