// @vitest-environment happy-dom
import { act } from 'react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { useCheckStore } from '../check/index';
import { useDocumentStore } from '../document/index';
import { byTestId, click, render, resetWorkspace, WorkspaceTilde } from '../testing/index';
import { DataPanel } from './index';

describe('DataPanel', () => {
  let fake: WorkspaceTilde;
  let view: Awaited<ReturnType<typeof render>>;

  beforeEach(async () => {
    resetWorkspace();
    fake = new WorkspaceTilde();
    window.tilde = fake.api;
    view = await render(<DataPanel />);
  });
  afterEach(() => view.unmount());

  it('says what to do before there is data, then loads a chosen file into a preview', async () => {
    expect(view.container.textContent).toContain('Load a JSON or CSV file, or drop one here.');
    fake.toOpen = { name: 'schools.csv', text: 'y,σ\n28,15\n8,10\n' };
    await click(byTestId(view.container, 'data-load'));
    expect(useDocumentStore.getState().data).toEqual({ name: 'schools.csv', text: 'y,σ\n28,15\n8,10\n', format: 'csv' });
    const preview = byTestId(view.container, 'data-preview');
    expect([...preview.querySelectorAll('th')].map((th) => th.textContent)).toEqual(['y', 'σ']);
    expect(preview.querySelectorAll('tbody tr')).toHaveLength(2);
  });

  it('shows no argument list while the file has no model that parses, rather than saying the model takes none', async () => {
    const missingEnd = { from: 0, to: 3, line: 1, column: 1, severity: 'error' as const, message: 'missing `end` for the `for` loop opened on line 1' };
    await act(async () => useCheckStore.getState().setReport({ ok: false, diagnostics: [missingEnd], models: [], parameters: [], arguments: [] }, 'source'));
    expect(view.container.textContent).not.toContain('The model takes no arguments.');
    await act(async () => useCheckStore.getState().setReport({ ok: true, diagnostics: [], models: ['m'], parameters: [], arguments: [] }, 'source'));
    expect(view.container.textContent).toContain('The model takes no arguments.');
  });

  it('says in the engine’s words why a file cannot be read, in place of arguments it would call missing', async () => {
    useDocumentStore.getState().setData({ name: 'd.json', text: '{"J": 8, "y": [28,', format: 'json' });
    const arguments_ = [{ name: 'J', status: 'missing' as const }, { name: 'y', status: 'missing' as const }];
    await act(async () =>
      useCheckStore.getState().setReport({ ok: false, diagnostics: [], models: ['m'], parameters: [], arguments: arguments_, dataError: 'the data is not valid JSON at line 1, column 19: it ends too soon' }, 'source'),
    );
    expect(byTestId(view.container, 'data-error').textContent).toBe('d.json: the data is not valid JSON at line 1, column 19: it ends too soon');
    expect(view.container.querySelector('[data-testid="argument-J"]')).toBeNull();

    // A CSV row short of cells: the rows still show, with the engine's reason under them.
    useDocumentStore.getState().setData({ name: 'd.csv', text: 'J,y\n8,28\n8\n', format: 'csv' });
    await act(async () =>
      useCheckStore.getState().setReport({ ok: false, diagnostics: [], models: ['m'], parameters: [], arguments: arguments_, dataError: 'CSV line 3 has 1 cells; the header has 2' }, 'source'),
    );
    expect(byTestId(view.container, 'data-preview').querySelectorAll('tbody tr')).toHaveLength(2);
    expect(byTestId(view.container, 'data-error').textContent).toBe('d.csv: CSV line 3 has 1 cells; the header has 2');
    expect(view.container.querySelector('[data-testid="argument-J"]')).toBeNull();
  });

  it('shows how each argument binds, with the engine’s data error beside its argument', async () => {
    await act(async () =>
      useCheckStore.getState().setReport(
        {
          ok: false,
          diagnostics: [],
          models: ['m'],
          parameters: [],
          arguments: [
            { name: 'J', status: 'given', shape: [] },
            { name: 'y', status: 'given', shape: [7], error: 'data `y` has 7 values; the model indexes y[8]' },
            { name: 'σ', status: 'missing' },
            { name: 'k', status: 'default' },
            { name: 'x', status: 'script' },
            { name: 'df', status: 'script', shape: [4, 3], observedFields: ['y'] },
          ],
        },
        'source',
      ),
    );
    const row = (name: string) => byTestId(view.container, `argument-${name}`);
    expect(row('J').textContent).toBe('Jfrom the datascalar');
    expect(row('y').textContent).toContain('7');
    expect(byTestId(row('y'), 'argument-error').textContent).toBe('data `y` has 7 values; the model indexes y[8]');
    expect(row('σ').textContent).toContain('missing');
    expect(row('k').textContent).toContain('model default');
    expect(row('x').textContent).toContain("from the file's call of the model");
    // A table the model is given whole: data, with the column its `df.y[i] ~ …` observe.
    expect(byTestId(row('df'), 'argument-observed').textContent).toBe('; observed: df.y');
  });
});
