import { create } from 'zustand';
import type { ParameterInfo } from '../../../core/lang/index';
import type { RunSettingsChoice } from '../../../runner/api';
import { defaultSampler, type SamplerChoice, type SamplerKind } from './sampler-choice';

export const DEFAULT_SETTINGS: RunSettingsChoice = {
  ad: 'auto',
  sampler: defaultSampler('nuts', []),
  chains: 4,
  draws: 1000,
  warmup: 1000,
  seed: 1,
};

export type RunSize = Required<Pick<RunSettingsChoice, 'chains' | 'draws' | 'warmup' | 'seed' | 'thin'>>;

interface SettingsState {
  settings: RunSettingsChoice;
  setAd(ad: string): void;
  /** Starts the chosen sampler from its defaults (Gibbs blocks from the model's parameters). */
  chooseSampler(kind: SamplerKind, parameters: readonly ParameterInfo[]): void;
  setSampler(sampler: SamplerChoice): void;
  /** NaN stands for an empty or unreadable field; validation says what is wrong with it. */
  setSize(field: keyof RunSize, value: number): void;
  /** The initial-values field's text, kept as typed; validation says what is wrong with it. */
  setInit(text: string): void;
  /** The summary's further quantiles as typed, in percent. */
  setQuantiles(text: string): void;
  replace(settings: RunSettingsChoice): void;
}

export const useSettingsStore = create<SettingsState>()((set) => ({
  settings: DEFAULT_SETTINGS,
  setAd: (ad) => set((s) => ({ settings: { ...s.settings, ad } })),
  chooseSampler: (kind, parameters) => set((s) => ({ settings: { ...s.settings, sampler: defaultSampler(kind, parameters) } })),
  setSampler: (sampler) => set((s) => ({ settings: { ...s.settings, sampler } })),
  setSize: (field, value) => set((s) => ({ settings: { ...s.settings, [field]: value } })),
  setInit: (text) => set((s) => ({ settings: { ...s.settings, init: text } })),
  setQuantiles: (text) => set((s) => ({ settings: { ...s.settings, quantiles: text } })),
  replace: (settings) => set({ settings }),
}));
