# Coin flipping (Turing's first tutorial): a Beta prior on the probability of heads.
using Turing

@model function coinflip(y)
    p ~ Beta(1, 1)
    for i in eachindex(y)
        y[i] ~ Bernoulli(p)
    end
end
