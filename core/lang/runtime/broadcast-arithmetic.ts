import { ADNum, type BlockOp, type NodeFactory, type Real } from '../../ad/index.js';
import { JArray, type Value } from '../../model/index.js';
import { binaryOp } from './arithmetic.js';
import { broadcast } from './broadcast.js';
import { RowVector } from './special-arrays.js';
import { arrayOf, sameShape } from './shape.js';

/**
 * `a .op b` for + − * /. When the operands are arrays of numbers (or one of them a number) holding
 * values of a backend that takes blocks, the whole statement is one block instead of one node per
 * element (`α .+ X * β` over a thousand observations is one entry on a tape); anything else is
 * Julia's general broadcast of `op`.
 */
export function broadcastBinary(op: string, a: Value, b: Value): Value {
  return elementwiseBlock(op, a, b) ?? broadcast((xs) => binaryOp(op, xs[0]!, xs[1]!), [a, b]);
}

/** The elements of a plain numeric array or a scalar number, or undefined when the fast path does not apply. */
function realsOf(v: Value): readonly Real[] | undefined {
  if (typeof v === 'number' || v instanceof ADNum) return [v];
  if (!(v instanceof JArray) || v instanceof RowVector || v.ndims === 0) return undefined;
  for (const x of v.data) if (typeof x !== 'number' && !(x instanceof ADNum)) return undefined;
  return v.data as Real[];
}

function blockBackend(xs: readonly Real[]): NodeFactory | undefined {
  for (const x of xs) if (typeof x !== 'number') return x.backend.block === undefined ? undefined : x.backend;
  return undefined;
}

function elementwiseBlock(op: string, a: Value, b: Value): Value | undefined {
  if (op !== '+' && op !== '-' && op !== '*' && op !== '/') return undefined;
  const xa = realsOf(a);
  const xb = realsOf(b);
  if (xa === undefined || xb === undefined) return undefined;
  const arrayA = a instanceof JArray;
  const arrayB = b instanceof JArray;
  if (!arrayA && !arrayB) return undefined;
  if (arrayA && arrayB && !sameShape(a.shape, b.shape)) return undefined;
  const inputs = [...xa, ...xb];
  const backend = blockBackend(inputs);
  if (backend === undefined) return undefined;
  const shape = (arrayA ? a : (b as JArray)).shape;
  const count = Math.max(xa.length, xb.length);
  return arrayOf(shape, backend.block!(inputs, arithmeticOp(op, xa.length, xa.length === 1 ? 0 : 1, xb.length === 1 ? 0 : 1, count), count));
}

/**
 * Element i of the result combines input `i·sa` (the first operand's elements come first) with input
 * `na + i·sb`; a stride of 0 repeats a scalar. Values and adjoints are those of the scalar operations.
 */
function arithmeticOp(op: '+' | '-' | '*' | '/', na: number, sa: number, sb: number, count: number): BlockOp {
  switch (op) {
    case '+':
      return {
        linear: true,
        forward(x, out, at) {
          for (let i = 0; i < count; i++) out[at + i] = x[i * sa]! + x[na + i * sb]!;
        },
        backward(_x, adjoint, at, adjX) {
          for (let i = 0; i < count; i++) {
            const g = adjoint[at + i]!;
            adjX[i * sa]! += g;
            adjX[na + i * sb]! += g;
          }
        },
      };
    case '-':
      return {
        linear: true,
        forward(x, out, at) {
          for (let i = 0; i < count; i++) out[at + i] = x[i * sa]! - x[na + i * sb]!;
        },
        backward(_x, adjoint, at, adjX) {
          for (let i = 0; i < count; i++) {
            const g = adjoint[at + i]!;
            adjX[i * sa]! += g;
            adjX[na + i * sb]! -= g;
          }
        },
      };
    case '*':
      return {
        forward(x, out, at) {
          for (let i = 0; i < count; i++) out[at + i] = x[i * sa]! * x[na + i * sb]!;
        },
        backward(x, adjoint, at, adjX) {
          for (let i = 0; i < count; i++) {
            const g = adjoint[at + i]!;
            adjX[i * sa]! += g * x[na + i * sb]!;
            adjX[na + i * sb]! += g * x[i * sa]!;
          }
        },
      };
    case '/':
      return {
        forward(x, out, at) {
          for (let i = 0; i < count; i++) out[at + i] = x[i * sa]! / x[na + i * sb]!;
        },
        backward(x, adjoint, at, adjX) {
          for (let i = 0; i < count; i++) {
            const g = adjoint[at + i]!;
            const d = x[na + i * sb]!;
            // The scalar division's partials, multiplied as the other backends multiply them.
            adjX[i * sa]! += g * (1 / d);
            adjX[na + i * sb]! += g * (-x[i * sa]! / (d * d));
          }
        },
      };
  }
}
