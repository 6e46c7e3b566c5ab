/** A request the draws cannot meet (an unknown variable, runs that do not fit together): the user's to fix. */
export class ChainsError extends Error {
  override readonly name = 'ChainsError';
}
