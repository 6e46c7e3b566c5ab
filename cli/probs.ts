import { CliError } from './files.js';

/**
 * `--probs 0.025,0.975`: the further quantiles a summary gives, probabilities between 0 and 1 as posterior's
 * `quantile2` takes them (0 and 1 are the minimum and maximum).
 */
export function probsOption(value: string | undefined): number[] {
  if (value === undefined) return [];
  return value
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '')
    .map((s) => {
      const p = Number(s);
      if (!(p >= 0 && p <= 1)) throw new CliError(`--probs: '${s}' is no probability between 0 and 1`, 2);
      return p;
    });
}
