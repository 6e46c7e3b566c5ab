import { describe, expect, it } from 'vitest';
import { dataFromCsv, dataFromJson, JArray, type Value } from './index.js';

const eltypes = (data: Map<string, Value>): Record<string, string> => Object.fromEntries([...data].map(([k, v]) => [k, v instanceof JArray ? v.eltype : typeof v]));

describe('data element types, as Julia reads what the user wrote', () => {
  it('JSON: numbers written as floats make a Float64 array, whole numbers an Int one', () => {
    const data = dataFromJson('{"x": [1.0, 2.0], "n": [1, 2], "e": [1, 2e3], "neg": [-1.0, 3], "X": [[1, 2.5], [3, 4]], "a.5": [1, 2]}');
    expect(eltypes(data)).toEqual({ x: 'float', n: 'int', e: 'float', neg: 'float', X: 'float', 'a.5': 'int' });
    expect((data.get('x') as JArray).data).toEqual([1, 2]);
  });

  it('CSV: a column with a cell written as a float is Float64 throughout, matrix columns included', () => {
    const data = dataFromCsv('x,n,X.1,X.2\n1.0,1,1,0.5\n2,2,3,4\n');
    expect(eltypes(data)).toEqual({ x: 'float', n: 'int', X: 'float' });
  });
});
