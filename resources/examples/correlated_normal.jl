# A correlated bivariate normal with an LKJ prior on the Cholesky factor of the correlation matrix.
using Turing, LinearAlgebra

@model function correlated_normal(y)
    d, n = size(y)
    L ~ LKJCholesky(d, 2.0)
    σ ~ filldist(Exponential(1), d)
    μ ~ filldist(Normal(0, 5), d)
    Σ_L = Diagonal(σ) * L.L
    Σ = Σ_L * Σ_L'
    for i in 1:n
        y[:, i] ~ MvNormal(μ, Symmetric(Σ))
    end
end
