import { describe, expect, it } from 'vitest';
import { dataFileFrom, previewData } from './index';

describe('previewData', () => {
  it('summarises JSON values with their shapes and first values', () => {
    const file = dataFileFrom('eight.json', JSON.stringify({ J: 8, y: [28, 8, -3, 7, -1, 1, 18, 12], X: [[1, 2], [3, 4], [5, 6]], r: [[1], [2, 3]], m: [1, null] }));
    expect(previewData(file)).toEqual({
      format: 'json',
      entries: [
        { name: 'J', shape: 'scalar', values: '8' },
        { name: 'y', shape: '8', values: '28, 8, -3, 7, -1, 1, …' },
        { name: 'X', shape: '3×2', values: '1, 2, 3, 4, 5, 6' },
        { name: 'r', shape: 'ragged', values: '1, 2, 3' },
        { name: 'm', shape: '2', values: '1, missing' },
      ],
    });
  });

  it('shows a CSV’s header and first rows with the row count', () => {
    const rows = Array.from({ length: 20 }, (_, i) => `${i},${i * 2}`).join('\n');
    const preview = previewData(dataFileFrom('d.csv', `x,y\n${rows}\n`));
    expect(preview).toMatchObject({ format: 'csv', columns: ['x', 'y'], totalRows: 20 });
    expect('rows' in preview && preview.rows).toHaveLength(8);
  });

  it('says what is wrong with a file it cannot read', () => {
    expect(previewData(dataFileFrom('bad.json', '{"y": [1,'))).toMatchObject({ error: expect.stringMatching(/^bad\.json is not valid JSON/) });
    expect(previewData(dataFileFrom('list.json', '[1, 2]'))).toEqual({ format: 'json', error: 'list.json must hold an object of named values, e.g. {"y": [1, 2, 3]}' });
  });

  it('tells the format from the suffix, else from the text', () => {
    expect(dataFileFrom('a.CSV', '{').format).toBe('csv');
    expect(dataFileFrom('pasted', ' {"y": 1}').format).toBe('json');
    expect(dataFileFrom('pasted', 'y\n1').format).toBe('csv');
  });
});
