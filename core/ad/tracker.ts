import { ADNum, foreignValue, type NodeFactory, type Real } from './real.js';
import type { GradientResult } from './forward.js';

/**
 * Tracker.jl's (and micrograd's) design: every value is an object holding its parents and the partials
 * towards them, which together are its pullback. Slower than a tape, but there is nothing to record or
 * replay, so any control flow is differentiated as it ran.
 */
class TrackedReal extends ADNum {
  grad = 0;
  visited = false;

  constructor(
    readonly v: number,
    readonly parents: readonly TrackedReal[],
    readonly partials: readonly number[],
    readonly backend: Tracker,
  ) {
    super();
  }
}

class Tracker implements NodeFactory {
  node(v: number, inputs: readonly Real[], partials: ArrayLike<number>): ADNum {
    const parents: TrackedReal[] = [];
    const kept: number[] = [];
    for (let i = 0; i < inputs.length; i++) {
      const x = inputs[i]!;
      const p = partials[i]!;
      if (typeof x === 'number' || p === 0) continue;
      parents.push(this.own(x));
      kept.push(p);
    }
    return new TrackedReal(v, parents, kept, this);
  }

  own(x: ADNum): TrackedReal {
    if (x.backend !== this) foreignValue('tracker was given a value from another gradient evaluation or AD backend (was an AD value kept between evaluations?)');
    return x as TrackedReal;
  }
}

/** Values ordered so that each comes after everything it was computed from; iterative, since models make long chains. */
function topologicalOrder(out: TrackedReal): TrackedReal[] {
  const order: TrackedReal[] = [];
  const stack: TrackedReal[] = [out];
  const next: number[] = [0];
  out.visited = true;
  while (stack.length > 0) {
    const top = stack[stack.length - 1]!;
    const i = next[next.length - 1]!;
    if (i < top.parents.length) {
      next[next.length - 1] = i + 1;
      const parent = top.parents[i]!;
      if (!parent.visited) {
        parent.visited = true;
        stack.push(parent);
        next.push(0);
      }
    } else {
      stack.pop();
      next.pop();
      order.push(top);
    }
  }
  return order;
}

export function trackerGradient(f: (theta: readonly Real[]) => Real, theta: ArrayLike<number>): GradientResult {
  const tracker = new Tracker();
  const xs = Array.from(theta, (v) => new TrackedReal(v, [], [], tracker));
  const out = f(xs);
  if (typeof out === 'number') return { value: out, grad: new Float64Array(xs.length) };
  const tracked = tracker.own(out);
  const order = topologicalOrder(tracked);
  tracked.grad = 1;
  for (let k = order.length - 1; k >= 0; k--) {
    const { grad, parents, partials } = order[k]!;
    if (grad === 0) continue;
    for (let j = 0; j < parents.length; j++) parents[j]!.grad += grad * partials[j]!;
  }
  return { value: tracked.v, grad: Float64Array.from(xs, (x) => x.grad) };
}
