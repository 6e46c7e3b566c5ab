import { useMemo } from 'react';
import type { DataFile } from '../document/index';
import { previewData } from './data-preview';

export function DataPreviewTable({ file }: { file: DataFile }) {
  const preview = useMemo(() => previewData(file), [file]);
  if ('error' in preview) return <p className="panel-error">{preview.error}</p>;
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
