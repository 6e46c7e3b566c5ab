import { describe, expect, it } from 'vitest';
import { baseName, pickerOptions, resolveParameter } from './index';

const variables = ['μ', 'τ', 'θ[1]', 'θ[2]', 'Σ[1, 2]'];

describe('parameter names', () => {
  it('takes the base name off an indexed name', () => {
    expect(baseName('Σ[1, 2]')).toBe('Σ');
    expect(baseName('μ')).toBe('μ');
  });

  it('resolves a name to itself and a base name to its elements', () => {
    expect(resolveParameter(variables, 'θ[2]')).toEqual(['θ[2]']);
    expect(resolveParameter(variables, ' θ ')).toEqual(['θ[1]', 'θ[2]']);
    expect(resolveParameter(variables, 'σ')).toEqual([]);
  });

  it('offers each base name before its elements', () => {
    expect(pickerOptions(variables)).toEqual(['μ', 'τ', 'θ', 'θ[1]', 'θ[2]', 'Σ', 'Σ[1, 2]']);
  });
});
