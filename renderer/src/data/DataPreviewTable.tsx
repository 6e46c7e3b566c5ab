import { useMemo } from 'react';
import type { DataFile } from '../document/index';
import { previewData, type DataPreview } from './data-preview';

/** The file's first values; `problem` is the engine's reason it cannot read the file, more precise than the preview's own. */
export function DataPreviewTable({ file, problem }: { file: DataFile; problem?: string | undefined }) {
  const preview = useMemo(() => previewData(file), [file]);
  const error = problem ?? ('error' in preview ? preview.error : undefined);
  const shown = error === undefined ? null : (
    <p className="panel-error" role="alert" data-testid="data-error">
      {problem === undefined ? error : `${file.name}: ${problem}`}
    </p>
  );
  if ('error' in preview) return shown;
  return (
    <>
      <PreviewTable preview={preview} />
      {shown}
    </>
  );
}

function PreviewTable({ preview }: { preview: Exclude<DataPreview, { error: string }> }) {
  if (preview.format === 'json') {
    return (
      <table className="table" data-testid="data-preview">
        <thead>
          <tr>
            <th>Name</th>
            <th>Shape</th>
            <th>Values</th>
          </tr>
        </thead>
        <tbody>
          {preview.entries.map((e) => (
            <tr key={e.name}>
              <td className="mono">{e.name}</td>
              <td>{e.shape}</td>
              <td className="mono ellipsis" title={e.values}>
                {e.values}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    );
  }
  return (
    <div className="table-scroll">
      <table className="table" data-testid="data-preview">
        <caption>
          {preview.totalRows} rows × {preview.columns.length} columns{preview.totalRows > preview.rows.length ? `; the first ${preview.rows.length}` : ''}
        </caption>
        <thead>
          <tr>
            {preview.columns.map((c, i) => (
              <th key={i}>{c}</th>
            ))}
          </tr>
        </thead>
        <tbody>
          {preview.rows.map((row, r) => (
            <tr key={r}>
              {row.map((cell, c) => (
                <td key={c} className="mono">
                  {cell}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
