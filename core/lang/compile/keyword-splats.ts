import { JDict, JNamedTuple, JSymbol, ModelError, describe, type Value } from '../../model/index.js';

/**
 * `f(; nt...)`: the entries of a named tuple, or of a Dict keyed by Symbols (`challenger_model(; data...)` with
 * `data = Dict(:x => …, :y => …)`), added to the keyword arguments `into`, as Julia adds them after those written.
 */
export function splatKeywords(v: Value, into: Map<string, Value>): void {
  if (v instanceof JNamedTuple) {
    for (const [name, x] of v.entries) into.set(name, x);
    return;
  }
  if (v instanceof JDict) {
    for (const { key, value } of v.entries.values()) {
      if (!(key instanceof JSymbol)) throw new ModelError(`keyword arguments splatted from a Dict need Symbol keys (\`:name => value\`), got the key ${describe(key)}`, undefined);
      into.set(key.name, value);
    }
    return;
  }
  throw new ModelError(`keyword arguments are splatted (\`; kw...\`) from a named tuple or a Dict of Symbol keys, got ${describe(v)}`, undefined);
}
