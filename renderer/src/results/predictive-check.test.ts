import { describe, expect, it } from 'vitest';
import { isEmptyChart, predictiveOption, replicable, type ChartOption } from './index';

const variable = {
  name: 'y',
  elements: 3,
  observedElements: 3,
  draws: 400,
  overlay: { x: [0, 1, 2], observed: [0.2, 0.5, 0.3], replicates: [[0.1, 0.6, 0.3], [0.3, 0.4, 0.3]] },
  tests: [],
};

function drawn(option: ChartOption | { empty: string }): ChartOption {
  if (isEmptyChart(option)) throw new Error(option.empty);
  return option;
}

describe('predictiveOption (ppc_dens_overlay)', () => {
  it('draws every replicate under one legend entry and the data over them, last', () => {
    const option = drawn(predictiveOption(variable));
    expect(option.series.map((s) => s.name)).toEqual(['y_rep', 'y_rep', 'y']);
    expect(option.series.at(-1)!.data).toEqual([[0, 0.2], [1, 0.5], [2, 0.3]]);
    expect(option.title).toMatchObject({ text: 'Posterior predictive of y: 2 of 400 replicates' });
    expect(option.legend).toMatchObject({ data: ['y', 'y_rep'] });
  });

  it('draws integer data as steps of relative frequency, and says why there is nothing to draw', () => {
    const option = drawn(predictiveOption({ ...variable, overlay: { ...variable.overlay, discrete: true } }));
    expect(option.series.every((s) => 'step' in s && s.step === 'middle')).toBe(true);
    expect(option.yAxis).toMatchObject({ name: 'Relative frequency' });
    expect(predictiveOption({ ...variable, overlay: null })).toEqual({ empty: 'The data gives no value of y to compare replicates with' });
  });
});

describe('replicable', () => {
  it('offers the observed arguments that have data, and the data that conditions a random variable', () => {
    expect(
      replicable([
        { name: 'X', status: 'given', shape: [10, 2] },
        { name: 'y', status: 'given', shape: [10], observed: true },
        { name: 'z', status: 'missing', observed: true },
        { name: 'w', status: 'default', observed: true },
        { name: 'm', status: 'conditions', shape: [] },
      ]),
    ).toEqual(['y', 'w', 'm']);
  });

  it("offers the columns a table argument's `df.y[i] ~ …` observe, by the name the model reads them with", () => {
    expect(replicable([{ name: 'df', status: 'script', shape: [4, 3], observedFields: ['y', 'z'] }])).toEqual(['df.y', 'df.z']);
  });
});
