import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';
import type { Chains } from '../../core/chains/index.js';
import { prepare } from '../../core/lang/index.js';
import { sample } from '../../core/run/index.js';
import type { RunRequest } from '../protocol.js';

const examples = join(import.meta.dirname, '../../resources/examples');

/** NUTS on the gdemo example with its data, as tests with real worker processes run it. */
export function gdemoRequest(run: Pick<RunRequest, 'draws' | 'warmup' | 'chains' | 'seed'>): RunRequest {
  return {
    source: readFileSync(join(examples, 'gdemo.jl'), 'utf8'),
    data: { text: readFileSync(join(examples, 'gdemo.json'), 'utf8'), format: 'json' },
    sampler: { sampler: 'nuts' },
    ad: 'forwarddiff',
    ...run,
  };
}

/** The chains a run gave are, bit for bit, the same chains sampled one after another in this process. */
export function expectInProcessDraws(chains: Chains, request: RunRequest): void {
  const prepared = prepare(request);
  if (!prepared.ok) throw new Error(prepared.diagnostics[0]!.message);
  const local = sample(prepared.value.model, prepared.value.args, request.sampler, { ...request, ...(request.ad !== undefined ? { ad: request.ad } : {}) });
  expect(chains.columns).toEqual(local.columns);
  for (let c = 0; c < request.chains; c++) {
    for (const name of chains.columns) expect(Array.from(chains.draws(name, c)), `${name}, chain ${c + 1}`).toEqual(Array.from(local.draws(name, c)));
    expect(chains.info(c).settings).toEqual(local.info(c).settings);
  }
}
