// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import type { ChainSamplerDiagnostics, DiagnosticWarning } from '../../../core/diagnostics/index';
import { render } from '../testing/index';
import { SamplerChains } from './index';

const nuts = (chain: number, stepSize: number): ChainSamplerDiagnostics => ({
  chain,
  draws: 1000,
  divergences: chain === 1 ? 7 : 0,
  treeDepthHits: 0,
  maxTreeDepth: 10,
  ebfmi: 0.9,
  stepSize,
  lp: -3,
  frozen: false,
  accepted: NaN,
  meanAcceptance: 0.81,
  meanLeapfrogSteps: 7.5,
  warmupSeconds: 0.25,
  samplingSeconds: 1.5,
});

const mh: ChainSamplerDiagnostics = { ...nuts(0, NaN), divergences: NaN, treeDepthHits: NaN, ebfmi: NaN, meanLeapfrogSteps: NaN, meanAcceptance: 0.23, accepted: 230 };

async function table(sampler: ChainSamplerDiagnostics[], warnings: DiagnosticWarning[] = []) {
  const view = await render(<SamplerChains sampler={sampler} warnings={warnings} />);
  const headers = Array.from(view.container.querySelectorAll('th'), (th) => th.textContent);
  const rows = Array.from(view.container.querySelectorAll('tbody tr'), (tr) => Array.from(tr.querySelectorAll('td'), (td) => td.textContent));
  const flagged = Array.from(view.container.querySelectorAll('td[data-flag]'), (td) => [td.closest('tr')!.getAttribute('data-chain'), td.getAttribute('data-flag')]);
  await view.unmount();
  return { headers, rows, flagged };
}

describe('the sampler per chain', () => {
  it("gives each NUTS chain's checks, adapted step size, mean acceptance, leapfrog steps and times, flagging the warned cells", async () => {
    const divergences: DiagnosticWarning = { kind: 'divergences', chain: 1, value: 7, threshold: 0, message: 'chain 2: 7 of 1000 transitions diverged' };
    const { headers, rows, flagged } = await table([nuts(0, 0.52), nuts(1, 0.031)], [divergences]);
    expect(headers).toEqual(['Chain', 'Draws', 'Divergences', 'Max tree depth hits', 'E-BFMI', 'Step size', 'Mean accept stat', 'Steps / draw', 'Time']);
    expect(rows[1]).toEqual(['2', '1000', '7', '0 (depth 10)', '0.90', '0.031', '0.81', '7.5', '0.25 + 1.5 s']);
    expect(flagged).toEqual([['2', 'divergences']]);
  });

  it('leaves out what no chain has: an MH chain has no step size, tree or energy', async () => {
    const { headers, rows } = await table([mh]);
    expect(headers).toEqual(['Chain', 'Draws', 'Mean accept stat', 'Time']);
    expect(rows[0]).toEqual(['1', '1000', '0.23', '0.25 + 1.5 s']);
  });

  it("gives an ADVI chain's ELBO and Pareto k̂, flagging a k̂ above 0.7", async () => {
    const advi = (chain: number, paretoK: number): ChainSamplerDiagnostics => ({ ...mh, chain, meanAcceptance: NaN, accepted: NaN, variational: { elbo: -11.75, paretoK, skippedSteps: 0 } });
    const warning: DiagnosticWarning = { kind: 'pareto_k', chain: 1, value: 1.2, threshold: 0.7, message: 'chain 2: Pareto k̂ 1.2 > 0.7' };
    const { headers, rows, flagged } = await table([advi(0, 0.41), advi(1, 1.2)], [warning]);
    expect(headers).toEqual(['Chain', 'Draws', 'ELBO', 'Pareto k̂', 'Time']);
    expect(rows[1]).toEqual(['2', '1000', '-11.75', '1.2', '0.25 + 1.5 s']);
    expect(flagged).toEqual([['2', 'pareto_k']]);
  });
});
