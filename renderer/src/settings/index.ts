export { SettingsPanel } from './SettingsPanel';
export { useBenchmarkStore } from './benchmark-store';
export { samplerMessage, type SamplerMessage } from './sampler-message';
export { BACKEND_CHOICES, backendValueOfLabel, type BackendChoice } from './backend-choices';
