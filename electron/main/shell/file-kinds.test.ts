import { describe, expect, it } from 'vitest';
import { isProjectPath, openFilters, saveFilters } from './index.js';

describe('file kinds', () => {
  it('filters each dialog to its kind of file', () => {
    expect(saveFilters('project')).toEqual([{ name: 'Tilde project', extensions: ['tilde.json'] }]);
    expect(saveFilters('csv')).toEqual([{ name: 'CSV', extensions: ['csv'] }]);
    expect(saveFilters('png')).toEqual([{ name: 'PNG image', extensions: ['png'] }]);
    expect(saveFilters('svg')).toEqual([{ name: 'SVG image', extensions: ['svg'] }]);
    expect(openFilters('project')[0]?.extensions).toEqual(['tilde.json']);
    expect(openFilters('data')[0]?.extensions).toEqual(['json', 'csv']);
    expect(openFilters('model')[0]?.extensions).toEqual(['jl']);
    expect(openFilters('document')[0]?.extensions).toEqual(['tilde.json', 'jl']);
  });

  it('tells a project file from a model or a data file', () => {
    expect(isProjectPath('/home/u/Eight.TILDE.json')).toBe(true);
    expect(isProjectPath('/home/u/eight_schools.jl')).toBe(false);
    expect(isProjectPath('/home/u/data.json')).toBe(false);
  });
});
