import { describe, expect, it } from 'vitest';
import { prepare } from '../lang/index.js';
import { sample } from './index.js';

/** How often a short fixed-length HMC run calls the heartbeat: ~20 gradient evaluations. */
function beats(source: string): number {
  const p = prepare({ source });
  if (!p.ok) throw new Error(p.diagnostics[0]!.message);
  let count = 0;
  sample(p.value.model, p.value.args, { sampler: 'hmc', stepSize: 0.1, nSteps: 5 }, { draws: 3, warmup: 0, chains: 1, seed: 1, ad: 'forwarddiff', heartbeat: () => count++ });
  return count;
}

describe('the heartbeat of a chain', () => {
  it('beats every eighth gradient of a cheap model, and every gradient once eight of them are slow', () => {
    expect(beats('@model function cheap()\n    x ~ Normal(0, 1)\nend\n')).toBeLessThanOrEqual(3);
    // ~20 ms a gradient: one beat after the first eight, then one per gradient.
    const slow = '@model function slow()\n    x ~ Normal(0, 1)\n    s = 0.0\n    for i in 1:100000\n        s += sin(i)\n    end\nend\n';
    expect(beats(slow)).toBeGreaterThanOrEqual(8);
  });
});
