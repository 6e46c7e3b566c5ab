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
        { name: 'r', shape: '2 vectors, lengths 1, 2', values: '[1], [2, 3]' },
        { name: 'm', shape: '2', values: '1, missing' },
      ],
    });
  });

  it("shows ragged rows (Julia's Vector{Vector}) as vectors with their lengths, the first values row by row", () => {
    const groups = Array.from({ length: 9 }, (_, g) => Array.from({ length: g + 1 }, (_, i) => g + i / 10));
    const file = dataFileFrom('groups.json', JSON.stringify({ y: groups, z: [[1, 2], [3, null, 5]], mixed: [[1], 2] }));
    expect(previewData(file)).toEqual({
      format: 'json',
      entries: [
        { name: 'y', shape: '9 vectors, lengths 1 to 9', values: '[0], [1, 1.1], [2, 2.1, 2.2], …' },
        { name: 'z', shape: '2 vectors, lengths 2, 3', values: '[1, 2], [3, missing, 5]' },
        { name: 'mixed', shape: 'ragged', values: '1, 2' },
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
