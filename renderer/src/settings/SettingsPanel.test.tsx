// @vitest-environment happy-dom
import { act } from 'react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { BackendBenchmark } from '../../../core/model/index';
import type { ParameterInfo } from '../../../core/lang/index';
import { useCheckStore } from '../check/index';
import { samplerProblem, useDocumentStore, useSettingsStore } from '../document/index';
import { byTestId, click, render, resetWorkspace, WorkspaceTilde } from '../testing/index';
import { SettingsPanel, useBenchmarkStore } from './index';

const BENCHMARK: BackendBenchmark = {
  dimension: 3,
  primalMicroseconds: 2,
  auto: { label: 'forwarddiff', name: 'forwarddiff', options: {}, reason: '3 parameters' },
  rows: [
    { label: 'forwarddiff', name: 'forwarddiff', options: {}, microseconds: 9.5, ratio: 4.75, fastest: false },
    { label: 'reversediff (compiled)', name: 'reversediff', options: { compile: true }, microseconds: 4.2, ratio: 2.1, fastest: true },
    { label: 'tracker', name: 'tracker', options: {}, refused: 'tracker cannot differentiate `foo`', fastest: false },
  ],
};
const PARAMETERS: ParameterInfo[] = [
  { name: 's', shape: [], support: 'integers', family: 'DiscreteUniform', discrete: true },
  { name: 'e', shape: [], support: 'positive', family: 'Exponential', discrete: false },
];

describe('SettingsPanel', () => {
  let fake: WorkspaceTilde;
  let view: Awaited<ReturnType<typeof render>>;

  beforeEach(async () => {
    resetWorkspace();
    useBenchmarkStore.setState({ running: false, result: null, measured: null, problem: null });
    fake = new WorkspaceTilde();
    fake.api.engine.benchmark = async () => ({ ok: true, value: BENCHMARK, warnings: [] });
    window.tilde = fake.api;
    useDocumentStore.getState().setSource('@model function m() end');
    view = await render(<SettingsPanel />);
  });
  afterEach(() => view.unmount());

  const select = async (testId: string, value: string) => {
    const element = byTestId(view.container, testId) as HTMLSelectElement;
    await act(async () => {
      element.value = value;
      element.dispatchEvent(new Event('change', { bubbles: true }));
    });
  };

  it('stops a benchmark that does not end (a model that loops), dropping its late answer, and benchmarks again after', async () => {
    let reject!: (e: Error) => void;
    fake.api.engine.benchmark = () => new Promise((_, no) => (reject = no));
    const cancelled: string[] = [];
    fake.api.engine.cancel = async (method) => void cancelled.push(method);
    await click(byTestId(view.container, 'benchmark-run'));
    await click(byTestId(view.container, 'benchmark-stop'));
    expect(cancelled).toEqual(['benchmark']);
    await act(async () => reject(new Error('the benchmark of the AD backends was stopped')));
    expect(view.container.textContent).toContain('The benchmark was stopped.');
    expect(view.container.textContent).not.toContain('The benchmark failed');
    fake.api.engine.benchmark = async () => ({ ok: true, value: BENCHMARK, warnings: [] });
    await click(byTestId(view.container, 'benchmark-run'));
    expect(view.container.querySelectorAll('[data-testid="benchmark-row"]')).toHaveLength(3);
  });

  it('shows the benchmark with the fastest backend marked, refusals named, and uses the fastest', async () => {
    await click(byTestId(view.container, 'benchmark-run'));
    const rows = [...view.container.querySelectorAll<HTMLElement>('[data-testid="benchmark-row"]')];
    expect(rows.map((r) => [r.dataset['backend'], r.dataset['fastest'] ?? ''])).toEqual([
      ['forwarddiff', ''],
      ['reversediff (compiled)', 'true'],
      ['tracker', ''],
    ]);
    expect(rows[0]!.textContent).toContain('9.50 µs');
    expect(rows[2]!.textContent).toContain('refused: tracker cannot differentiate `foo`');
    expect(byTestId(view.container, 'benchmark-advice').textContent).toBe(
      'The benchmark measured reversediff (compiled) fastest on this model; auto keeps forwarddiff, a choice that depends on the model alone so that a seed gives the same draws on any machine. Press Use to run with reversediff (compiled).',
    );
    await click(byTestId(rows[1]!, 'benchmark-use'));
    expect(useSettingsStore.getState().settings.ad).toBe('reversediff:compile');
    expect((byTestId(view.container, 'ad-select') as HTMLSelectElement).value).toBe('reversediff:compile');

    await act(async () => useDocumentStore.getState().setSource('@model function m2() end'));
    expect(view.container.textContent).toContain('The model or its data changed since');
    expect(view.container.querySelector('[data-testid="benchmark-advice"]')).toBeNull();
  });

  it('gives no advice where auto picked the measured fastest', async () => {
    fake.api.engine.benchmark = async () => ({ ok: true, value: { ...BENCHMARK, auto: { label: 'reversediff (compiled)', name: 'reversediff', options: { compile: true }, reason: 'its tape stands for it' } }, warnings: [] });
    await click(byTestId(view.container, 'benchmark-run'));
    expect(view.container.querySelectorAll('[data-testid="benchmark-row"]')).toHaveLength(3);
    expect(view.container.querySelector('[data-testid="benchmark-advice"]')).toBeNull();
  });

  it('says which parameter is discrete when NUTS is chosen, and Use Gibbs fills the blocks', async () => {
    expect(view.container.querySelector('[data-testid="sampler-message"]')).toBeNull();
    await act(async () => useCheckStore.getState().setReport({ ok: true, diagnostics: [], models: ['m'], arguments: [], parameters: PARAMETERS }, '@model function m() end'));
    expect(byTestId(view.container, 'sampler-message').textContent).toContain('s is discrete');
    await click(byTestId(view.container, 'sampler-use-gibbs'));
    expect(useSettingsStore.getState().settings.sampler).toEqual({
      sampler: 'gibbs',
      blocks: [
        { variables: ['s'], sampler: 'mh' },
        { variables: ['e'], sampler: 'nuts' },
      ],
    });
    expect(view.container.querySelector('[data-testid="sampler-message"]')).toBeNull();
  });

  it('lets a Gibbs gradient block differentiate with its own backend, and drops it when the block becomes MH', async () => {
    await act(async () => useCheckStore.getState().setReport({ ok: true, diagnostics: [], models: ['m'], arguments: [], parameters: PARAMETERS }, '@model function m() end'));
    await act(async () => useSettingsStore.getState().setSampler({ sampler: 'gibbs', blocks: [{ variables: ['s'], sampler: 'mh' }, { variables: ['e'], sampler: 'nuts' }] }));
    const selects = view.container.querySelectorAll<HTMLSelectElement>('[data-testid="gibbs-block-ad"]');
    expect(selects).toHaveLength(1);
    const change = async (select: HTMLSelectElement, value: string) =>
      act(async () => {
        select.value = value;
        select.dispatchEvent(new Event('change', { bubbles: true }));
      });
    await change(selects[0]!, 'reversediff:compile');
    expect(useSettingsStore.getState().settings.sampler).toMatchObject({ blocks: [{ sampler: 'mh' }, { sampler: 'nuts', ad: 'reversediff:compile' }] });
    await change(view.container.querySelector<HTMLSelectElement>('select[aria-label="Block 2 sampler"]')!, 'mh');
    expect(useSettingsStore.getState().settings.sampler).toEqual({ sampler: 'gibbs', blocks: [{ variables: ['s'], sampler: 'mh' }, { variables: ['e'], sampler: 'mh' }] });
  });

  it('makes a Gibbs block particle Gibbs with its particles, which go again when it becomes MH', async () => {
    await act(async () => useCheckStore.getState().setReport({ ok: true, diagnostics: [], models: ['m'], arguments: [], parameters: PARAMETERS }, '@model function m() end'));
    await act(async () => useSettingsStore.getState().setSampler({ sampler: 'gibbs', blocks: [{ variables: ['s'], sampler: 'mh' }, { variables: ['e'], sampler: 'nuts' }] }));
    const change = async (field: HTMLSelectElement | HTMLInputElement, value: string) =>
      act(async () => {
        // Through the prototype's setter, so that React's value tracker sees the change, as in the test of the run size below.
        const prototype = field instanceof HTMLSelectElement ? HTMLSelectElement.prototype : HTMLInputElement.prototype;
        Object.getOwnPropertyDescriptor(prototype, 'value')!.set!.call(field, value);
        field.dispatchEvent(new Event(field instanceof HTMLSelectElement ? 'change' : 'input', { bubbles: true }));
      });
    await change(view.container.querySelector<HTMLSelectElement>('select[aria-label="Block 1 sampler"]')!, 'pg');
    expect(useSettingsStore.getState().settings.sampler).toEqual({ sampler: 'gibbs', blocks: [{ variables: ['s'], sampler: 'pg', particles: 20 }, { variables: ['e'], sampler: 'nuts' }] });
    await change(view.container.querySelector<HTMLSelectElement>('select[aria-label="Block 1 sampler"]')!, 'mh');
    expect(useSettingsStore.getState().settings.sampler).toEqual({ sampler: 'gibbs', blocks: [{ variables: ['s'], sampler: 'mh' }, { variables: ['e'], sampler: 'nuts' }] });
    // An HMC block's steps and where its step size starts (empty: found at the start), kept only while it is HMC.
    await change(view.container.querySelector<HTMLSelectElement>('select[aria-label="Block 2 sampler"]')!, 'hmc');
    await change(view.container.querySelector<HTMLInputElement>('[title^="Where the step size starts"] input')!, '0.01');
    expect(useSettingsStore.getState().settings.sampler).toMatchObject({ blocks: [{ sampler: 'mh' }, { sampler: 'hmc', stepSize: 0.01 }] });
    await change(view.container.querySelector<HTMLInputElement>('[title^="Where the step size starts"] input')!, '');
    expect(useSettingsStore.getState().settings.sampler).toEqual({ sampler: 'gibbs', blocks: [{ variables: ['s'], sampler: 'mh' }, { variables: ['e'], sampler: 'hmc' }] });
    // GibbsConditional names the file's function; the run waits for a name.
    await change(view.container.querySelector<HTMLSelectElement>('select[aria-label="Block 1 sampler"]')!, 'conditional');
    expect(useSettingsStore.getState().settings.sampler).toEqual({ sampler: 'gibbs', blocks: [{ variables: ['s'], sampler: 'conditional', conditional: '' }, { variables: ['e'], sampler: 'hmc' }] });
    expect(samplerProblem(useSettingsStore.getState().settings.sampler)).toBe("block 1 needs the name of the file's function that gives its conditional distribution");
    await change(view.container.querySelector<HTMLInputElement>('[title^="The file\'s function"] input')!, 'cond_s');
    expect(useSettingsStore.getState().settings.sampler).toMatchObject({ blocks: [{ sampler: 'conditional', conditional: 'cond_s' }, { sampler: 'hmc' }] });
    expect(samplerProblem(useSettingsStore.getState().settings.sampler)).toBeUndefined();
  });

  it('offers ADVI with its family and draws per step, its warm-up as optimisation steps and no thinning', async () => {
    await select('sampler-select', 'advi');
    expect(useSettingsStore.getState().settings.sampler).toEqual({ sampler: 'advi', family: 'meanfield', samplesPerStep: 10 });
    expect(view.container.textContent).toContain('Optimisation steps');
    expect(view.container.querySelector('[data-testid="thin-input"]')).toBeNull();
    const family = [...view.container.querySelectorAll<HTMLSelectElement>('select')].find((e) => [...e.options].some((o) => o.value === 'fullrank'))!;
    await act(async () => {
      Object.getOwnPropertyDescriptor(HTMLSelectElement.prototype, 'value')!.set!.call(family, 'fullrank');
      family.dispatchEvent(new Event('change', { bubbles: true }));
    });
    expect(useSettingsStore.getState().settings.sampler).toEqual({ sampler: 'advi', family: 'fullrank', samplesPerStep: 10 });
  });

  it('offers SMC and IS, whose draws are particles: no warm-up or thinning to set', async () => {
    for (const kind of ['smc', 'is']) {
      await select('sampler-select', kind);
      expect(useSettingsStore.getState().settings.sampler).toEqual({ sampler: kind });
      expect(view.container.textContent).toContain('Particles');
      expect(view.container.querySelector('[data-testid="warmup-input"]')).toBeNull();
      expect(view.container.querySelector('[data-testid="thin-input"]')).toBeNull();
    }
  });

  it("offers the script's sample line as the settings, and says when they are in use", async () => {
    expect(view.container.querySelector('[data-testid="script-run"]')).toBeNull();
    const scriptRun = {
      sampler: { sampler: 'nuts' as const, adaptation: { targetAcceptance: 0.65 }, maxTreeDepth: 10 },
      draws: 1000,
      warmup: 500,
      chains: 4,
      ad: 'reversediff:compile',
      text: 'NUTS(δ = 0.65), 1000 draws × 4 chains after 500 warm-up, AD reversediff:compile',
      line: 12,
    };
    await act(async () => useSettingsStore.getState().setSize('chains', 2));
    await act(async () => useCheckStore.getState().setReport({ ok: true, diagnostics: [], models: ['m'], arguments: [], parameters: PARAMETERS, scriptRun }, '@model function m() end'));
    expect(byTestId(view.container, 'script-run').textContent).toContain('The script samples with NUTS(δ = 0.65), 1000 draws × 4 chains after 500 warm-up, AD reversediff:compile (line 12)');
    await click(byTestId(view.container, 'script-run-use'));
    expect(useSettingsStore.getState().settings).toMatchObject({ sampler: scriptRun.sampler, draws: 1000, warmup: 500, chains: 4, ad: 'reversediff:compile', seed: 1 });
    expect((byTestId(view.container, 'ad-select') as HTMLSelectElement).value).toBe('reversediff:compile');
    expect(view.container.querySelector('[data-testid="script-run-use"]')).toBeNull();
    expect(byTestId(view.container, 'script-run-in-use').textContent).toBe('These are the settings below.');
    await act(async () => useSettingsStore.getState().setSize('draws', 200));
    expect(view.container.querySelector('[data-testid="script-run-use"]')).not.toBeNull();
  });

  it("keeps what the script's line leaves out: a single-chain line changes no chain count or backend", async () => {
    const scriptRun = { sampler: { sampler: 'mh' as const, proposal: 'prior' as const }, draws: 300, warmup: 0, text: 'MH(), 300 draws without warm-up', line: 9 };
    await act(async () => useSettingsStore.getState().setSize('chains', 3));
    await act(async () => useCheckStore.getState().setReport({ ok: true, diagnostics: [], models: ['m'], arguments: [], parameters: PARAMETERS, scriptRun }, '@model function m() end'));
    await click(byTestId(view.container, 'script-run-use'));
    expect(useSettingsStore.getState().settings).toMatchObject({ sampler: scriptRun.sampler, draws: 300, warmup: 0, chains: 3, ad: 'auto' });
  });

  it('tells what auto chooses and shows a validation message next to a bad field', async () => {
    await act(async () =>
      useCheckStore.getState().setAuto({ backend: 'forwarddiff', reason: '3 parameters ≤ 20' }),
    );
    expect(byTestId(view.container, 'auto-choice').textContent).toBe('auto chooses forwarddiff: 3 parameters ≤ 20');
    await select('sampler-select', 'hmc');
    expect(useSettingsStore.getState().settings.sampler).toEqual({ sampler: 'hmc', stepSize: 0.1, nSteps: 10 });
    const chains = byTestId(view.container, 'chains-input') as HTMLInputElement;
    await act(async () => {
      const setValue = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!;
      setValue.call(chains, '0');
      chains.dispatchEvent(new Event('input', { bubbles: true }));
    });
    expect(useSettingsStore.getState().settings.chains).toBe(0);
    expect(view.container.textContent).toContain('Chains must be at least 1, got 0');
  });

  it('takes initial values as JSON, says what is wrong with them, and keeps them for an optimisation’s start', async () => {
    const type = async (text: string) => {
      const field = byTestId(view.container, 'init-input') as HTMLTextAreaElement;
      await act(async () => {
        Object.getOwnPropertyDescriptor(HTMLTextAreaElement.prototype, 'value')!.set!.call(field, text);
        field.dispatchEvent(new Event('input', { bubbles: true }));
      });
    };
    await type('{"σ": 1, "β": [0');
    expect(useSettingsStore.getState().settings.init).toBe('{"σ": 1, "β": [0');
    expect(byTestId(view.container, 'init-problem').textContent).toBe('Initial values must be JSON, as {"σ": 1, "β": [0, 1]}');
    await type('{"σ": 1, "β": [0, 1]}');
    expect(view.container.querySelector('[data-testid="init-problem"]')).toBeNull();
    await select('sampler-select', 'map');
    const field = byTestId(view.container, 'init-input') as HTMLTextAreaElement;
    expect(field.value).toBe('{"σ": 1, "β": [0, 1]}');
    expect(field.closest('.field')!.getAttribute('title')).toMatch(/^The optimiser starts here alone/);
  });
});
