# Coal-mining disasters (Jarrett 1979): a Poisson rate that changes at an unknown year.
# The change point s is discrete: sample it with MH, or with Gibbs (MH for s, NUTS for the rates).
using Turing

@model function changepoint(disasters)
    N = length(disasters)
    s ~ DiscreteUniform(1, N)
    e ~ Exponential(3)
    l ~ Exponential(3)
    for t in 1:N
        disasters[t] ~ Poisson(t < s ? e : l)
    end
end
