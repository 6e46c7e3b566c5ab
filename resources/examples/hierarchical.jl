# A hierarchical (varying-intercept) model: group means drawn around a population mean.
using Turing

@model function hierarchical(group, y, n_groups)
    μ ~ Normal(0, 10)
    τ ~ Exponential(1)
    σ ~ Exponential(1)
    a ~ filldist(Normal(0, 1), n_groups)
    for i in eachindex(y)
        y[i] ~ Normal(μ + τ * a[group[i]], σ)
    end
end
