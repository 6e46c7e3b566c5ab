/** The quantiles every summary has (posterior's q5 and q95, and the median): typing them again adds no column. */
const ALWAYS_SHOWN = [5, 50, 95];

/** What a summary can show beside its fixed columns. */
const MAX_FURTHER_QUANTILES = 8;

/**
 * The summary's further quantiles typed as percentages (`2.5, 97.5`, rstan's 95 % interval; `5.5 94.5`,
 * Statistical Rethinking's 89 %; 0 and 100 are the minimum and maximum), as probabilities in ascending order,
 * or what is wrong with the text.
 */
export function parseQuantiles(text: string): { probs: number[]; problem?: string } {
  const words = text.split(/[\s,;]+/).filter((w) => w !== '');
  const percents: number[] = [];
  for (const word of words) {
    const p = Number(word.replace(/%$/, ''));
    if (!(p >= 0 && p <= 100)) return { probs: [], problem: `${word} is not a percentage from 0 to 100` };
    if (!ALWAYS_SHOWN.includes(p) && !percents.includes(p)) percents.push(p);
  }
  if (percents.length > MAX_FURTHER_QUANTILES) return { probs: [], problem: `at most ${MAX_FURTHER_QUANTILES} further quantiles` };
  return { probs: percents.sort((a, b) => a - b).map((p) => p / 100) };
}
