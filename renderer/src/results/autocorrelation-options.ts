import { chainName, frame, MIN_DRAWS_PER_CHAIN, type ChartOption, type EmptyChart } from './chart-option';
import { chainColour } from './palette';

/**
 * Autocorrelation against lag, one line per chain, on a fixed [-1, 1] scale so chains and parameters
 * compare. A chain with fewer than MIN_DRAWS_PER_CHAIN draws is left out: the engine gives one lag per
 * draw (up to its maximum lag, well above that minimum), so a short series is a short chain.
 */
export function autocorrelationOption(chains: readonly (readonly number[])[], parameter: string): ChartOption | EmptyChart {
  if (chains.every((c) => c.length === 0)) return { empty: 'Not enough draws for autocorrelation yet' };
  const enough = (chain: number) => chains[chain]!.length >= MIN_DRAWS_PER_CHAIN;
  if (!chains.some((_, chain) => enough(chain))) return { empty: `Too few draws for autocorrelation yet: it takes ${MIN_DRAWS_PER_CHAIN} per chain` };
  const series = chains.map((rho, chain) => ({
    type: 'line' as const,
    name: chainName(chain),
    data: enough(chain) ? rho.map((r, lag) => [lag, r]) : [],
    showSymbol: false,
    lineStyle: { width: 1.5 },
    color: chainColour(chain),
  }));
  const xBounds = { min: 0, minInterval: 1 };
  return { ...frame({ title: `Autocorrelation of ${parameter}`, x: 'Lag', y: 'Autocorrelation', legend: series.map((s) => s.name), xBounds, yBounds: { min: -1, max: 1 } }), series };
}
