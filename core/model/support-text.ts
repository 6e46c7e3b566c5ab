import { value } from '../ad/index.js';
import type { Support } from '../bijectors/index.js';

function num(x: Parameters<typeof value>[0]): string {
  const v = value(x);
  return v === Infinity ? '∞' : v === -Infinity ? '−∞' : String(v);
}

/** A support as a statistician writes it: ℝ, (0, ∞), (a, b), simplex … */
export function supportText(s: Support): string {
  switch (s.kind) {
    case 'real':
      return 'ℝ';
    case 'lower':
      return `(${num(s.lower)}, ∞)`;
    case 'upper':
      return `(−∞, ${num(s.upper)})`;
    case 'interval':
      return `(${num(s.lower)}, ${num(s.upper)})`;
    case 'simplex':
      return 'simplex';
    case 'corr':
      return 'correlation matrix';
    case 'corr-cholesky':
      return `Cholesky factor (${s.uplo}) of a correlation matrix`;
    case 'pd':
      return 'positive-definite matrix';
    case 'ordered':
      return 'increasing vector';
    case 'elementwise': {
      const texts = new Set(s.supports.map(supportText));
      return texts.size === 1 ? [...texts][0]! : 'per element: ' + [...texts].join(', ');
    }
    case 'discrete':
      return 'integers';
  }
}
