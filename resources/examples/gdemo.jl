# Turing's "gdemo": a normal model with unknown mean and variance (conjugate normal–inverse-gamma).
# With x = [1.5, 2.0] the posterior means are E[s²] = 49/24 and E[m] = 7/6.
using Turing

@model function gdemo(x)
    s² ~ InverseGamma(2, 3)
    m ~ Normal(0, sqrt(s²))
    for i in eachindex(x)
        x[i] ~ Normal(m, sqrt(s²))
    end
end
