import { BackendSelector } from './BackendSelector';
import { InitialValuesField } from './InitialValuesField';
import { RunSizeFields } from './RunSizeFields';
import { SamplerSelector } from './SamplerSelector';
import { ScriptRunOffer } from './ScriptRunOffer';
import './settings.css';

export function SettingsPanel() {
  return (
    <section className="panel settings-panel" aria-label="Sampler and backend">
      <header className="panel-header">
        <h2>Sampler</h2>
      </header>
      <ScriptRunOffer />
      <SamplerSelector />
      <RunSizeFields />
      <InitialValuesField />
      <BackendSelector />
    </section>
  );
}
