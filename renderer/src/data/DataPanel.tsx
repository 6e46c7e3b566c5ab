import { useState, type DragEvent } from 'react';
import { useCheckStore } from '../check/index';
import { useDocumentStore } from '../document/index';
import { ArgumentBindings } from './ArgumentBindings';
import { DataPreviewTable } from './DataPreviewTable';
import { loadDataFile, loadDroppedData } from './load-data';
import './data.css';

/** The model's data: load or drop a file, see what is in it and how the model's arguments bind to it. */
export function DataPanel() {
  const data = useDocumentStore((s) => s.data);
  const setData = useDocumentStore((s) => s.setData);
  // A file whose model does not parse has no arguments to show, not none: "takes no arguments" would mislead.
  const bindings = useCheckStore((s) => (s.report && s.report.models.length > 0 ? s.report.arguments : undefined));
  const dataError = useCheckStore((s) => s.report?.dataError);
  const [dropping, setDropping] = useState(false);

  const onDrop = (event: DragEvent) => {
    event.preventDefault();
    setDropping(false);
    const file = event.dataTransfer.files[0];
    if (file) void loadDroppedData(file);
  };

  return (
    <section
      className={`panel data-panel${dropping ? ' dropping' : ''}`}
      aria-label="Data"
      onDragOver={(e) => {
        e.preventDefault();
        setDropping(true);
      }}
      onDragLeave={() => setDropping(false)}
      onDrop={onDrop}
    >
      <header className="panel-header">
        <h2>Data</h2>
        {data && <span className="file-name" title={data.name}>{data.name}</span>}
        <span className="spacer" />
        <button type="button" data-testid="data-load" onClick={() => void loadDataFile()}>
          Load…
        </button>
        {data && (
          <button type="button" className="quiet" onClick={() => setData(undefined)} title="Run the model without data">
            Remove
          </button>
        )}
      </header>
      {data ? <DataPreviewTable file={data} problem={dataError} /> : <p className="empty">Load a JSON or CSV file, or drop one here.</p>}
      {/* A file the engine cannot read binds nothing: every argument would read "missing". */}
      {bindings && dataError === undefined && <ArgumentBindings bindings={bindings} />}
    </section>
  );
}
