import { linear, node, value, type Real, type Recompute } from '../ad/index.js';

/**
 * y0 + dt Σ_j w_j K_j[i] for every state i: a stage's argument, a step's result, a dense-output value. Each
 * state is one node whose partials are the weights, not a chain of products and sums: a Runge–Kutta step is
 * nothing else, and a reverse tape holds one entry per state and stage instead of a dozen. The weights, and
 * the rule a compiled tape replays, are the same for every state: made once per call.
 */
export function combination(y0: readonly Real[], dt: number, w: ArrayLike<number>, K: readonly (readonly Real[])[]): Real[] {
  const used: number[] = [];
  for (let j = 0; j < w.length && j < K.length; j++) if (w[j] !== 0) used.push(j);
  const m = used.length;
  const partials = new Float64Array(m + 1);
  partials[0] = 1;
  for (let q = 0; q < m; q++) partials[q + 1] = dt * w[used[q]!]!;
  let rule: Recompute | undefined;
  const n = y0.length;
  const out: Real[] = new Array(n);
  for (let i = 0; i < n; i++) {
    const first = y0[i]!;
    let plain = typeof first === 'number';
    let v = value(first);
    for (let q = 0; q < m; q++) {
      const k = K[used[q]!]![i]!;
      if (typeof k !== 'number') plain = false;
      v += partials[q + 1]! * value(k);
    }
    if (plain) {
      out[i] = v;
      continue;
    }
    const inputs: Real[] = new Array(m + 1);
    inputs[0] = first;
    for (let q = 0; q < m; q++) inputs[q + 1] = K[used[q]!]![i]!;
    out[i] = node(v, inputs, partials, (rule ??= weighted(partials)));
  }
  return out;
}

/** The nodes' replay rule: the same weighted sum at new input values. */
function weighted(weights: Float64Array): Recompute {
  return linear((x, p) => {
    let v = 0;
    for (let q = 0; q < weights.length; q++) {
      p[q] = weights[q]!;
      v += weights[q]! * x[q]!;
    }
    return v;
  });
}
