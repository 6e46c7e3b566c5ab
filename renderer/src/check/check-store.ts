import { create } from 'zustand';
import type { Diagnostic } from '../../../core/model/index';
import type { AutoBackend, CheckReport } from '../../../runner/api';

interface CheckState {
  /** The engine's latest report, for `source`; null before the first check or while the model is empty. */
  report: CheckReport | null;
  /** The source the report is about: diagnostics' offsets only fit this text. */
  source: string | null;
  /** A newer text or data is being checked: the report may no longer be about what the document holds. */
  pending: boolean;
  /** Why the engine could not check at all (not the model's errors, which are diagnostics). */
  failure: string | null;
  /**
   * What `auto` picks for the model, asked after each check that compiles; the last answer stays while the
   * next is computed, and none while the model does not compile.
   */
  auto: AutoBackend | null;
  setReport(report: CheckReport | null, source: string | null): void;
  setAuto(auto: AutoBackend | null): void;
  /** The check of a newer document has been asked for. */
  setPending(): void;
  setFailure(failure: string): void;
}

export const useCheckStore = create<CheckState>()((set) => ({
  report: null,
  source: null,
  pending: false,
  failure: null,
  auto: null,
  setReport: (report, source) => set(report?.ok ? { report, source, pending: false, failure: null } : { report, source, pending: false, failure: null, auto: null }),
  setAuto: (auto) => set({ auto }),
  setPending: () => set({ pending: true }),
  // The last report is about an older text: kept, it would say that text compiles beside the failure.
  setFailure: (failure) => set({ failure, report: null, source: null, pending: false, auto: null }),
}));

/**
 * The errors the engine's check found in this very source (and the data it was checked with): none while a
 * newer check is on its way or when the report is about another text. A run of it would fail with them.
 */
export function checkedErrors(source: string): Diagnostic[] {
  const { report, source: checked, pending } = useCheckStore.getState();
  if (pending || checked !== source || !report) return [];
  return report.diagnostics.filter((d) => d.severity === 'error');
}
