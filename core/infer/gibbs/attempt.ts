/** A result or the message of what was thrown instead. */
export type Attempt<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: string };

/**
 * An error that says the target cannot be sampled at all, whatever the proposal (a model whose parameters
 * change with their values): it carries `stopsChain`, and no proposal is rejected for it.
 */
export function stopsChain(e: unknown): boolean {
  return e instanceof Error && (e as { stopsChain?: unknown }).stopsChain === true;
}

/**
 * Runs a target evaluation and turns an exception into data: a model that throws far out in the tails
 * (a scale overflowing to ∞, say) rejects that proposal, it does not end the chain.
 */
export function attempt<T>(evaluate: () => T): Attempt<T> {
  try {
    return { ok: true, value: evaluate() };
  } catch (e) {
    if (stopsChain(e)) throw e;
    return { ok: false, error: e instanceof Error ? e.message : String(e) };
  }
}

/**
 * A current log density as a ratio's or a slice's reference: NaN means a chain started outside the
 * support, so it is read as -∞ and any finite proposal moves the chain.
 */
export function currentLog(value: number): number {
  return Number.isNaN(value) ? -Infinity : value;
}
