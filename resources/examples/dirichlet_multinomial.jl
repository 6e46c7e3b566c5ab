# Category probabilities on the simplex: a Dirichlet prior with multinomial counts.
using Turing

@model function dirichlet_multinomial(counts)
    K = length(counts)
    θ ~ Dirichlet(K, 1.0)
    counts ~ Multinomial(sum(counts), θ)
end
