import { fromStanName, fromStanStat, nameMatches, TURING_STATS } from '../names.js';
import type { VariableKind } from '../chains.js';
import { CsvError } from './error.js';

/**
 * The layouts read: Tilde's wide CSV (`chain, draw, …`), the draws CSV of R's posterior package
 * (`.chain, .iteration, .draw, …`) and CmdStan's per-chain CSV (`lp__, accept_stat__, …`).
 */
export type CsvLayout = 'wide' | 'posterior' | 'stan';

/** Columns that number draws rather than hold them. */
const INDEX_COLUMNS: Record<CsvLayout, readonly string[]> = {
  wide: ['chain', 'draw', 'iteration'],
  posterior: ['.chain', '.iteration', '.draw'],
  stan: [],
};

const CHAIN_COLUMN: Record<CsvLayout, string | undefined> = { wide: 'chain', posterior: '.chain', stan: undefined };

export function detectLayout(names: readonly string[], hasComments: boolean, line: number): CsvLayout {
  if (names.includes('.chain')) return 'posterior';
  if (names.includes('chain')) return 'wide';
  if (hasComments || names.includes('lp__')) return 'stan';
  throw new CsvError(
    line,
    undefined,
    "no 'chain' column: expected Tilde's wide CSV (chain, draw, …), a posterior draws CSV (.chain, .iteration, .draw, …) or a CmdStan CSV (lp__, …)",
  );
}

/** Field index of the chain column, or −1 for a one-chain CmdStan file. */
export function chainField(names: readonly string[], layout: CsvLayout): number {
  const name = CHAIN_COLUMN[layout];
  return name === undefined ? -1 : names.indexOf(name);
}

export interface CsvVariable {
  readonly name: string;
  readonly kind: VariableKind;
  /** Field index in the CSV. */
  readonly field: number;
}

/**
 * The variables of a header under Tilde's names and roles: sampler statistics by their names in each
 * layout (a wide CSV's by Turing's names, the others' by Stan's `__` suffix), generated quantities as told.
 */
export function variablesOf(names: readonly string[], layout: CsvLayout, generated: readonly string[]): CsvVariable[] {
  const out: CsvVariable[] = [];
  names.forEach((raw, field) => {
    if (INDEX_COLUMNS[layout].includes(raw)) return;
    const stat = layout === 'wide' ? (TURING_STATS.has(raw) ? raw : undefined) : fromStanStat(raw);
    if (stat !== undefined) {
      out.push({ name: stat, kind: 'stat', field });
      return;
    }
    const name = layout === 'stan' ? fromStanName(raw) : raw;
    out.push({ name, kind: generated.some((g) => nameMatches(name, g)) ? 'generated' : 'parameter', field });
  });
  return out;
}
