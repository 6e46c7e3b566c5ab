/**
 * Modified Bessel functions of the first kind for the von Mises distribution: I₀ and I₁ (exponentially
 * scaled, so large κ does not overflow), log I₀, and the ratios Iⱼ/I₀ its cdf series needs; and log Iⱼ
 * of whole orders for the Skellam distribution.
 * The power series is summed up to x = 25, where it still needs under 80 terms, and the asymptotic
 * expansion takes over beyond, where its smallest term is far below double precision.
 */

const SERIES_UP_TO = 25;

/**
 * Iᵥ(x) by its power series, ν ∈ {0, 1}, less the leading term (1 for I₀, x/2 for I₁): kept apart so
 * log I₀ can use log1p and stay accurate for tiny x.
 */
function seriesTail(nu: 0 | 1, x: number): number {
  const q = (x * x) / 4;
  let term = nu === 0 ? 1 : x / 2;
  const head = term;
  let tail = 0;
  for (let k = 1; k < 200; k++) {
    term *= q / (k * (k + nu));
    tail += term;
    if (term <= (head + tail) * 1e-17) break;
  }
  return tail;
}

/** Iᵥ(x) e⁻ˣ by the large-x expansion e^x / √(2πx) · Σ_k (−1)^k Π_j (4ν² − (2j−1)²) / (k! (8x)^k). */
function asymptoticScaled(nu: 0 | 1, x: number): number {
  const mu = 4 * nu * nu;
  let term = 1;
  let sum = 1;
  for (let k = 1; k < 60; k++) {
    const next = (term * -(mu - (2 * k - 1) * (2 * k - 1))) / (k * 8 * x);
    if (Math.abs(next) >= Math.abs(term)) break; // the expansion has started to diverge
    term = next;
    sum += term;
    if (Math.abs(term) <= Math.abs(sum) * 1e-17) break;
  }
  return sum / Math.sqrt(2 * Math.PI * x);
}

/** I₀(|x|) e^−|x| */
export function besselI0e(x: number): number {
  const ax = Math.abs(x);
  return ax <= SERIES_UP_TO ? (1 + seriesTail(0, ax)) * Math.exp(-ax) : asymptoticScaled(0, ax);
}

/** I₁(x) e^−|x| (odd in x) */
export function besselI1e(x: number): number {
  const ax = Math.abs(x);
  const v = ax <= SERIES_UP_TO ? (ax / 2 + seriesTail(1, ax)) * Math.exp(-ax) : asymptoticScaled(1, ax);
  return x < 0 ? -v : v;
}

/** log I₀(x) */
export function logBesselI0(x: number): number {
  const ax = Math.abs(x);
  return ax <= SERIES_UP_TO ? Math.log1p(seriesTail(0, ax)) : ax + Math.log(asymptoticScaled(0, ax));
}

/**
 * Iⱼ(x)/I₀(x) for j = 1, 2, … until the ratio drops below `tol`, x > 0, by backward recurrence on
 * rⱼ = Iⱼ/Iⱼ₋₁ = 1 / (2j/x + rⱼ₊₁) (Miller's algorithm in ratio form, which cannot overflow). Starting
 * at j ≈ x + 15√x + 50 leaves the recurrence's start-up error far below double precision by j = 1.
 */
export function besselIRatios(x: number, tol: number): Float64Array {
  const top = Math.ceil(x + 15 * Math.sqrt(x) + 50);
  const r = new Float64Array(top + 1);
  let next = 0;
  for (let j = top; j >= 1; j--) {
    next = 1 / ((2 * j) / x + next);
    r[j] = next;
  }
  const out: number[] = [];
  let prod = 1;
  for (let j = 1; j <= top; j++) {
    prod *= r[j]!;
    if (prod < tol) break;
    out.push(prod);
  }
  return Float64Array.from(out);
}

/**
 * log Iⱼ(x) for j = 0, 1, …, n, x ≥ 0: log I₀ plus the logs of the ratios Iⱼ/Iⱼ₋₁ by the same backward
 * recurrence as `besselIRatios`, started far enough above n that its start-up error is gone by j = n.
 */
export function logBesselIUpTo(n: number, x: number): Float64Array {
  const out = new Float64Array(n + 1);
  out[0] = logBesselI0(x);
  if (n === 0) return out;
  if (x === 0) return out.fill(-Infinity, 1);
  const top = Math.ceil(n + x + 15 * Math.sqrt(x) + 50);
  const ratios = new Float64Array(n + 1);
  let next = 0;
  for (let j = top; j >= 1; j--) {
    next = 1 / ((2 * j) / x + next);
    if (j <= n) ratios[j] = next;
  }
  for (let j = 1; j <= n; j++) out[j] = out[j - 1]! + Math.log(ratios[j]!);
  return out;
}
