# Bayesian linear regression (Turing tutorial style): y ~ MvNormal(α .+ X * β, σ² I).
using Turing, LinearAlgebra

@model function linear_regression(X, y)
    n, d = size(X)
    σ² ~ truncated(Normal(0, 100); lower=0)
    α ~ Normal(0, sqrt(3))
    β ~ MvNormal(zeros(d), 10.0 * I)
    μ = α .+ X * β
    y ~ MvNormal(μ, σ² * I)
end
