// @vitest-environment happy-dom
import { act } from 'react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CheckReport } from '../../../runner/api';
import { useCheckStore } from '../check/index';
import { buildEngineRequest, currentDocument, useDocumentStore } from '../document/index';
import { currentProject } from '../project/index';
import { render, resetWorkspace, WorkspaceTilde } from '../testing/index';
import { ModelPicker } from './index';

const report = (models: string[]): CheckReport => ({ ok: true, diagnostics: [], models, parameters: [], arguments: [] });

describe('ModelPicker', () => {
  let view: Awaited<ReturnType<typeof render>>;

  beforeEach(async () => {
    resetWorkspace();
    window.tilde = new WorkspaceTilde().api;
    view = await render(<ModelPicker />);
  });
  afterEach(() => view.unmount());

  it('is absent for a file with one model', async () => {
    await act(async () => useCheckStore.getState().setReport(report(['gdemo']), ''));
    expect(view.container.querySelector('[data-testid="model-select"]')).toBeNull();
  });

  it('offers every model of the file, the last preselected, and the choice goes into requests and the project', async () => {
    await act(async () => useCheckStore.getState().setReport(report(['inner', 'outer']), ''));
    const select = view.container.querySelector<HTMLSelectElement>('[data-testid="model-select"]')!;
    expect([...select.options].map((o) => o.value)).toEqual(['inner', 'outer']);
    expect(select.value).toBe('outer');
    expect(buildEngineRequest(currentDocument())).not.toHaveProperty('modelName');
    await act(async () => {
      select.value = 'inner';
      select.dispatchEvent(new Event('change', { bubbles: true }));
    });
    expect(useDocumentStore.getState().modelName).toBe('inner');
    expect(buildEngineRequest(currentDocument())).toMatchObject({ modelName: 'inner' });
    expect(currentProject().modelName).toBe('inner');
  });
});
