import type { BlockOp } from '../../ad/index.js';
import { JArray, type Value } from '../../model/index.js';
import { blockBackend, distinctInputs, elementsOf, MIN_BLOCK } from './broadcast-arithmetic.js';
import { sameShape } from './shape.js';

/**
 * `a .+ b .* c` (and `b .* c .+ a`) over numbers of one shape or scalars — `α .+ β .* x`, the simple
 * regression's predictor — as one block of the reverse tape where the product and the sum were one each:
 * each copied a thousand-observation predictor into and out of the tape. Values, and the adjoints each input
 * receives, are those of the two blocks (the same operations in the same order). Undefined where the two
 * blocks would not be made (another backend, fewer than MIN_BLOCK elements, other shapes).
 */
export function multiplyAdd(a: Value, b: Value, c: Value): JArray | undefined {
  const xa = elementsOf(a);
  const xb = elementsOf(b);
  const xc = elementsOf(c);
  if (xa === undefined || xb === undefined || xc === undefined) return undefined;
  const arrays = [a, b, c].filter((v): v is JArray => v instanceof JArray);
  const shape = arrays[0]?.shape;
  if (shape === undefined || !arrays.every((v) => sameShape(v.shape, shape))) return undefined;
  const count = Math.max(xa.length, xb.length, xc.length);
  const backend = count < MIN_BLOCK ? undefined : (blockBackend(xa) ?? blockBackend(xb) ?? blockBackend(xc));
  if (backend === undefined) return undefined;
  const [da, db, dc] = [distinctInputs(xa), distinctInputs(xb), distinctInputs(xc)];
  const nb = da.inputs.length;
  const nc = nb + db.inputs.length;
  const [ia, ib, ic] = [da.at, db.at, dc.at];
  const [sa, sb, sc] = [xa, xb, xc].map((x) => (x.length === 1 ? 0 : 1)) as [number, number, number];
  const op: BlockOp = {
    forward(x, out, at) {
      for (let i = 0; i < count; i++) out[at + i] = x[ia[i * sa]!]! + x[nb + ib[i * sb]!]! * x[nc + ic[i * sc]!]!;
    },
    backward(x, adjoint, at, adjX) {
      // The sum's adjoints first, then the product's, each as its own block adds them (a scalar's in a local).
      if (sa === 0) {
        let sum = 0;
        for (let i = 0; i < count; i++) sum += adjoint[at + i]!;
        adjX[ia[0]!]! += sum;
      } else {
        for (let i = 0; i < count; i++) adjX[ia[i]!]! += adjoint[at + i]!;
      }
      if (sb === 0) {
        const bv = x[nb + ib[0]!]!;
        let sum = 0;
        for (let i = 0; i < count; i++) {
          const g = adjoint[at + i]!;
          sum += g * x[nc + ic[i * sc]!]!;
          adjX[nc + ic[i * sc]!]! += g * bv;
        }
        adjX[nb + ib[0]!]! += sum;
        return;
      }
      for (let i = 0; i < count; i++) {
        const g = adjoint[at + i]!;
        adjX[nb + ib[i]!]! += g * x[nc + ic[i * sc]!]!;
        adjX[nc + ic[i * sc]!]! += g * x[nb + ib[i]!]!;
      }
    },
  };
  return new JArray(shape, backend.block!([...da.inputs, ...db.inputs, ...dc.inputs], op, count), 'float');
}
