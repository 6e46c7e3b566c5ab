import { linear, node, value, type Real } from '../ad/index.js';

/**
 * y0 + dt Σ_j w_j K_j[i] for every state i: a stage's argument, a step's result, a dense-output value. Each
 * state is one node whose partials are the weights, not a chain of products and sums: a Runge–Kutta step is
 * nothing else, and a reverse tape holds one entry per state and stage instead of a dozen.
 */
export function combination(y0: readonly Real[], dt: number, w: ArrayLike<number>, K: readonly (readonly Real[])[]): Real[] {
  const used: number[] = [];
  for (let j = 0; j < w.length && j < K.length; j++) if (w[j] !== 0) used.push(j);
  const n = y0.length;
  const out: Real[] = new Array(n);
  for (let i = 0; i < n; i++) {
    const inputs: Real[] = [y0[i]!];
    let plain = typeof y0[i] === 'number';
    let v = value(y0[i]!);
    for (const j of used) {
      const k = K[j]![i]!;
      inputs.push(k);
      if (typeof k !== 'number') plain = false;
      v += dt * w[j]! * value(k);
    }
    if (plain) {
      out[i] = v;
      continue;
    }
    const partials = new Float64Array(inputs.length);
    partials[0] = 1;
    for (let m = 0; m < used.length; m++) partials[m + 1] = dt * w[used[m]!]!;
    out[i] = node(v, inputs, partials, weighted(partials));
  }
  return out;
}

/** The node's replay rule: the same weighted sum at new input values. */
function weighted(weights: Float64Array): ReturnType<typeof linear> {
  return linear((x, p) => {
    let v = 0;
    for (let m = 0; m < weights.length; m++) {
      p[m] = weights[m]!;
      v += weights[m]! * x[m]!;
    }
    return v;
  });
}
