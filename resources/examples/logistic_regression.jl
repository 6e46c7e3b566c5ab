# Bayesian logistic regression with a vectorised likelihood.
using Turing

@model function logistic_regression(X, y)
    n, d = size(X)
    α ~ Normal(0, 2.5)
    β ~ filldist(Normal(0, 2.5), d)
    y .~ BernoulliLogit.(α .+ X * β)
end
