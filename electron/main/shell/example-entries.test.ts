import { describe, expect, it } from 'vitest';
import { exampleEntries } from './index.js';

describe('example entries', () => {
  it('lists each model once, by stem, in name order, ignoring the data files', () => {
    expect(exampleEntries(['gdemo.json', 'gdemo.jl', 'eight_schools.json', 'eight_schools.jl', 'README.md', 'coin-flip.jl'])).toEqual([
      { id: 'coin-flip', title: 'Coin flip' },
      { id: 'eight_schools', title: 'Eight schools' },
      { id: 'gdemo', title: 'Gdemo' },
    ]);
  });
});
