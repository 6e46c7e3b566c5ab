import type { RunRequest } from '../runner/index.js';

/** The streaming bench's chain: a 100-dimensional normal, cheap per draw, so that streaming costs show. */
export const request: RunRequest = {
  source: '@model function normal100()\n    x ~ filldist(Normal(0, 1), 100)\nend\n',
  sampler: { sampler: 'nuts' },
  draws: 4000,
  warmup: 200,
  chains: 1,
  seed: 1,
  ad: 'reversediff',
};
