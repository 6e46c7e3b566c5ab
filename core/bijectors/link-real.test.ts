import { describe, expect, it } from 'vitest';
import { value } from '../ad/index.js';
import { bijectorFor, type Support } from './index.js';
import { expectClose, expectGradientsAgree } from './testing.js';

/** Bijectors' `b(x)` of a parameter: `linkReal` is `link` on AD numbers, so a model's own map onto ℝⁿ is differentiated. */
describe('linkReal', () => {
  it.each<[Support, number[]]>([
    [{ kind: 'real' }, [0.3]],
    [{ kind: 'lower', lower: -1 }, [0.3]],
    [{ kind: 'upper', upper: 2 }, [0.3]],
    [{ kind: 'interval', lower: -1, upper: 2 }, [0.3]],
    [{ kind: 'ordered', dim: 3 }, [-0.5, 0.2, 1.7]],
    [{ kind: 'simplex', dim: 4 }, [0.1, 0.2, 0.3, 0.4]],
    [{ kind: 'elementwise', supports: [{ kind: 'lower', lower: 0 }, { kind: 'simplex', dim: 2 }] }, [1.5, 0.25, 0.75]],
  ])('%j: is link on numbers, inverts invlink, and its derivatives are right', (support, x) => {
    const b = bijectorFor(support);
    const y = b.linkReal!(x).map(value);
    expectClose(y, b.link(x), 1e-14, 'link');
    expectClose(b.invlink(y).x.map(value), x, 1e-12, 'invlink');
    expectGradientsAgree((t) => b.linkReal!(t), x);
  });

  it('is absent where Tilde maps on plain numbers only, and for a stack holding one such part', () => {
    expect(bijectorFor({ kind: 'corr', dim: 3 }).linkReal).toBeUndefined();
    expect(bijectorFor({ kind: 'elementwise', supports: [{ kind: 'real' }, { kind: 'pd', dim: 2 }] }).linkReal).toBeUndefined();
  });
});
