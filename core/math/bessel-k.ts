/**
 * Modified Bessel functions of the second kind Kᵥ(x) of real order ν ≥ 0 and x > 0, for Matérn kernels of
 * any smoothness and SpecialFunctions' `besselk`: Temme's series for x < 2 and Steed's continued fraction
 * beyond (Temme 1975; Numerical Recipes' `bessik`) give K_μ and K_μ₊₁ for |μ| ≤ ½, and the upward
 * recurrence, stable for K, reaches ν = μ + n. Values come scaled by eˣ so that large x does not underflow.
 */

const EPS = 1e-16;
const MAX_TERMS = 10_000;

/** Taylor coefficients of 1/Γ(1 + z) (Abramowitz & Stegun 6.1.34 shifted by one): 1, γ, … */
const INV_GAMMA_1P = [
  1.0, 0.5772156649015329, -0.6558780715202538, -0.0420026350340952, 0.1665386113822915, -0.0421977345555443, -0.009621971527877, 0.007218943246663, -0.0011651675918591,
  -0.0002152416741149, 0.0001280502823882, -0.0000201348547807, -0.0000012504934821, 0.000001133027232, -0.0000002056338417, 0.000000006116095, 0.0000000050020075,
  -0.0000000011812746, 0.0000000001043427, 0.0000000000077823, -0.0000000000036968, 0.00000000000051, -0.0000000000000206, -0.0000000000000054, 0.0000000000000014,
  0.0000000000000001,
];

/**
 * Temme's Γ₁(μ) = (1/Γ(1−μ) − 1/Γ(1+μ)) / 2μ and Γ₂(μ) = (1/Γ(1−μ) + 1/Γ(1+μ)) / 2, from the odd and even
 * parts of 1/Γ(1 + z)'s series, so Γ₁ keeps its precision as μ → 0 where the difference cancels.
 */
function temmeGammas(mu: number): { gam1: number; gam2: number } {
  const m2 = mu * mu;
  let even = 0;
  let odd = 0;
  for (let k = INV_GAMMA_1P.length - 1; k >= 0; k--) {
    if (k % 2 === 0) even = even * m2 + INV_GAMMA_1P[k]!;
    else odd = odd * m2 + INV_GAMMA_1P[k]!;
  }
  return { gam1: -odd, gam2: even };
}

/** [K_μ(x) eˣ, K_μ₊₁(x) eˣ] for |μ| ≤ ½, x < 2, by Temme's series. */
function temme(mu: number, x: number): [number, number] {
  const { gam1, gam2 } = temmeGammas(mu);
  const gammaPlus = gam2 - mu * gam1; // 1/Γ(1 + μ)
  const gammaMinus = gam2 + mu * gam1; // 1/Γ(1 − μ)
  const half = x / 2;
  const pimu = Math.PI * mu;
  const fact = Math.abs(pimu) < EPS ? 1 : pimu / Math.sin(pimu);
  const d = -Math.log(half);
  let e = mu * d;
  const fact2 = Math.abs(e) < EPS ? 1 : Math.sinh(e) / e;
  let f = fact * (gam1 * Math.cosh(e) + gam2 * fact2 * d);
  let sum = f;
  e = Math.exp(e);
  let p = 0.5 * e / gammaPlus;
  let q = 0.5 / (e * gammaMinus);
  let c = 1;
  const dd = half * half;
  let sum1 = p;
  for (let i = 1; i <= MAX_TERMS; i++) {
    f = (i * f + p + q) / (i * i - mu * mu);
    c *= dd / i;
    p /= i - mu;
    q /= i + mu;
    const del = c * f;
    sum += del;
    sum1 += c * (p - i * f);
    if (Math.abs(del) < Math.abs(sum) * EPS) break;
  }
  const scale = Math.exp(x);
  return [sum * scale, (sum1 * scale * 2) / x];
}

/** [K_μ(x) eˣ, K_μ₊₁(x) eˣ] for |μ| ≤ ½, x ≥ 2, by Steed's method on the continued fraction CF2. */
function steed(mu: number, x: number): [number, number] {
  let b = 2 * (1 + x);
  let d = 1 / b;
  let delh = d;
  let h = d;
  let q1 = 0;
  let q2 = 1;
  const a1 = 0.25 - mu * mu;
  let q = a1;
  let c = a1;
  let a = -a1;
  let s = 1 + q * delh;
  for (let i = 2; i <= MAX_TERMS; i++) {
    a -= 2 * (i - 1);
    c = (-a * c) / i;
    const next = (q1 - b * q2) / a;
    q1 = q2;
    q2 = next;
    q += c * next;
    b += 2;
    d = 1 / (b + a * d);
    delh = (b * d - 1) * delh;
    h += delh;
    const dels = q * delh;
    s += dels;
    if (Math.abs(dels / s) < EPS) break;
  }
  h *= a1;
  const k = Math.sqrt(Math.PI / (2 * x)) / s;
  return [k, (k * (mu + x + 0.5 - h)) / x];
}

/**
 * [K_μ(x) eˣ, K_μ₊₁(x) eˣ] at μ = −½ in closed form, both √(π/2x) as K is even in its order: Matérn kernels
 * of half-integer ν, the usual ones, need no series.
 */
function minusHalfOrder(x: number): [number, number] {
  const k = Math.sqrt(Math.PI / (2 * x));
  return [k, k];
}

/** [Kᵥ(x) eˣ, Kᵥ₊₁(x) eˣ] for ν ≥ −½ and x > 0. */
export function besselKPairScaled(nu: number, x: number): [number, number] {
  if (!(x > 0) || !(nu >= -0.5)) return [NaN, NaN];
  if (x === Infinity) return [0, 0];
  const n = Math.floor(nu + 0.5);
  const mu = nu - n;
  let [k, k1] = mu === -0.5 ? minusHalfOrder(x) : x < 2 ? temme(mu, x) : steed(mu, x);
  for (let i = 1; i <= n; i++) {
    const next = ((2 * (mu + i)) / x) * k1 + k;
    k = k1;
    k1 = next;
    if (!Number.isFinite(k1)) break;
  }
  return [k, k1];
}

/**
 * [K_(ν−1)(x) eˣ, Kᵥ(x) eˣ], the pair derivatives need: K'ᵥ = −K_(ν−1) − (ν/x) Kᵥ has no cancellation, and
 * Matérn's slope is K_(ν−1)'s. One pair where ν − 1 ≥ −½ (K is even in its order), two below.
 */
export function besselKBelowScaled(nu: number, x: number): [number, number] {
  const order = Math.abs(nu);
  if (order >= 0.5) return besselKPairScaled(order - 1, x);
  return [besselKPairScaled(1 - order, x)[0], besselKPairScaled(order, x)[0]];
}

/** Kᵥ(x) eˣ, which SpecialFunctions calls `besselkx`; K is even in its order. */
export function besselKScaled(nu: number, x: number): number {
  if (x === 0) return Infinity;
  return besselKPairScaled(Math.abs(nu), x)[0];
}

/** Kᵥ(x) */
export function besselK(nu: number, x: number): number {
  if (x === 0) return Infinity;
  return besselKScaled(nu, x) * Math.exp(-x);
}

/** log Kᵥ(x), finite where Kᵥ(x) itself underflows. */
export function logBesselK(nu: number, x: number): number {
  if (x === 0) return Infinity;
  return Math.log(besselKScaled(nu, x)) - x;
}
