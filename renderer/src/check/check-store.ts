import { create } from 'zustand';
import type { AutoBackend, CheckReport } from '../../../runner/api';

interface CheckState {
  /** The engine's latest report, for `source`; null before the first check or while the model is empty. */
  report: CheckReport | null;
  /** The source the report is about: diagnostics' offsets only fit this text. */
  source: string | null;
  /** Why the engine could not check at all (not the model's errors, which are diagnostics). */
  failure: string | null;
  /**
   * What `auto` picks for the model, asked after each check that compiles; the last answer stays while the
   * next is computed, and none while the model does not compile.
   */
  auto: AutoBackend | null;
  setReport(report: CheckReport | null, source: string | null): void;
  setAuto(auto: AutoBackend | null): void;
  setFailure(failure: string): void;
}

export const useCheckStore = create<CheckState>()((set) => ({
  report: null,
  source: null,
  failure: null,
  auto: null,
  setReport: (report, source) => set(report?.ok ? { report, source, failure: null } : { report, source, failure: null, auto: null }),
  setAuto: (auto) => set({ auto }),
  setFailure: (failure) => set({ failure }),
}));
