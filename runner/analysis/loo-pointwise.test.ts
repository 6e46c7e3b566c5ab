import { describe, expect, it } from 'vitest';
import { parseNumber } from '../../core/chains/index.js';
import type { RunLoo } from '../../core/run/index.js';
import { looPointwiseCsv, POINTWISE_COLUMNS } from './index.js';

describe('looPointwiseCsv', () => {
  it('writes a row per observation under the columns tilde loo-compare reads back, numbers exact', () => {
    const pointwise = [
      { elpdLoo: -1.25, mcseElpdLoo: 0.003, pLoo: 0.1, looic: 2.5, paretoK: 0.21, nEff: 812.5, relativeEff: 0.9 },
      { elpdLoo: -2 / 3, mcseElpdLoo: NaN, pLoo: 0.4, looic: 4 / 3, paretoK: 0.93, nEff: 40.25, relativeEff: 1.1 },
    ];
    const result = { pointwise, names: ['y[1]', 'y[2]'] } as unknown as RunLoo;
    const file = looPointwiseCsv(result);
    const [header, ...rows] = file.text.trim().split('\n').map((line) => line.split(','));
    expect(file.name).toMatch(/\.csv$/);
    expect(header).toEqual([...POINTWISE_COLUMNS]);
    expect(rows.map((r) => r[0])).toEqual(result.names);
    const keys = ['elpdLoo', 'mcseElpdLoo', 'pLoo', 'looic', 'paretoK', 'nEff', 'relativeEff'] as const;
    rows.forEach((r, i) => expect(r.slice(1).map(parseNumber)).toEqual(keys.map((k) => pointwise[i]![k])));
  });
});
