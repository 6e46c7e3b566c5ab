import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../../core/model/index';
import { toEditorDiagnostics } from './index';

const at = (from: number, to: number, severity: Diagnostic['severity'] = 'error'): Diagnostic => ({ from, to, line: 1, column: from + 1, severity, message: `m${from}` });

describe('toEditorDiagnostics', () => {
  it('keeps the engine’s offsets, severity and message', () => {
    expect(toEditorDiagnostics([at(4, 10, 'warning')], 20)).toEqual([{ from: 4, to: 10, severity: 'warning', message: 'm4', source: 'Tilde' }]);
  });

  it('widens an empty range to the next character, or the previous one at the end', () => {
    expect(toEditorDiagnostics([at(3, 3)], 10)[0]).toMatchObject({ from: 3, to: 4 });
    expect(toEditorDiagnostics([at(10, 10)], 10)[0]).toMatchObject({ from: 9, to: 10 });
  });

  it('clamps ranges that run past the text (the text may be shorter than what was checked)', () => {
    expect(toEditorDiagnostics([at(8, 40)], 12)[0]).toMatchObject({ from: 8, to: 12 });
    expect(toEditorDiagnostics([at(30, 40)], 12)[0]).toMatchObject({ from: 11, to: 12 });
  });

  it('orders the ranges by position, as CodeMirror expects', () => {
    expect(toEditorDiagnostics([at(9, 10), at(2, 5)], 20).map((d) => d.from)).toEqual([2, 9]);
  });
});
