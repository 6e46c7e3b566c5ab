// @vitest-environment happy-dom
import { act } from 'react';
import { afterEach, beforeEach, describe, expect, it, onTestFinished, vi } from 'vitest';
import type { RunDiagnosis } from '../../../runner/api';
import { useRunStore } from '../run/index';
import { render } from '../testing/index';
import { Diagnostics } from './index';

/** Stands in for the browser's observer: the test says when the element comes into view and leaves it. */
class FakeIntersectionObserver {
  static last: FakeIntersectionObserver | null = null;
  private target: Element | null = null;
  constructor(private readonly callback: (entries: { isIntersecting: boolean; target: Element }[]) => void) {
    FakeIntersectionObserver.last = this;
  }
  observe(target: Element): void {
    this.target = target;
  }
  disconnect(): void {
    this.target = null;
  }
  report(isIntersecting: boolean): void {
    act(() => this.callback([{ isIntersecting, target: this.target! }]));
  }
}

function diagnosis(mean: number, draws: number): RunDiagnosis {
  const row = { parameter: 'θ', mean, sd: 1, median: mean, mad: 1, q5: -1, q95: 1, mcse_mean: 0.01, mcse_sd: 0.01, ess_bulk: 400, ess_tail: 300, rhat: 1, ess_per_sec: 10, bulkEssCapped: false, quantiles: {}, locationText: {} };
  return { draws: [draws, draws], summary: [row], stats: [], sampler: [], warnings: [] };
}

let unmount: () => Promise<void>;
beforeEach(() => {
  vi.stubGlobal('IntersectionObserver', FakeIntersectionObserver);
  act(() => useRunStore.setState({ status: 'running', mode: 'sample', diagnosis: null, diagnosisError: null }));
});
afterEach(async () => {
  await unmount();
  act(() => useRunStore.setState({ status: 'idle', mode: null, diagnosis: null }));
  vi.unstubAllGlobals();
});

async function mount() {
  const view = await render(<Diagnostics />);
  unmount = view.unmount;
  const mean = () => view.container.querySelector<HTMLElement>('[data-testid="summary-row"] td[data-column="mean"]')?.dataset['value'] ?? null;
  const heading = () => view.container.querySelector('h3')?.textContent ?? null;
  return { mean, heading, observer: FakeIntersectionObserver.last! };
}

describe('the diagnostics', () => {
  it('follow every diagnosis while on screen', async () => {
    const { mean, heading, observer } = await mount();
    observer.report(true);
    act(() => useRunStore.setState({ diagnosis: diagnosis(1.5, 100) }));
    expect(mean()).toBe('1.5');
    act(() => useRunStore.setState({ diagnosis: diagnosis(2.5, 200) }));
    expect(mean()).toBe('2.5');
    expect(heading()).toBe('Summary so far: 200 draws per chain');
  });

  it('tell the run store whether the summary is watched: in view, out of view, gone', async () => {
    const watched: boolean[] = [];
    const original = useRunStore.getState().watchDiagnosis;
    onTestFinished(() => useRunStore.setState({ watchDiagnosis: original }));
    act(() => useRunStore.setState({ watchDiagnosis: (watching: boolean) => void watched.push(watching) }));
    const { observer } = await mount();
    const now = () => watched.at(-1);
    expect(now()).toBe(false);
    observer.report(true);
    expect(now()).toBe(true);
    observer.report(false);
    expect(now()).toBe(false);
    observer.report(true);
    expect(now()).toBe(true);
    await unmount();
    unmount = async () => undefined;
    expect(now()).toBe(false);
  });

  it('show a diagnosis that arrives while out of view, as the run’s last one does', async () => {
    const { mean, heading, observer } = await mount();
    observer.report(false);
    act(() => useRunStore.setState({ status: 'done', diagnosis: diagnosis(2.5, 400) }));
    expect(mean()).toBe('2.5');
    expect(heading()).toBe('Summary 400 draws per chain');
  });
});
