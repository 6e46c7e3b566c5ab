// @vitest-environment happy-dom
import { act } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ArgumentBinding, CheckReport } from '../../../runner/api';
import { useCheckStore } from '../check/index';
import { useRunStore } from '../run/index';
import { byTestId, click, render } from '../testing/index';
import { PredictiveCheck } from './index';

// ECharts needs a real canvas (the drawing is tested in Playwright): here the chart is its container alone.
vi.mock('./EChart', () => ({ EChart: ({ testId }: { testId: string }) => <div data-testid={testId} /> }));

function report(args: ArgumentBinding[]): CheckReport {
  return { ok: true, diagnostics: [], models: ['m'], arguments: args, parameters: [] };
}

let unmount: () => Promise<void> = async () => undefined;
afterEach(async () => {
  await unmount();
  act(() => useRunStore.setState({ status: 'idle', mode: null, draws: null, predictive: null }));
  act(() => useCheckStore.getState().setReport(null, null));
});

async function mount(args: ArgumentBinding[]) {
  act(() => useRunStore.setState({ status: 'done', mode: 'sample', runId: 1, draws: { total: 10 } as never, predictive: null }));
  act(() => useCheckStore.getState().setReport(report(args), 'm'));
  const view = await render(<PredictiveCheck />);
  unmount = view.unmount;
  return view.container;
}

describe('the posterior predictive check', () => {
  it('offers the observed argument, not the covariate, and replicates it when asked', async () => {
    const checkPredictive = vi.fn(async () => undefined);
    const original = useRunStore.getState().checkPredictive;
    act(() => useRunStore.setState({ checkPredictive }));
    try {
      const container = await mount([{ name: 'X', status: 'given', shape: [10, 2] }, { name: 'y', status: 'given', shape: [10], observed: true }]);
      expect(container.querySelector('[data-testid="predictive-select"]')).toBeNull();
      const run = byTestId(container, 'predictive-run');
      expect(run.textContent).toBe('Replicate y');
      await click(run);
      expect(checkPredictive).toHaveBeenCalledWith(['y']);
    } finally {
      act(() => useRunStore.setState({ checkPredictive: original }));
    }
  });

  it("replicates the column a table argument's `df.y[i] ~ …` observes, by the name the model reads it with", async () => {
    const checkPredictive = vi.fn(async () => undefined);
    const original = useRunStore.getState().checkPredictive;
    act(() => useRunStore.setState({ checkPredictive }));
    try {
      const container = await mount([{ name: 'df', status: 'script', shape: [10, 3], observedFields: ['y'] }]);
      const run = byTestId(container, 'predictive-run');
      expect(run.textContent).toBe('Replicate df.y');
      await click(run);
      expect(checkPredictive).toHaveBeenCalledWith(['df.y']);
    } finally {
      act(() => useRunStore.setState({ checkPredictive: original }));
    }
  });

  it('says there is nothing to replicate where the model observes no argument, without an empty chart', async () => {
    const container = await mount([{ name: 'a', status: 'default' }]);
    expect(container.textContent).toContain('there is nothing to replicate');
    expect(container.querySelector('[data-testid="chart-predictive"]')).toBeNull();
    expect(container.querySelector('[data-testid="predictive-run"]')).toBeNull();
  });
});
