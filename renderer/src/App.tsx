import { DataPanel } from './data/index';
import { DiagnosticsList, Editor, ModelPicker } from './editor/index';
import { Gallery, OpenExamplesButton } from './gallery/index';
import { AutosaveBanner, ProjectBar } from './project/index';
import { ResultsPanel } from './results/index';
import { RunPanel } from './run/index';
import { SettingsPanel } from './settings/index';
import { NoticeBar, runWorkspace } from './workspace/index';
import './app.css';

/** Model on the left, its data and the sampler in the middle, the run and its results on the right. */
export function App() {
  return (
    <div className="app">
      <header className="toolbar">
        <span className="brand">Tilde</span>
        <ProjectBar />
        <OpenExamplesButton />
      </header>
      <AutosaveBanner />
      <NoticeBar />
      <main className="workspace">
        <section className="column editor-column" aria-label="Model">
          <Editor onRun={runWorkspace} />
          <ModelPicker />
          <DiagnosticsList />
        </section>
        <section className="column side-column">
          <DataPanel />
          <SettingsPanel />
        </section>
        <section className="column results-column" aria-label="Run and results">
          <RunPanel onStart={runWorkspace} />
          <ResultsPanel />
        </section>
      </main>
      <Gallery />
    </div>
  );
}
