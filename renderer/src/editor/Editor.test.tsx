// @vitest-environment happy-dom
import { act } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { CheckReport } from '../../../runner/api';
import { CHECK_DELAY_MS, startChecking, useCheckStore } from '../check/index';
import { useDocumentStore } from '../document/index';
import { byTestId, click, render, resetWorkspace, WorkspaceTilde } from '../testing/index';
import { DiagnosticsList, Editor } from './index';

const GOOD = '@model function m(y)\n    μ ~ Normal(0, 1)\n    y ~ Normal(μ, 1)\nend\n';
const BAD = GOOD.replace('μ ~ Normal(0, 1)', 'μ ~ Normall(0, 1)');
const MESSAGE = 'unknown distribution `Normall`; did you mean `Normal`?';

/** The engine's answer: one error on the misspelled name, as core/lang reports it. */
function check(source: string): CheckReport {
  const from = source.indexOf('Normall');
  const diagnostics = from < 0 ? [] : [{ from, to: from + 7, line: 2, column: 9, severity: 'error' as const, message: MESSAGE }];
  return { ok: from < 0, diagnostics, models: ['m'], arguments: [], parameters: [] };
}

describe('Editor', () => {
  let fake: WorkspaceTilde;
  let stopChecking: () => void;
  let view: Awaited<ReturnType<typeof render>>;
  const onRun = vi.fn();

  beforeEach(async () => {
    vi.useFakeTimers();
    resetWorkspace();
    fake = new WorkspaceTilde();
    fake.report = (request) => check(request.source);
    window.tilde = fake.api;
    stopChecking = startChecking(fake.api);
    view = await render(
      <>
        <Editor onRun={onRun} />
        <DiagnosticsList />
      </>,
    );
  });
  afterEach(async () => {
    stopChecking();
    await view.unmount();
    vi.useRealTimers();
  });

  const settle = () => act(() => vi.advanceTimersByTimeAsync(CHECK_DELAY_MS));
  const editorText = () => byTestId(view.container, 'editor').querySelector('.cm-content')?.textContent;

  it('shows the engine’s error on its line once typing pauses, and drops it when fixed', async () => {
    await act(async () => useDocumentStore.getState().setSource(BAD));
    expect(editorText()).toContain('Normall');
    expect(view.container.querySelector('.cm-lintRange-error')).toBeNull();
    await settle();
    expect(fake.checked.map((r) => r.source)).toEqual([BAD]);
    expect(view.container.querySelector('.cm-lintRange-error')?.textContent).toBe('Normall');
    const items = [...view.container.querySelectorAll('[data-testid="diagnostic"]')];
    expect(items.map((li) => [li.getAttribute('data-line'), li.textContent])).toEqual([['2', `line 2: ${MESSAGE}`]]);

    await act(async () => useDocumentStore.getState().setSource(GOOD));
    await settle();
    expect(view.container.querySelector('.cm-lintRange-error')).toBeNull();
    expect(byTestId(view.container, 'diagnostics-list').children).toHaveLength(0);
  });

  it('asks what auto picks after a check that compiles, apart from it, and forgets it while the model does not compile', async () => {
    await act(async () => useDocumentStore.getState().setSource(GOOD));
    await settle();
    expect(fake.autoAsked.map((r) => r.source)).toEqual([GOOD]);
    expect(useCheckStore.getState().auto).toEqual({ backend: 'forwarddiff', reason: '2 parameters ≤ 20' });
    await act(async () => useDocumentStore.getState().setSource(BAD));
    await settle();
    expect(fake.autoAsked).toHaveLength(1);
    expect(useCheckStore.getState().auto).toBeNull();
  });

  it('moves the cursor to a diagnostic’s line when it is clicked', async () => {
    await act(async () => useDocumentStore.getState().setSource(BAD));
    await settle();
    await click(view.container.querySelector<HTMLElement>('[data-testid="diagnostic"] button')!);
    expect(view.container.querySelector('.cm-activeLine')?.textContent).toContain('μ ~ Normall(0, 1)');
  });

  it('runs on Ctrl+Enter', async () => {
    const content = view.container.querySelector<HTMLElement>('.cm-content')!;
    await act(async () => content.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', ctrlKey: true, bubbles: true, cancelable: true })));
    expect(onRun).toHaveBeenCalledTimes(1);
  });
});
