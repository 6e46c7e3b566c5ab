import { useEffect } from 'react';
import { requestDraw } from './chart-frames';
import { AUTOCORRELATION, DENSITY, ENERGY, INTERVALS, PAIR, PARCOORD, RANK, TRACE } from './chart-sources';
import { warmUpCharts } from './chart-warm-up';
import { EChart } from './EChart';

/**
 * The selected parameter's plots: the trace across the top, the rest in a grid below, then its array's
 * intervals and the parallel coordinates of all parameters, which need the panel's width.
 */
export function Charts({ hidden }: { hidden: boolean }) {
  // Mounted before any run: the one-off cost of a first chart with data is paid while nothing goes on.
  useEffect(() => requestDraw(warmUpCharts), []);
  return (
    <div className={hidden ? 'charts charts-hidden' : 'charts'} aria-hidden={hidden || undefined}>
      <div className="chart-wide">
        <EChart source={TRACE} testId="chart-trace" />
      </div>
      <EChart source={DENSITY} testId="chart-density" />
      <EChart source={AUTOCORRELATION} testId="chart-autocorrelation" />
      <EChart source={RANK} testId="chart-rank" />
      <EChart source={PAIR} testId="chart-pair" />
      <EChart source={ENERGY} testId="chart-energy" />
      <div className="chart-wide chart-tall">
        <EChart source={INTERVALS} testId="chart-intervals" />
      </div>
      <div className="chart-wide">
        <EChart source={PARCOORD} testId="chart-parcoord" />
      </div>
    </div>
  );
}
