import { describe, it } from 'vitest';
import { expectGradient } from './index.js';

/**
 * Gradients through DifferentialEquations' `solve`, on every AD backend against finite differences. The adaptive
 * steps are plain numbers that AD holds fixed while finite differences move them with θ; at tight tolerances that
 * difference is far below the check's, and the gradient is the solution's own. The compiled tape must refuse an
 * adaptive solve and stand for a fixed-step one.
 */

/** Lotka–Volterra at t = 0, 0.5, …, 5 with noise, states as rows. */
const LV_DATA = JSON.stringify({
  data: [
    [1.2, 2.4, 5.1, 5.4, 1.9, 0.5, 0.4, 0.8, 1.9, 4.6, 5.9],
    [0.9, 0.5, 0.3, 1.9, 4.2, 2.7, 1.1, 0.4, 0.3, 0.6, 2.5],
  ],
});

const lotkaVolterra = (solveCall: string): string => `
using DifferentialEquations, LinearAlgebra
function lotka_volterra(du, u, p, t)
    α, β, γ, δ = p
    x, y = u
    du[1] = (α - β * y) * x
    du[2] = (δ * x - γ) * y
    return nothing
end
prob = ODEProblem(lotka_volterra, [1.0, 1.0], (0.0, 5.0), [1.5, 1.0, 3.0, 1.0])
@model function fitlv(data, prob)
    σ ~ InverseGamma(2, 3)
    α ~ truncated(Normal(1.5, 0.5); lower=0.5, upper=2.5)
    β ~ truncated(Normal(1.2, 0.5); lower=0, upper=2)
    γ ~ truncated(Normal(3.0, 0.5); lower=1, upper=4)
    δ ~ truncated(Normal(1.0, 0.5); lower=0, upper=2)
    predicted = ${solveCall}
    for i in eachindex(predicted)
        data[:, i] ~ MvNormal(predicted[i], σ^2 * I)
    end
end
model = fitlv(data, prob)
`;

describe('gradients through solve', () => {
  it("the tutorial's Lotka–Volterra model with Tsit5 (tight tolerances): every backend, the compiled tape refused by name", () => {
    expectGradient(lotkaVolterra('solve(prob, Tsit5(); p=[α, β, γ, δ], saveat=0.5, abstol=1e-10, reltol=1e-10)'), LV_DATA, 'prior', { draws: 2, compiledRefuses: /`solve`'s adaptive step-size control/ });
  });

  it('DP5, and BS3 (third order: looser tolerances, so the steps finite differences move count for more), interpolating between their steps', () => {
    expectGradient(lotkaVolterra('solve(prob, DP5(); p=[α, β, γ, δ], saveat=0.5, abstol=1e-10, reltol=1e-10)'), LV_DATA, 'prior', { draws: 1, compiledRefuses: /solve/ });
    expectGradient(lotkaVolterra('solve(prob, BS3(); p=[α, β, γ, δ], saveat=0.5, abstol=1e-8, reltol=1e-8)'), LV_DATA, 'prior', { draws: 1, rtol: 1e-4, compiledRefuses: /solve/ });
  });

  it('fixed-step RK4 and Euler: the compiled tape stands for them and replays them at other values', () => {
    expectGradient(lotkaVolterra('solve(prob, RK4(); p=[α, β, γ, δ], dt=0.05, saveat=0.5)'), LV_DATA, 'prior', { draws: 2 });
    expectGradient(lotkaVolterra('solve(prob, Euler(); p=[α, β, γ, δ], dt=0.01, saveat=0.5)'), LV_DATA, 'prior', { draws: 1 });
  });

  it("the tutorial's delayed Lotka–Volterra model (DDEProblem, MethodOfSteps): gradients through the interpolated history", () => {
    const source = `
using DifferentialEquations, LinearAlgebra
function delay_lotka_volterra(du, u, h, p, t)
    α, β, γ, δ = p
    x, y = u
    du[1] = α * h(p, t - 1; idxs=1) - β * x * y
    du[2] = -γ * y + δ * x * y
    return nothing
end
h(p, t; idxs::Int) = 1.0
prob = DDEProblem(delay_lotka_volterra, [1.0, 1.0], h, (0.0, 5.0), (1.5, 1.0, 3.0, 1.0))
@model function fitlv_dde(data, prob)
    σ ~ InverseGamma(2, 3)
    α ~ truncated(Normal(1.5, 0.5); lower=0.5, upper=2.5)
    β ~ truncated(Normal(1.2, 0.5); lower=0, upper=2)
    γ ~ truncated(Normal(3.0, 0.5); lower=1, upper=4)
    δ ~ truncated(Normal(1.0, 0.5); lower=0, upper=2)
    predicted = solve(prob, MethodOfSteps(Tsit5()); p=[α, β, γ, δ], saveat=0.5, abstol=1e-10, reltol=1e-10)
    for i in 1:length(predicted)
        data[:, i] ~ MvNormal(predicted[i], σ^2 * I)
    end
end
model = fitlv_dde(data, prob)
`;
    expectGradient(source, LV_DATA, 'prior', { draws: 1, compiledRefuses: /solve/ });
  });

  it("Storopoli's SIR model (the model DifferentialEquations was first refused for): the ODE built in the model, a user's NegativeBinomial2, arraydist(LazyArray(@~ …))", () => {
    const source = `
using Turing, LazyArrays, DifferentialEquations
function sir_ode!(du, u, p, t)
    (S, I, R) = u
    (β, γ) = p
    N = S + I + R
    infection = β * I * S / N
    recovery = γ * I
    @inbounds begin
        du[1] = -infection
        du[2] = infection - recovery
        du[3] = recovery
    end
    return nothing
end
function NegativeBinomial2(μ, ϕ)
    p = 1 / (1 + μ / ϕ)
    return NegativeBinomial(ϕ, p)
end
@model function bayes_sir(infected, i₀, r₀, N)
    l = length(infected)
    β ~ TruncatedNormal(2, 1, 1e-4, 10)
    γ ~ TruncatedNormal(0.4, 0.5, 1e-4, 10)
    ϕ⁻ ~ truncated(Exponential(5); lower=0, upper=1e5)
    ϕ = 1.0 / ϕ⁻
    prob = ODEProblem(sir_ode!, [N - i₀, i₀, r₀], (1.0, float(l)), [β, γ])
    sol = solve(prob, Tsit5(); saveat=1.0, abstol=1e-10, reltol=1e-10)
    solᵢ = max.(1e-4, Array(sol)[2, :])
    return infected ~ arraydist(LazyArray(@~ NegativeBinomial2.(solᵢ, ϕ)))
end
model = bayes_sir([1, 2, 4, 8, 15, 30, 55, 90, 130, 160, 170, 160, 130, 100, 70], 1, 0, 1000)
`;
    expectGradient(source, undefined, 'prior', { draws: 2, compiledRefuses: /solve/ });
  });

  it('a parameter in u0 and one captured by an out-of-place closure, with remake and save_idxs', () => {
    const source = `
using DifferentialEquations
@model function decay(y)
    k ~ LogNormal(0, 0.3)
    a ~ Normal(2, 0.2)
    prob = ODEProblem((u, p, t) -> [-k * u[1], k * u[1] - p * u[2]], [1.0, 0.0], (0.0, 3.0), 0.5)
    sol = solve(remake(prob; u0 = [a, 0.0]), Tsit5(); saveat = 1.0, save_idxs = 2, abstol = 1e-12, reltol = 1e-12)
    for i in 2:length(sol)
        y[i - 1] ~ Normal(sol[i], 0.1)
    end
end`;
    expectGradient(source, JSON.stringify({ y: [0.9, 1.0, 0.7] }), 'prior', { compiledRefuses: /solve/ });
  });

  it('the dense output sol(t) between steps, a parameter in isoutofdomain and in the right-hand side past a tstop, p a named tuple', () => {
    const source = `
using DifferentialEquations
function pulse(du, u, p, t)
    du[1] = (t < 1.5 ? p.a : 0.0) - p.k * u[1]
    du[2] = p.k * u[1] - 0.3 * u[2]
end
@model function dosed(y)
    k ~ LogNormal(0, 0.3)
    a ~ LogNormal(0, 0.3)
    u1 ~ LogNormal(0, 0.3)
    sol = solve(ODEProblem(pulse, [u1, 0.0], (0.0, 4.0), (k = k, a = a)), Tsit5(); tstops = [1.5], abstol = 1e-12, reltol = 1e-12, isoutofdomain = (u, p, t) -> u[2] > 10 * p.a)
    y[1] ~ Normal(sol(0.77)[2], 0.1)
    y[2] ~ Normal(sol(2.31; idxs = 1), 0.1)
    y[3] ~ Normal(sol[end][2], 0.1)
end`;
    expectGradient(source, JSON.stringify({ y: [0.5, 0.4, 0.6] }), 'prior', { draws: 2, compiledRefuses: /solve/ });
  });
});
