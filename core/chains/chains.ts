import { ChainsError } from './errors.js';
import type { ChainInfo } from './info.js';
import type { DrawsMatrix } from './matrix.js';
import { nameMatches } from './names.js';
import { ChainStore } from './store.js';

/** Model parameters, generated quantities and sampler statistics are kept apart: `lp` is no parameter. */
export type VariableKind = 'parameter' | 'generated' | 'stat';

export interface ChainsLayout {
  readonly parameters: readonly string[];
  readonly generated?: readonly string[];
  readonly stats?: readonly string[];
}

/** A batch of draws as a sampler streams them: each block row-major, draws × that block's names. */
export interface DrawBatch {
  readonly parameters: ArrayLike<number>;
  readonly generated?: ArrayLike<number>;
  readonly stats?: ArrayLike<number>;
}

/**
 * Draws × variables × chains in typed arrays, with per-chain run information. Chains may differ in length
 * while draws stream in; `matrix` and the diagnostics use the draws all chains have.
 */
export class Chains {
  readonly parameters: readonly string[];
  readonly generated: readonly string[];
  readonly stats: readonly string[];
  /** Every column: parameters, then generated quantities, then statistics. */
  readonly columns: readonly string[];
  private readonly positions: ReadonlyMap<string, number>;
  private readonly stores: ChainStore[];
  private readonly infos: ChainInfo[];

  constructor(layout: ChainsLayout, chains: number | readonly ChainInfo[] = 1) {
    this.parameters = [...layout.parameters];
    this.generated = [...(layout.generated ?? [])];
    this.stats = [...(layout.stats ?? [])];
    this.columns = [...this.parameters, ...this.generated, ...this.stats];
    const positions = new Map<string, number>();
    this.columns.forEach((name, j) => {
      if (positions.has(name)) throw new ChainsError(`variable '${name}' appears twice`);
      positions.set(name, j);
    });
    this.positions = positions;
    this.infos = typeof chains === 'number' ? Array.from({ length: chains }, () => ({})) : chains.map((i) => ({ ...i }));
    this.stores = this.infos.map(() => new ChainStore(this.columns.length));
  }

  get nChains(): number {
    return this.stores.length;
  }

  /** Parameters and generated quantities: what a summary reports. */
  get variables(): readonly string[] {
    return this.columns.slice(0, this.parameters.length + this.generated.length);
  }

  /** Draws in chain `chain`, or (without it) the draws every chain has. */
  nDraws(chain?: number): number {
    if (chain !== undefined) return this.store(chain).length;
    return this.stores.length === 0 ? 0 : Math.min(...this.stores.map((s) => s.length));
  }

  kind(name: string): VariableKind | undefined {
    const j = this.positions.get(name);
    if (j === undefined) return undefined;
    if (j < this.parameters.length) return 'parameter';
    return j < this.parameters.length + this.generated.length ? 'generated' : 'stat';
  }

  has(name: string): boolean {
    return this.positions.has(name);
  }

  info(chain: number): Readonly<ChainInfo> {
    this.store(chain);
    return this.infos[chain]!;
  }

  /** Adds what becomes known during a run, e.g. the timings when a chain finishes. */
  setInfo(chain: number, patch: Partial<ChainInfo>): void {
    this.store(chain);
    this.infos[chain] = { ...this.infos[chain], ...patch };
  }

  /** Appends a batch of draws to a chain. */
  append(chain: number, batch: DrawBatch): void {
    const store = this.store(chain);
    const blocks: [ArrayLike<number> | undefined, number][] = [
      [batch.parameters, this.parameters.length],
      [batch.generated, this.generated.length],
      [batch.stats, this.stats.length],
    ];
    const draws = this.batchDraws(blocks);
    store.reserve(draws);
    let first = 0;
    for (const [block, width] of blocks) {
      if (block && width > 0) store.writeRows(block, width, first, draws);
      first += width;
    }
    store.length += draws;
  }

  /** Appends draws given column by column, one array per entry of `columns`. */
  appendColumns(chain: number, columns: readonly ArrayLike<number>[]): void {
    const store = this.store(chain);
    if (columns.length !== this.columns.length) {
      throw new RangeError(`expected ${this.columns.length} columns, got ${columns.length}`);
    }
    const draws = columns[0]?.length ?? 0;
    store.reserve(draws);
    columns.forEach((col, j) => {
      if (col.length !== draws) throw new RangeError(`column '${this.columns[j]}' has ${col.length} draws, expected ${draws}`);
      store.writeRows(col, 1, j, draws);
    });
    store.length += draws;
  }

  /** One chain's draws of a variable: a view, valid until the next append. */
  draws(name: string, chain: number): Float64Array {
    return this.store(chain).column(this.position(name));
  }

  /** A variable's draws × chains matrix over the draws every chain has (a copy). */
  matrix(name: string): DrawsMatrix {
    const j = this.position(name);
    const draws = this.nDraws();
    const data = new Float64Array(draws * this.nChains);
    this.stores.forEach((s, c) => data.set(s.column(j).subarray(0, draws), c * draws));
    return { draws, chains: this.nChains, data };
  }

  /**
   * The columns the queries name, in column order: each query is a full name (`β[1]`) or a base name
   * (`β` → `β[1]`, `β[2]` …). A query that names nothing is an error.
   */
  resolve(queries: readonly string[]): string[] {
    const wanted = new Set<string>();
    for (const q of queries) {
      const hits = this.positions.has(q) ? [q] : this.columns.filter((name) => nameMatches(name, q));
      if (hits.length === 0) throw new ChainsError(`no variable named '${q}' (variables: ${this.columns.join(', ')})`);
      hits.forEach((h) => wanted.add(h));
    }
    return this.columns.filter((name) => wanted.has(name));
  }

  /** New chains holding only the named variables (see `resolve`). */
  select(queries: readonly string[]): Chains {
    const keep = new Set(this.resolve(queries));
    const pick = (names: readonly string[]) => names.filter((n) => keep.has(n));
    return this.derive({ parameters: pick(this.parameters), generated: pick(this.generated), stats: pick(this.stats) }, this.infos, (c, name) =>
      this.draws(name, c),
    );
  }

  /** New chains keeping every `step`-th draw, starting with the first. */
  thin(step: number): Chains {
    if (!Number.isInteger(step) || step < 1) throw new RangeError(`thinning step must be a positive integer, got ${step}`);
    const infos = this.infos.map((i) => ({ ...i, thin: (i.thin ?? 1) * step }));
    return this.derive(this, infos, (c, name) => {
      const all = this.draws(name, c);
      const kept = new Float64Array(Math.ceil(all.length / step));
      for (let d = 0; d < kept.length; d++) kept[d] = all[d * step]!;
      return kept;
    });
  }

  /** The chains of several runs side by side; they must have the same variables in the same roles. */
  static combine(parts: readonly Chains[]): Chains {
    const first = parts[0];
    if (!first) throw new ChainsError('nothing to combine');
    const layout = (c: Chains) => JSON.stringify([c.parameters, c.generated, c.stats]);
    parts.forEach((p, i) => {
      if (layout(p) !== layout(first)) throw new ChainsError(`chains ${i + 1} have other variables than chains 1, so cannot be combined`);
    });
    const sources = parts.flatMap((p) => p.stores.map((_, c) => ({ part: p, chain: c })));
    return first.derive(
      first,
      parts.flatMap((p) => p.infos),
      (c, name) => sources[c]!.part.draws(name, sources[c]!.chain),
    );
  }

  private derive(layout: ChainsLayout, infos: readonly ChainInfo[], column: (chain: number, name: string) => Float64Array): Chains {
    const out = new Chains(layout, infos);
    for (let c = 0; c < infos.length; c++) out.appendColumns(c, out.columns.map((name) => column(c, name)));
    return out;
  }

  private store(chain: number): ChainStore {
    const s = this.stores[chain];
    if (!s) throw new RangeError(`no chain ${chain} (chains are numbered 0 … ${this.stores.length - 1})`);
    return s;
  }

  private position(name: string): number {
    const j = this.positions.get(name);
    if (j === undefined) throw new ChainsError(`no variable named '${name}'`);
    return j;
  }

  private batchDraws(blocks: readonly [ArrayLike<number> | undefined, number][]): number {
    let draws: number | undefined;
    for (const [block, width] of blocks) {
      if (width === 0) continue;
      if (!block) throw new RangeError('a batch must carry every block the chains have');
      if (block.length % width !== 0) throw new RangeError(`a block of ${block.length} values is no whole number of rows of ${width}`);
      const d = block.length / width;
      if (draws !== undefined && d !== draws) throw new RangeError(`the blocks of a batch disagree on its number of draws (${draws} and ${d})`);
      draws = d;
    }
    return draws ?? 0;
  }
}
