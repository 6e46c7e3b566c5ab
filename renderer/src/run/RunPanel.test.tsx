// @vitest-environment happy-dom
import { act } from 'react';
import { createRoot } from 'react-dom/client';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { RunPanel, useRunStore } from './index';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

let container: HTMLDivElement;
afterEach(() => {
  act(() => useRunStore.setState({ status: 'idle', mode: null, chains: [], message: null }));
  container.remove();
});

function render(onStart = vi.fn()) {
  container = document.createElement('div');
  document.body.append(container);
  act(() => createRoot(container).render(<RunPanel onStart={onStart} />));
  return (id: string) => container.querySelector<HTMLElement>(`[data-testid="${id}"]`);
}

describe('the run panel', () => {
  it('starts through the workspace and says it is idle', () => {
    const onStart = vi.fn();
    const byTestId = render(onStart);
    expect(byTestId('run-status')!.dataset.state).toBe('idle');
    expect((byTestId('run-stop') as HTMLButtonElement).disabled).toBe(true);
    act(() => byTestId('run-start')!.click());
    expect(onStart).toHaveBeenCalledTimes(1);
  });

  it('shows each chain with its phase, iterations across warm-up and sampling, divergences and failure', () => {
    const byTestId = render();
    act(() =>
      useRunStore.setState({
        status: 'failed',
        mode: 'sample',
        message: 'chain 2: crashed: worker exited with code 1',
        chains: [
          { chain: 0, phase: 'sampling', started: true, iteration: 130, total: 150, divergences: 3, warmupDivergences: 9, remainingMs: 2000 },
          { chain: 1, phase: 'failed', started: true, iteration: 40, total: 150, divergences: 0, warmupDivergences: 0, remainingMs: null, failure: { reason: 'crashed', message: 'worker exited with code 1' } },
        ],
      }),
    );
    expect(byTestId('run-status')!.dataset.state).toBe('failed');
    const first = byTestId('progress-chain-1')!;
    expect(first.dataset).toMatchObject({ phase: 'sampling', iteration: '130', divergences: '3' });
    expect(first.textContent).toContain('3 divergent');
    expect(first.textContent).not.toContain('warm-up');
    expect(first.textContent).toContain('2 s left');
    const second = byTestId('progress-chain-2')!;
    expect(second.dataset.phase).toBe('failed');
    expect(second.textContent).toContain('crashed');
    expect(second.title).toBe('worker exited with code 1');
    expect(container.querySelector('[role="alert"]')!.textContent).toBe('chain 2: crashed: worker exited with code 1');
  });

  it("names ADVI's warm-up as its optimisation", () => {
    const byTestId = render();
    act(() =>
      useRunStore.setState({
        status: 'running',
        mode: 'sample',
        request: { source: '', sampler: { sampler: 'advi' }, draws: 100, warmup: 500, chains: 1, seed: 1 },
        chains: [{ chain: 0, phase: 'warmup', started: true, iteration: 120, total: 500, divergences: 0, warmupDivergences: 0, remainingMs: null }],
      }),
    );
    expect(byTestId('progress-chain-1')!.textContent).toContain('optimising');
    expect(byTestId('progress-chain-1')!.textContent).not.toContain('warm-up');
  });

  it("mutes warm-up's divergences and says a chain is starting before its first progress", () => {
    const byTestId = render();
    act(() =>
      useRunStore.setState({
        status: 'running',
        mode: 'sample',
        chains: [
          { chain: 0, phase: 'warmup', started: true, iteration: 40, total: 150, divergences: 0, warmupDivergences: 8, remainingMs: null },
          { chain: 1, phase: 'waiting', started: true, iteration: 0, total: 150, divergences: 0, warmupDivergences: 0, remainingMs: null },
        ],
      }),
    );
    const first = byTestId('progress-chain-1')!;
    expect(first.dataset.divergences).toBe('0');
    expect(first.querySelector('.chain-progress-muted')!.textContent).toBe('8 in warm-up');
    expect(first.querySelector('.chain-progress-divergences')).toBeNull();
    const second = byTestId('progress-chain-2')!;
    expect(second.dataset.phase).toBe('waiting');
    expect(second.textContent).toContain('starting');
  });
});
