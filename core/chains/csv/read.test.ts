import { describe, expect, it } from 'vitest';
import { CsvError, readDrawsCsv } from './index.js';

function errorOf(text: string): CsvError {
  try {
    readDrawsCsv(text);
  } catch (e) {
    if (e instanceof CsvError) return e;
    throw e;
  }
  throw new Error('no error');
}

describe('reading draws CSV', () => {
  it("reads posterior's draws layout: .chain, .iteration, .draw, with Stan's statistics as statistics", () => {
    const chains = readDrawsCsv('.chain,.iteration,.draw,mu,theta[1],lp__\n1,1,1,0.5,1,-3\n1,2,2,0.25,2,-4\n2,1,3,1.5,3,-5\n2,2,4,1.25,4,-6\n');
    expect(chains.nChains).toBe(2);
    expect(chains.parameters).toEqual(['mu', 'theta[1]']);
    expect(chains.stats).toEqual(['lp']);
    expect([...chains.draws('mu', 1)]).toEqual([1.5, 1.25]);
  });

  it("reads a CmdStan file, settings and all, comments below the header included", () => {
    const csv = [
      '# model = bernoulli_model',
      '# method = sample (Default)',
      '#   sample',
      '#     num_samples = 2 (Default)',
      '#     num_warmup = 1000 (Default)',
      '#     thin = 1 (Default)',
      '#             max_depth = 12',
      '#   seed = 1234',
      'lp__,accept_stat__,stepsize__,treedepth__,n_leapfrog__,divergent__,energy__,theta,Sigma.1.2',
      '# Adaptation terminated',
      '# Step size = 0.908178',
      '# Diagonal elements of inverse mass matrix:',
      '# 0.558906, 1',
      '-7.09744,0.957496,0.908178,1,3,0,7.18839,0.195963,1',
      '-7.2,0.9,0.908178,2,3,1,7.3,0.2,2',
      '# ',
      '#  Elapsed Time: 0.004 seconds (Warm-up)',
      '#                0.012 seconds (Sampling)',
      '#                0.016 seconds (Total)',
      '',
    ].join('\n');
    const chains = readDrawsCsv(csv);
    expect(chains.parameters).toEqual(['theta', 'Sigma[1, 2]']);
    expect(chains.stats).toEqual(['lp', 'acceptance_rate', 'step_size', 'tree_depth', 'n_steps', 'is_divergent', 'hamiltonian_energy']);
    expect([...chains.draws('is_divergent', 0)]).toEqual([0, 1]);
    expect(chains.info(0)).toMatchObject({ seed: 1234, warmup: 1000, thin: 1, maxTreeDepth: 12, warmupSeconds: 0.004, samplingSeconds: 0.012 });
    expect(chains.info(0).settings).toMatchObject({ model: 'bernoulli_model', 'Step size': 0.908178 });
  });

  it('leaves out the warm-up draws of a CmdStan file saved with save_warmup, ⌈num_warmup / thin⌉ rows, as cmdstanr and stansummary do', () => {
    const csv = (save: string) =>
      [
        '#     num_warmup = 3',
        `#     save_warmup = ${save}`,
        '#     thin = 2',
        'lp__,theta',
        '-9,0.9',
        '-8,0.8',
        '# Adaptation terminated',
        '-1,0.1',
        '-2,0.2',
        '',
      ].join('\n');
    for (const save of ['1', 'true']) expect([...readDrawsCsv(csv(save)).draws('theta', 0)], save).toEqual([0.1, 0.2]);
    expect([...readDrawsCsv(csv('0')).draws('theta', 0)]).toEqual([0.9, 0.8, 0.1, 0.2]);
  });

  it('takes chains in order of first appearance, whatever their labels', () => {
    const chains = readDrawsCsv('chain,draw,x\n3,1,1\n7,1,2\n3,2,3\n');
    expect(chains.nChains).toBe(2);
    expect([...chains.draws('x', 0)]).toEqual([1, 3]);
  });

  it('reads quoted cells, as some writers quote every field', () => {
    const chains = readDrawsCsv('"chain","draw","σ²"\r\n"1","1","2.5"\r\n"1","2","-Inf"\r\n');
    expect([...chains.draws('σ²', 0)]).toEqual([2.5, -Infinity]);
    expect(errorOf('"chain","draw","a"\n"1","1","2"\n"1","2","x"\n')).toMatchObject({ line: 3, column: 3 });
  });

  it('reads rows whose cells are not all plain decimals, such as a column of NaN, as well as the others', () => {
    const rows = Array.from({ length: 300 }, (_, d) => `${1 + (d >> 7)},${d + 1},${d % 3 === 0 ? '.5' : '-0'},NaN`);
    const chains = readDrawsCsv(['chain,draw,a,b', ...rows, ''].join('\n'));
    expect(chains.nChains).toBe(3);
    expect(Object.is(chains.draws('a', 0)[1], -0)).toBe(true);
    expect(chains.draws('a', 2)[2]).toBe(0.5);
    expect(chains.draws('b', 2)[43]).toBeNaN();
    expect(errorOf(['chain,draw,a,b', ...rows, '1,301,1,x', ''].join('\n'))).toMatchObject({ line: 302, column: 4 });
  });

  it('reads a header whose quoted name spans two lines and counts lines after it right', () => {
    const e = errorOf('chain,"a\nb"\n1,2\n1,x\n');
    expect([e.line, e.column]).toEqual([4, 2]);
  });
});

describe('bad CSV names the line and column', () => {
  it('an empty file', () => {
    expect(errorOf('')).toMatchObject({ line: 1, message: 'line 1: the file is empty' });
    expect(errorOf(' \n\n').line).toBe(1);
  });

  it('a ragged row', () => {
    const e = errorOf('chain,draw,a,b\n1,1,0.5,0.25\n1,2,0.5\n');
    expect(e).toMatchObject({ line: 3, column: 4 });
    expect(e.message).toBe('line 3, column 4: expected 4 fields as in the header, found 3');
    expect(errorOf('chain,draw,a\r\n1,1,2\r\n\r\n1,2,3,4\r\n')).toMatchObject({ line: 4, column: 4 });
  });

  it('a cell that is no number', () => {
    const e = errorOf('chain,draw,σ²,β[1]\n1,1,0.5,1\n1,2,0.5,abc\n');
    expect(e.message).toBe("line 3, column 4: 'abc' in column 'β[1]' is no number");
    expect(errorOf('chain,draw,a\n1,1,\n').message).toBe("line 2, column 3: '' in column 'a' is no number");
    expect(errorOf('chain,draw,a\nx,1,2\n')).toMatchObject({ line: 2, column: 1 });
    // Draw and iteration numbers are not kept, but a file with a word among them is still malformed.
    expect(errorOf('chain,draw,a\n1,1,2\n1,two,3\n').message).toBe("line 3, column 2: 'two' in column 'draw' is no number");
    expect(errorOf('.chain,.iteration,.draw,a\n1,1,1,2\n1,2,,3\n')).toMatchObject({ line: 3, column: 3 });
  });

  it('a missing chain column', () => {
    const e = errorOf('draw,a,b\n1,2,3\n');
    expect(e.line).toBe(1);
    expect(e.message).toMatch(/^line 1: no 'chain' column/);
  });

  it('a header with a repeated or empty name', () => {
    expect(errorOf('chain,a,a\n1,2,3\n')).toMatchObject({ line: 1, column: 3 });
    expect(errorOf('chain,,a\n1,2,3\n')).toMatchObject({ line: 1, column: 2 });
  });

  it('a bad cell after CmdStan comments is located on its own line', () => {
    const e = errorOf('# a = 1\n# b = 2\nlp__,x\n# Adaptation terminated\n1,2\n1,oops\n');
    expect([e.line, e.column]).toEqual([6, 2]);
  });
});
