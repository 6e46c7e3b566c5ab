import { digamma, lgamma } from '../../math/index.js';

/** log Γₚ(a) = p(p − 1)/4 · log π + Σⱼ lΓ(a + (1 − j)/2), the Wishart normaliser. */
export function logmvgamma(p: number, a: number): number {
  let s = ((p * (p - 1)) / 4) * Math.log(Math.PI);
  for (let j = 1; j <= p; j++) s += lgamma(a + (1 - j) / 2);
  return s;
}

/** d/da log Γₚ(a) */
export function mvdigamma(p: number, a: number): number {
  let s = 0;
  for (let j = 1; j <= p; j++) s += digamma(a + (1 - j) / 2);
  return s;
}
