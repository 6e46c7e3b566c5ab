// @vitest-environment happy-dom
import { act } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { RunLoo } from '../../../core/run/index';
import { useRunStore } from '../run/index';
import { FakeTilde } from '../run/testing/fake-tilde';
import { byTestId, click, render } from '../testing/index';
import { useExportStore } from './index';
import { LooPanel } from './LooPanel';

// ECharts needs a real canvas (the drawing is tested in Playwright): here the chart is its container alone.
vi.mock('./EChart', () => ({ EChart: ({ testId }: { testId: string }) => <div data-testid={testId} /> }));

const CLASSES = [
  { label: 'good', lower: -Infinity, upper: 0.5 },
  { label: 'ok', lower: 0.5, upper: 0.7 },
  { label: 'bad', lower: 0.7, upper: 1 },
  { label: 'very bad', lower: 1, upper: Infinity },
] as const;

function result(k: number[]): RunLoo {
  const pointwise = k.map((paretoK, i) => ({ elpdLoo: -1 - i, mcseElpdLoo: 0.01, pLoo: 0.2, looic: 2 + 2 * i, paretoK, nEff: 900 - 100 * i, relativeEff: 0.9 }));
  const kTable = CLASSES.map((c) => {
    const inside = pointwise.filter((p) => p.paretoK > c.lower && p.paretoK <= c.upper);
    return { ...c, count: inside.length, minNEff: inside.length ? Math.min(...inside.map((p) => p.nEff)) : NaN };
  });
  return {
    model: 'm',
    draws: 4000,
    observations: k.length,
    elpdLoo: { estimate: -6.25, se: 1.5 },
    pLoo: { estimate: 0.8, se: 0.3 },
    looic: { estimate: 12.5, se: 3 },
    mcseElpdLoo: k.some((x) => x > 0.7) ? NaN : 0.02,
    pointwise,
    kTable,
    names: k.map((_, i) => `y[${i + 1}]`),
    notes: ['terms added with `@addlogprob!` are not observations and are left out'],
    observed: k.map((_, i) => i),
    waic: {
      elpdWaic: { estimate: -6.5, se: 1.6 },
      pWaic: { estimate: 1.1, se: 0.4 },
      waic: { estimate: 13, se: 3.2 },
      pointwise: [],
      ...(k.some((x) => x > 0.7) && { warning: '1 (25.0%) p_waic estimates greater than 0.4. We recommend trying loo instead.' }),
    },
  };
}

let unmount: () => Promise<void> = async () => undefined;
afterEach(async () => {
  await unmount();
  act(() => useRunStore.setState({ status: 'idle', mode: null, draws: null, loo: null }));
});

async function mount(loo: ReturnType<typeof useRunStore.getState>['loo']) {
  act(() => useRunStore.setState({ status: 'done', mode: 'sample', runId: 1, draws: { total: 10 } as never, loo }));
  const view = await render(<LooPanel />);
  unmount = view.unmount;
  return view.container;
}

describe('the leave-one-out panel', () => {
  it('computes PSIS-LOO when asked', async () => {
    const computeLoo = vi.fn(async () => undefined);
    const original = useRunStore.getState().computeLoo;
    act(() => useRunStore.setState({ computeLoo }));
    try {
      const container = await mount(null);
      await click(byTestId(container, 'loo-run'));
      expect(computeLoo).toHaveBeenCalledOnce();
    } finally {
      act(() => useRunStore.setState({ computeLoo: original }));
    }
  });

  it('shows the estimates, the MC SE and the k table, with every observation whose k is too high named', async () => {
    const container = await mount({ status: 'done', result: result([0.1, 0.6, 0.85, 1.3]) });
    const rows = [...container.querySelectorAll('[data-testid="loo-estimate"]')].map((r) => [...r.querySelectorAll('td')].map((td) => td.textContent));
    expect(rows.map((r) => r[0])).toEqual(['elpd_loo', 'p_loo', 'looic', 'elpd_waic', 'p_waic', 'waic']);
    expect(rows[0]!.slice(1)).toEqual(['-6.25', '1.5']);
    expect(rows[3]!.slice(1)).toEqual(['-6.5', '1.6']);
    expect(byTestId(container, 'waic-warning').textContent).toBe('WAIC: 1 (25.0%) p_waic estimates greater than 0.4. We recommend trying loo instead.');
    expect(byTestId(container, 'loo-mcse').textContent).toBe('not available (some k exceed 0.7)');
    const classes = [...container.querySelectorAll('[data-testid="loo-k-class"]')];
    expect(classes.map((c) => [c.getAttribute('data-label'), c.querySelectorAll('td')[1]!.textContent, c.querySelectorAll('td')[1]!.getAttribute('data-flag')])).toEqual([
      ['good', '1', null],
      ['ok', '1', null],
      ['bad', '1', 'k'],
      ['very bad', '1', 'k'],
    ]);
    expect(byTestId(container, 'loo-bad').textContent).toMatch(/^k above 0\.7 for y\[3\] \(0\.85\), y\[4\] \(1\.30\): elpd_loo cannot be trusted/);
    expect(byTestId(container, 'loo-note').textContent).toBe('terms added with `@addlogprob!` are not observations and are left out.');
  });

  it('reruns with moment matching when k is too high, and then says what it did to each observation', async () => {
    const computeLoo = vi.fn(async () => undefined);
    const original = useRunStore.getState().computeLoo;
    act(() => useRunStore.setState({ computeLoo }));
    try {
      let container = await mount({ status: 'done', result: result([0.1, 0.85]) });
      await click(byTestId(container, 'loo-moment-match'));
      expect(computeLoo).toHaveBeenCalledWith({ momentMatch: true });
      await unmount();
      const matched = { ...result([0.1, 0.45]), momentMatched: [{ name: 'y[2]', kBefore: 0.85, transformations: 2, reachedLimit: false }] };
      container = await mount({ status: 'done', result: matched });
      expect(byTestId(container, 'loo-moment-matched').textContent).toBe("Moment matched (R's loo_moment_match): y[2] k 0.85 → 0.45 (2 transformations).");
      expect(container.querySelector('[data-testid="loo-moment-match"]')).toBeNull();
    } finally {
      act(() => useRunStore.setState({ computeLoo: original }));
    }
  });

  it('names an observation whose k is infinite with ∞, not "Infinity"', async () => {
    const container = await mount({ status: 'done', result: result([0.1, Infinity]) });
    expect(byTestId(container, 'loo-bad').textContent).toMatch(/^k above 0\.7 for y\[2\] \(∞\):/);
  });

  it('shows the comparison with earlier runs, best first, the current run marked, under the labels they were computed with', async () => {
    act(() =>
      useRunStore.setState({
        looHistory: [
          { runId: 1, label: 'normal (run 1)', observed: [0.5, 1.5] },
          { runId: 2, label: 'student (run 2)', observed: [0.5, 1.5] },
        ],
        looComparison: {
          status: 'done',
          rows: [
            { name: '1', elpdDiff: 0, seDiff: 0, elpdLoo: { estimate: -10, se: 2 }, pLoo: { estimate: 1, se: 0.2 }, looic: { estimate: 20, se: 4 } },
            { name: '2', elpdDiff: -1.5, seDiff: 0.5, elpdLoo: { estimate: -11.5, se: 2 }, pLoo: { estimate: 2, se: 0.3 }, looic: { estimate: 23, se: 4 } },
          ],
        },
      }),
    );
    const container = await mount({ status: 'done', result: result([0.1, 0.2]) });
    const rows = [...container.querySelectorAll('[data-testid="loo-compare-row"]')];
    expect(rows.map((r) => [r.querySelector('td')!.textContent, r.querySelectorAll('td')[1]!.textContent, r.className])).toEqual([
      ['normal (run 1)', '0', 'current-run'],
      ['student (run 2)', '-1.5', ''],
    ]);
    act(() => useRunStore.setState({ looHistory: [], looComparison: null }));
  });

  it("exports the run's pointwise values, the table tilde loo --pointwise writes", async () => {
    const fake = new FakeTilde();
    window.tilde = fake.api;
    try {
      const container = await mount({ status: 'done', result: result([0.1, 0.2]) });
      await click(byTestId(container, 'export-loo-pointwise'));
      await vi.waitFor(() => expect(useExportStore.getState().outcome?.ok).toBe(true));
      expect(fake.exported).toEqual([{ id: 1, kind: 'loo-pointwise' }]);
      expect(fake.saved).toHaveLength(1);
    } finally {
      delete window.tilde;
    }
  });

  it('gives the MC SE where every k is fine, and the engine’s message when it failed', async () => {
    let container = await mount({ status: 'done', result: result([0.1, 0.2]) });
    expect(byTestId(container, 'loo-mcse').textContent).toBe('0.02');
    expect(container.querySelector('[data-testid="loo-bad"]')).toBeNull();
    expect(container.querySelector('[data-testid="waic-warning"]')).toBeNull();
    await unmount();
    container = await mount({ status: 'failed', message: 'the model observes nothing' });
    expect(byTestId(container, 'loo-error').textContent).toBe('the model observes nothing');
  });
});
