import { create } from 'zustand';
import type { CheckReport } from '../../../runner/api';

interface CheckState {
  /** The engine's latest report, for `source`; null before the first check or while the model is empty. */
  report: CheckReport | null;
  /** The source the report is about: diagnostics' offsets only fit this text. */
  source: string | null;
  /** Why the engine could not check at all (not the model's errors, which are diagnostics). */
  failure: string | null;
  setReport(report: CheckReport | null, source: string | null): void;
  setFailure(failure: string): void;
}

export const useCheckStore = create<CheckState>()((set) => ({
  report: null,
  source: null,
  failure: null,
  setReport: (report, source) => set({ report, source, failure: null }),
  setFailure: (failure) => set({ failure }),
}));
