# Eight schools, non-centred (Rubin 1981; the parameterisation Stan and Turing recommend).
using Turing

@model function eight_schools(J, y, σ)
    μ ~ Normal(0, 5)
    τ ~ truncated(Cauchy(0, 5); lower=0)
    θ̃ ~ filldist(Normal(), J)
    θ = μ .+ τ .* θ̃
    for j in 1:J
        y[j] ~ Normal(θ[j], σ[j])
    end
    return θ
end
