// @vitest-environment happy-dom
import { act } from 'react';
import { createRoot } from 'react-dom/client';
import { afterEach, describe, expect, it } from 'vitest';
import type { DiagnosticWarning } from '../../../core/diagnostics/index';
import { warningLines, warningText, WarningsList } from './index';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

function parameterWarnings(p: string): DiagnosticWarning[] {
  return [
    { kind: 'rhat', parameter: p, value: 1.05, threshold: 1.01, message: `${p}: R-hat 1.050 > 1.01; the chains have not mixed` },
    { kind: 'ess_bulk', parameter: p, value: 80, threshold: 400, message: `${p}: bulk ESS 80 < 400; run longer chains` },
    { kind: 'ess_tail', parameter: p, value: 60, threshold: 400, message: `${p}: tail ESS 60 < 400; run longer chains` },
  ];
}

const divergences: DiagnosticWarning = { kind: 'divergences', chain: 2, value: 7, threshold: 0, message: 'chain 3: 7 of 1000 transitions diverged; reparameterise or raise the target acceptance rate' };
const treeDepth: DiagnosticWarning = { kind: 'tree_depth', chain: 2, value: 3, threshold: 10, message: 'chain 3: 3 of 1000 transitions hit the maximum tree depth 10' };

describe('warning lines', () => {
  it("give each parameter one line of its problems, the advice once, the sampler's lines first", () => {
    const lines = warningLines([...parameterWarnings('τ'), divergences, treeDepth]);
    expect(lines.map((line) => Object.values(warningText(line)).join(''))).toEqual([
      'chain 3: 7 of 1000 transitions diverged, 3 of 1000 transitions hit the maximum tree depth 10 — reparameterise or raise the target acceptance rate',
      'τ: R-hat 1.050 > 1.01, bulk ESS 80 < 400, tail ESS 60 < 400 — the chains have not mixed; run longer chains',
    ]);
    expect(lines.map((l) => [l.kinds, l.severe])).toEqual([
      [['divergences', 'tree_depth'], true],
      [['rhat', 'ess_bulk', 'ess_tail'], true],
    ]);
    expect(warningLines(parameterWarnings('σ').slice(1))[0]!.severe).toBe(false);
  });

  it("gather the parameters whose bulk ESS is at posterior's cap in one quiet line, after every problem", () => {
    const capped = (p: string): DiagnosticWarning => ({ kind: 'ess_capped', parameter: p, value: 14408, threshold: 14408, message: `${p}: bulk ESS capped at S·log10(S) = 14408, as posterior caps it; the draws are antithetic` });
    const lines = warningLines([...Array.from({ length: 6 }, (_, i) => capped(`x[${i + 1}]`)), ...parameterWarnings('τ')]);
    expect(lines.map((line) => Object.values(warningText(line)).join(''))).toEqual([
      'τ: R-hat 1.050 > 1.01, bulk ESS 80 < 400, tail ESS 60 < 400 — the chains have not mixed; run longer chains',
      'x[1], x[2], x[3] and 3 more: bulk ESS capped at S·log10(S) = 14408, as posterior caps it — the draws are antithetic',
    ]);
    expect(lines[1]!.severe).toBe(false);
    expect(warningText(warningLines([capped('a'), capped('b')])[0]!).problems).toBe('a, b: bulk ESS capped at S·log10(S) = 14408, as posterior caps it');
  });
});

let container: HTMLDivElement | undefined;
afterEach(() => container?.remove());

describe('the warnings list', () => {
  it('shows five lines and folds the rest into "and N more", which opens them', () => {
    const host = document.createElement('div');
    container = host;
    document.body.append(host);
    const warnings = [divergences, ...Array.from({ length: 40 }, (_, i) => parameterWarnings(`return[${i + 1}]`)).flat()];
    act(() => createRoot(host).render(<WarningsList warnings={warnings} />));
    const items = () => [...host.querySelectorAll<HTMLElement>('[data-testid="warning"]')];
    expect(items().map((li) => li.textContent!.split(':')[0])).toEqual(['chain 3', 'return[1]', 'return[2]', 'return[3]', 'return[4]']);
    const more = host.querySelector('button')!;
    expect(more.textContent).toBe('and 36 more');
    act(() => more.click());
    expect(items()).toHaveLength(41);
    expect(items()[1]!.dataset.kind).toBe('rhat ess_bulk ess_tail');
    expect(items()[1]!.textContent).toBe('return[1]: R-hat 1.050 > 1.01, bulk ESS 80 < 400, tail ESS 60 < 400 — the chains have not mixed; run longer chains');
  });
});
