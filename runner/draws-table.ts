import { Chains } from '../core/chains/index.js';
import type { DrawsTable } from './protocol.js';

/** A table's draws as chains of parameters. */
export function chainsOf(table: DrawsTable): Chains {
  const chains = new Chains({ parameters: table.names }, table.chains.length);
  table.chains.forEach((block, c) => chains.append(c, { parameters: block }));
  return chains;
}

/** The parameters and generated quantities of `chains` as a table: what crosses to the engine, statistics left out. */
export function tableOf(chains: Chains): DrawsTable {
  const names = [...chains.variables];
  return {
    names,
    chains: Array.from({ length: chains.nChains }, (_, c) => {
      const block = new Float64Array(chains.nDraws(c) * names.length);
      names.forEach((name, j) => chains.draws(name, c).forEach((x, i) => (block[i * names.length + j] = x)));
      return block;
    }),
  };
}
