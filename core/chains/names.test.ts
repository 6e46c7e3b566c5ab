import { describe, expect, it } from 'vitest';
import { baseName, fromStanName, fromStanStat, nameMatches, toStanName, toStanStat } from './index.js';

describe('variable names', () => {
  it('has base names for Turing’s indexed names', () => {
    expect(baseName('β[1]')).toBe('β');
    expect(baseName('Σ[1, 2]')).toBe('Σ');
    expect(baseName('s²')).toBe('s²');
    expect(nameMatches('β[10]', 'β')).toBe(true);
    expect(nameMatches('βx[1]', 'β')).toBe(false);
  });

  it('spells names as Stan does and back', () => {
    expect(toStanName('Σ[1, 2]')).toBe('Σ.1.2');
    expect(toStanName('β[3]')).toBe('β.3');
    expect(toStanName('x[1][2]')).toBe('x.1.2');
    expect(toStanName('s²')).toBe('s²');
    expect(fromStanName('Σ.1.2')).toBe('Σ[1, 2]');
    expect(fromStanName('theta.1')).toBe('theta[1]');
    expect(fromStanName('a.b')).toBe('a.b');
    expect(fromStanName('a.b.3')).toBe('a.b[3]');
  });

  it('maps Turing’s NUTS statistics to CmdStan’s columns and back', () => {
    const pairs = [
      ['lp', 'lp__'],
      ['acceptance_rate', 'accept_stat__'],
      ['step_size', 'stepsize__'],
      ['tree_depth', 'treedepth__'],
      ['n_steps', 'n_leapfrog__'],
      ['is_divergent', 'divergent__'],
      ['hamiltonian_energy', 'energy__'],
      ['hamiltonian_energy_error', 'hamiltonian_energy_error__'],
    ];
    for (const [turing, stan] of pairs) {
      expect(toStanStat(turing!)).toBe(stan);
      expect(fromStanStat(stan!)).toBe(turing);
    }
    expect(fromStanStat('theta')).toBeUndefined();
  });
});
