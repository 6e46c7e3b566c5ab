import { ops, type Real } from '../ad/index.js';
import type { Bijector } from './types.js';
import { checkLength } from './length.js';

/** One bijector per element (filldist, arraydist), side by side as Bijectors' Stacked; log-Jacobians add. */
export function elementwiseBijector(parts: readonly Bijector[]): Bijector {
  let constrainedLength = 0;
  let unconstrainedLength = 0;
  for (const p of parts) {
    constrainedLength += p.constrainedLength;
    unconstrainedLength += p.unconstrainedLength;
  }
  const linkReal = parts.every((p) => p.linkReal !== undefined)
    ? (x: readonly Real[]): Real[] => {
        checkLength('elementwise', constrainedLength, x.length);
        const y: Real[] = [];
        let i = 0;
        for (const p of parts) {
          for (const yk of p.linkReal!(x.slice(i, i + p.constrainedLength))) y.push(yk);
          i += p.constrainedLength;
        }
        return y;
      }
    : undefined;
  return {
    ...(linkReal ? { linkReal } : {}),
    constrainedLength,
    unconstrainedLength,
    // One integer element is enough to keep gradient samplers away from the whole variable.
    discrete: parts.some((p) => p.discrete),
    link(x) {
      checkLength('elementwise', constrainedLength, x.length);
      const y = new Float64Array(unconstrainedLength);
      let i = 0;
      let o = 0;
      for (const p of parts) {
        const start = i;
        y.set(p.link(Array.from({ length: p.constrainedLength }, (_, k) => x[start + k]!)), o);
        i += p.constrainedLength;
        o += p.unconstrainedLength;
      }
      return y;
    },
    invlink(y) {
      checkLength('elementwise', unconstrainedLength, y.length);
      const x: Real[] = [];
      const logJacs: Real[] = [];
      let o = 0;
      for (const p of parts) {
        const r = p.invlink(y.slice(o, o + p.unconstrainedLength));
        for (const xi of r.x) x.push(xi);
        logJacs.push(r.logJac);
        o += p.unconstrainedLength;
      }
      return { x, logJac: ops.sumOf(logJacs) };
    },
  };
}
