// @vitest-environment happy-dom
import { act } from 'react';
import { beforeEach, describe, expect, it } from 'vitest';
import { DiagnosticsList } from '../editor/DiagnosticsList';
import { render, resetWorkspace } from '../testing/index';
import { checkedErrors, useCheckStore } from './index';

describe('the check store', () => {
  beforeEach(() => resetWorkspace());

  it('drops the last report when the engine cannot check the new text: the list does not say an older text compiles beside the failure', async () => {
    const view = await render(<DiagnosticsList />);
    await act(async () => useCheckStore.getState().setReport({ ok: true, diagnostics: [], models: ['m'], arguments: [], parameters: [] }, 'old'));
    expect(view.container.textContent).toContain('The model compiles and its data binds.');
    await act(async () => useCheckStore.getState().setFailure('The engine could not check the model: the check of the model took longer than 10 s and was stopped: the model may loop forever'));
    expect(view.container.textContent).toBe('The engine could not check the model: the check of the model took longer than 10 s and was stopped: the model may loop forever');
    expect(useCheckStore.getState()).toMatchObject({ report: null, source: null, auto: null });
    view.unmount();
  });

  it('gives the errors of the checked text only while no newer check is on its way', () => {
    const error = { from: 0, to: 1, line: 1, column: 1, severity: 'error' as const, message: 'unknown function `f`' };
    const warning = { ...error, severity: 'warning' as const, message: 'unused' };
    useCheckStore.getState().setReport({ ok: false, diagnostics: [warning, error], models: [], arguments: [], parameters: [] }, 'f()');
    expect(checkedErrors('f()')).toEqual([error]);
    expect(checkedErrors('g()')).toEqual([]);
    useCheckStore.getState().setPending();
    expect(checkedErrors('f()')).toEqual([]);
  });
});
