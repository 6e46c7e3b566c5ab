/**
 * Explicit Runge–Kutta methods as coefficient tables (BlackJAX's integrators, OrdinaryDiffEq's tableaux).
 * A step of size dt from y0 evaluates k_i = f(y0 + dt Σ_j a_ij k_j, t + c_i dt) and moves to
 * y1 = y0 + dt Σ_i b_i k_i. A method with `errorWeights` (b − b̂ of its embedded pair) adapts its steps;
 * `interpolation(θ)` gives the dense output y(t + θ dt) = y0 + dt Σ_j w_j K_j over K = [k_1 … k_s, f(y1)].
 */
export interface Method {
  /** DifferentialEquations' name of the algorithm (`Tsit5`). */
  readonly name: string;
  /** The order of the step (5 for Tsit5), which sets the initial step and the controller's exponents. */
  readonly order: number;
  readonly c: readonly number[];
  /** Row i holds a_i1 … a_i(i−1); row 0 is empty. */
  readonly a: readonly (readonly number[])[];
  readonly b: readonly number[];
  /** First same as last: the last stage is f(y1), so the next step's first stage comes free. */
  readonly fsal: boolean;
  /** b − b̂ over the stages; absent for a fixed-step method. */
  readonly errorWeights?: readonly number[];
  /** The PI controller's exponents (OrdinaryDiffEq's beta1, beta2) for this method. */
  readonly controller?: { beta1: number; beta2: number };
  /** Weights over [k_1 … k_s, f(y1)] of the dense output at θ ∈ [0, 1]; `stages + 1` entries. */
  interpolation(theta: number): Float64Array;
}

/** OrdinaryDiffEq's default PI exponents for a method of order p: beta2 = 2/(5p), beta1 = 7/(10p). */
function defaultController(order: number): { beta1: number; beta2: number } {
  return { beta1: 7 / (10 * order), beta2: 2 / (5 * order) };
}

/**
 * The cubic Hermite interpolant through y0, y1 with slopes f(y0) = k_1 and f(y1), as OrdinaryDiffEq uses for
 * methods without a dense output of their own: y1 is y0 + dt Σ b_i k_i, so its weight spreads over the b_i.
 */
function hermite(b: readonly number[]): (theta: number) => Float64Array {
  const s = b.length;
  return (theta) => {
    const t2 = theta * theta;
    const t3 = t2 * theta;
    const h01 = -2 * t3 + 3 * t2;
    const w = new Float64Array(s + 1);
    for (let i = 0; i < s; i++) w[i] = h01 * b[i]!;
    w[0]! += t3 - 2 * t2 + theta;
    w[s]! += t3 - t2;
    return w;
  };
}

/** Tsitouras (2011) 5(4), Tsit5: coefficients as OrdinaryDiffEq's Tsit5ConstantCache holds them. */
const TSIT5_B = [0.09646076681806523, 0.01, 0.4798896504144996, 1.379008574103742, -3.290069515436081, 2.324710524099774, 0];
/** Tsitouras' free interpolant: b_i(θ) = r_i1 θ + r_i2 θ² + r_i3 θ³ + r_i4 θ⁴, stage by stage. */
const TSIT5_R: readonly (readonly number[])[] = [
  [1.0, -2.763706197274826, 2.9132554618219126, -1.0530884977290216],
  [0, 0.13169999999999998, -0.2234, 0.1017],
  [0, 3.9302962368947516, -5.941033872131505, 2.490627285651253],
  [0, -12.411077166933676, 30.33818863028232, -16.548102889244902],
  [0, 37.50931341651104, -88.1789048947664, 47.37952196281928],
  [0, -27.896526289197286, 65.09189467479366, -34.87065786149661],
  [0, 1.5, -4, 2.5],
];

export const TSIT5: Method = {
  name: 'Tsit5',
  order: 5,
  c: [0, 0.161, 0.327, 0.9, 0.9800255409045097, 1, 1],
  a: [
    [],
    [0.161],
    [-0.008480655492356989, 0.335480655492357],
    [2.8971530571054935, -6.359448489975075, 4.3622954328695815],
    [5.325864828439257, -11.748883564062828, 7.4955393428898365, -0.09249506636175525],
    [5.86145544294642, -12.92096931784711, 8.159367898576159, -0.071584973281401, -0.028269050394068383],
    TSIT5_B.slice(0, 6),
  ],
  b: TSIT5_B,
  fsal: true,
  errorWeights: [-0.00178001105222577714, -0.0008164344596567469, 0.007880878010261995, -0.1447110071732629, 0.5823571654525552, -0.45808210592918697, 0.015151515151515152],
  controller: defaultController(5),
  interpolation(theta) {
    const w = new Float64Array(8);
    for (let i = 0; i < 7; i++) {
      const [r1, r2, r3, r4] = TSIT5_R[i]!;
      w[i] = theta * (r1! + theta * (r2! + theta * (r3! + theta * r4!)));
    }
    return w;
  },
};

/** Dormand–Prince 5(4), DP5 (MATLAB's ode45), with Shampine's dense output as in Hairer's DOPRI5. */
const DP5_B = [35 / 384, 0, 500 / 1113, 125 / 192, -2187 / 6784, 11 / 84, 0];
const DP5_D = [-12715105075 / 11282082432, 0, 87487479700 / 32700410799, -10690763975 / 1880347072, 701980252875 / 199316789632, -1453857185 / 822651844, 69997945 / 29380423];

export const DP5: Method = {
  name: 'DP5',
  order: 5,
  c: [0, 1 / 5, 3 / 10, 4 / 5, 8 / 9, 1, 1],
  a: [[], [1 / 5], [3 / 40, 9 / 40], [44 / 45, -56 / 15, 32 / 9], [19372 / 6561, -25360 / 2187, 64448 / 6561, -212 / 729], [9017 / 3168, -355 / 33, 46732 / 5247, 49 / 176, -5103 / 18656], DP5_B.slice(0, 6)],
  b: DP5_B,
  fsal: true,
  errorWeights: [71 / 57600, 0, -71 / 16695, 71 / 1920, -17253 / 339200, 22 / 525, -1 / 40],
  // Hairer's DOPRI5 exponents, which OrdinaryDiffEq keeps for DP5: beta2 = 0.04, beta1 = 1/5 − 0.75 beta2.
  controller: { beta1: 0.17, beta2: 0.04 },
  interpolation(theta) {
    // y0 + θ(Δ + (1−θ)(r3 + θ(r4 + (1−θ) r5))) with Δ = y1 − y0, r3 = dt k1 − Δ, r4 = 2Δ − dt k1 − dt k7, r5 = dt Σ d_i k_i, expanded over the k_i.
    const t1 = 1 - theta;
    const onY1 = theta - theta * t1 + 2 * theta * theta * t1;
    const w = new Float64Array(8);
    for (let i = 0; i < 7; i++) w[i] = onY1 * DP5_B[i]! + theta * theta * t1 * t1 * DP5_D[i]!;
    w[0]! += theta * t1 - theta * theta * t1;
    w[6]! -= theta * theta * t1;
    return w;
  },
};

/** Bogacki–Shampine 3(2), BS3 (MATLAB's ode23). */
const BS3_B = [2 / 9, 1 / 3, 4 / 9, 0];
export const BS3: Method = {
  name: 'BS3',
  order: 3,
  c: [0, 1 / 2, 3 / 4, 1],
  a: [[], [1 / 2], [0, 3 / 4], BS3_B.slice(0, 3)],
  b: BS3_B,
  fsal: true,
  errorWeights: [5 / 72, -1 / 12, -1 / 9, 1 / 8],
  controller: defaultController(3),
  interpolation: hermite(BS3_B),
};

/** The classical fourth-order Runge–Kutta method, on a fixed step here. */
const RK4_B = [1 / 6, 1 / 3, 1 / 3, 1 / 6];
export const RK4: Method = {
  name: 'RK4',
  order: 4,
  c: [0, 1 / 2, 1 / 2, 1],
  a: [[], [1 / 2], [0, 1 / 2], [0, 0, 1]],
  b: RK4_B,
  fsal: false,
  interpolation: hermite(RK4_B),
};

/** The forward Euler method: fixed steps only, as in OrdinaryDiffEq. */
export const EULER: Method = {
  name: 'Euler',
  order: 1,
  c: [0],
  a: [[]],
  b: [1],
  fsal: false,
  interpolation: hermite([1]),
};

/** The midpoint method (OrdinaryDiffEq's Midpoint without its error estimate): fixed steps. */
export const MIDPOINT: Method = {
  name: 'Midpoint',
  order: 2,
  c: [0, 1 / 2],
  a: [[], [1 / 2]],
  b: [0, 1],
  fsal: false,
  interpolation: hermite([0, 1]),
};
