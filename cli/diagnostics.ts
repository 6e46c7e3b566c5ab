import type { Diagnostic } from '../core/model/index.js';

/**
 * Diagnostics as a compiler prints them: `file:line:column: error: message`, with the line and a caret. One
 * with no place in the model (an empty span at its start: data that is not valid JSON) is `file: error:
 * message`, without the model's first line under it as if that were the fault.
 */
export function formatDiagnostics(file: string, source: string, diagnostics: readonly Diagnostic[]): string {
  const lines = source.split('\n');
  return diagnostics
    .map((d) => {
      if (d.from === 0 && d.to === 0) return `${file}: ${d.severity}: ${d.message}`;
      const text = lines[d.line - 1] ?? '';
      const width = Math.max(1, Math.min(d.to - d.from, text.length - d.column + 1));
      const caret = ' '.repeat(Math.max(0, d.column - 1)) + '^'.repeat(width);
      return `${file}:${d.line}:${d.column}: ${d.severity}: ${d.message}\n  ${text}\n  ${caret}`;
    })
    .join('\n');
}
