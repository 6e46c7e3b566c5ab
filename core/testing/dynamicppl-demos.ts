/**
 * `DynamicPPL.TestUtils.DEMO_MODELS` as DynamicPPL's src/test_utils/models.jl writes them (its current forms, and
 * the pre-0.35 forms users still paste), with what that file asserts of each: the variable names (`varnames`),
 * the closed-form log prior and likelihood (`logprior_true`, `loglikelihood_true`, and with the log-Jacobian of
 * `s`'s log map, `logprior_true_with_logabsdet_jacobian`) and the posterior mean (`posterior_mean`).
 *
 * Each model's `return (; s, m, x, logp = getlogp(__varinfo__))` line is left out: Tilde refuses `getlogp` with
 * its reason (core/lang/compile/unsupported-calls.ts), and the return value changes no density.
 */

/** Both posteriors of the set: one (s, m) pair for both observations, or one pair per observation. */
export type DemoPosterior = 'univariate' | 'pairs';

export interface DynamicPPLDemo {
  name: string;
  source: string;
  posterior: DemoPosterior;
  /** `varnames(model)`, in the model's order. */
  varnames: string[];
  /** The chain's columns, as Turing's chains name each element, where they are not `s`, `m` or `s[i]`, `m[i]`. */
  columns?: string[];
}

/** The observations every demo model is given, as default arguments or literals. */
const DEMO_X = [1.5, 2.0];

const LOG_2PI = Math.log(2 * Math.PI);

function normalLogpdf(x: number, mean: number, variance: number): number {
  return -0.5 * (LOG_2PI + Math.log(variance)) - ((x - mean) * (x - mean)) / (2 * variance);
}

/** InverseGamma(2, 3): α log β − log Γ(α) − (α + 1) log x − β / x, with log Γ(2) = 0. */
function inverseGamma23Logpdf(x: number): number {
  return 2 * Math.log(3) - 3 * Math.log(x) - 3 / x;
}

export interface DemoDensities {
  logprior: number;
  loglikelihood: number;
  /** `logprior_true_with_logabsdet_jacobian`: the prior in (log s, m), i.e. the log prior plus Σ log s. */
  logpriorUnconstrained: number;
}

/**
 * `logprior_true` and `loglikelihood_true` of every demo model at s and m (one element each for the univariate
 * posterior, two for pairs): s_i ~ InverseGamma(2, 3), m_i ~ Normal(0, √s_i), and the observations x_j ~
 * Normal(m, √s) (univariate) or x_i ~ Normal(m_i, √s_i) (pairs, also `MvNormal(m, Diagonal(s))`).
 */
export function demoDensities(posterior: DemoPosterior, s: readonly number[], m: readonly number[]): DemoDensities {
  let logprior = 0;
  let jacobian = 0;
  for (let i = 0; i < s.length; i++) {
    logprior += inverseGamma23Logpdf(s[i]!) + normalLogpdf(m[i]!, 0, s[i]!);
    // Bijectors' map of InverseGamma is log: logabsdetjac(log, s) = −log s is subtracted.
    jacobian += Math.log(s[i]!);
  }
  let loglikelihood = 0;
  DEMO_X.forEach((x, j) => {
    const i = posterior === 'univariate' ? 0 : j;
    loglikelihood += normalLogpdf(x, m[i]!, s[i]!);
  });
  return { logprior, loglikelihood, logpriorUnconstrained: logprior + jacobian };
}

/** `posterior_mean(model)`: the normal–inverse-gamma posterior in closed form. */
export const DEMO_POSTERIOR_MEAN: Record<DemoPosterior, { s: number[]; m: number[] }> = {
  univariate: { s: [49 / 24], m: [7 / 6] },
  pairs: { s: [19 / 8, 8 / 3], m: [3 / 4, 1] },
};

const PAIR_NAMES = ['s[1]', 's[2]', 'm[1]', 'm[2]'];
const SCALAR_NAMES = ['s', 'm'];

/** DynamicPPL ≥ 0.35: `.~` takes univariate distributions only, a vector of them is `~ product_distribution(…)`. */
const CURRENT: DynamicPPLDemo[] = [
  {
    name: 'demo_dot_assume_observe',
    posterior: 'pairs',
    varnames: ['s[1]', 's[2]', 'm'],
    source: `using LinearAlgebra: Diagonal

@model function demo_dot_assume_observe(
    x=[1.5, 2.0], ::Type{TV}=Vector{Float64}
) where {TV}
    # \`dot_assume\` and \`observe\`
    s = TV(undef, length(x))
    m = TV(undef, length(x))
    s .~ InverseGamma(2, 3)
    m ~ product_distribution(Normal.(0, sqrt.(s)))

    x ~ MvNormal(m, Diagonal(s))
end
`,
  },
  {
    name: 'demo_assume_index_observe',
    posterior: 'pairs',
    varnames: PAIR_NAMES,
    source: `@model function demo_assume_index_observe(
    x=[1.5, 2.0], ::Type{TV}=Vector{Float64}
) where {TV}
    # \`assume\` with indexing and \`observe\`
    s = TV(undef, length(x))
    for i in eachindex(s)
        s[i] ~ InverseGamma(2, 3)
    end
    m = TV(undef, length(x))
    for i in eachindex(m)
        m[i] ~ Normal(0, sqrt(s[i]))
    end
    x ~ MvNormal(m, Diagonal(s))
end
`,
  },
  {
    name: 'demo_assume_multivariate_observe',
    posterior: 'pairs',
    varnames: SCALAR_NAMES,
    source: `@model function demo_assume_multivariate_observe(x=[1.5, 2.0])
    # Multivariate \`assume\` and \`observe\`
    s ~ product_distribution([InverseGamma(2, 3), InverseGamma(2, 3)])
    m ~ MvNormal(zero(x), Diagonal(s))
    x ~ MvNormal(m, Diagonal(s))
end
`,
  },
  {
    name: 'demo_dot_assume_observe_index',
    posterior: 'pairs',
    varnames: ['s[1]', 's[2]', 'm'],
    source: `@model function demo_dot_assume_observe_index(
    x=[1.5, 2.0], ::Type{TV}=Vector{Float64}
) where {TV}
    # \`dot_assume\` and \`observe\` with indexing
    s = TV(undef, length(x))
    s .~ InverseGamma(2, 3)
    m = TV(undef, length(x))
    m ~ product_distribution(Normal.(0, sqrt.(s)))
    for i in eachindex(x)
        x[i] ~ Normal(m[i], sqrt(s[i]))
    end
end
`,
  },
  {
    name: 'demo_assume_dot_observe',
    posterior: 'univariate',
    varnames: SCALAR_NAMES,
    source: `@model function demo_assume_dot_observe(x=[1.5, 2.0])
    # \`assume\` and \`dot_observe\`
    s ~ InverseGamma(2, 3)
    m ~ Normal(0, sqrt(s))
    x .~ Normal(m, sqrt(s))
end
`,
  },
  {
    name: 'demo_assume_dot_observe_literal',
    posterior: 'univariate',
    varnames: SCALAR_NAMES,
    source: `@model function demo_assume_dot_observe_literal()
    # \`assume\` and literal \`dot_observe\`
    s ~ InverseGamma(2, 3)
    m ~ Normal(0, sqrt(s))
    [1.5, 2.0] .~ Normal(m, sqrt(s))
end
`,
  },
  {
    name: 'demo_assume_observe_literal',
    posterior: 'univariate',
    varnames: SCALAR_NAMES,
    source: `@model function demo_assume_observe_literal()
    # univariate \`assume\` and literal \`observe\`
    s ~ InverseGamma(2, 3)
    m ~ Normal(0, sqrt(s))
    1.5 ~ Normal(m, sqrt(s))
    2.0 ~ Normal(m, sqrt(s))
end
`,
  },
  {
    name: 'demo_assume_multivariate_observe_literal',
    posterior: 'pairs',
    varnames: SCALAR_NAMES,
    source: `@model function demo_assume_multivariate_observe_literal()
    # multivariate \`assume\` and literal \`observe\`
    s ~ product_distribution([InverseGamma(2, 3), InverseGamma(2, 3)])
    m ~ MvNormal(zeros(2), Diagonal(s))
    [1.5, 2.0] ~ MvNormal(m, Diagonal(s))
end
`,
  },
  {
    name: 'demo_dot_assume_observe_index_literal',
    posterior: 'pairs',
    varnames: ['s[1]', 's[2]', 'm'],
    source: `@model function demo_dot_assume_observe_index_literal(::Type{TV}=Vector{Float64}) where {TV}
    # \`dot_assume\` and literal \`observe\` with indexing
    s = TV(undef, 2)
    m = TV(undef, 2)
    s .~ InverseGamma(2, 3)
    m ~ product_distribution(Normal.(0, sqrt.(s)))

    1.5 ~ Normal(m[1], sqrt(s[1]))
    2.0 ~ Normal(m[2], sqrt(s[2]))
end
`,
  },
  {
    name: 'demo_assume_submodel_observe_index_literal',
    posterior: 'pairs',
    varnames: ['s[1]', 's[2]', 'm'],
    source: `# Only used as a submodel
@model function _prior_dot_assume(::Type{TV}=Vector{Float64}) where {TV}
    s = TV(undef, 2)
    s .~ InverseGamma(2, 3)
    m = TV(undef, 2)
    m ~ product_distribution(Normal.(0, sqrt.(s)))
    return s, m
end

@model function demo_assume_submodel_observe_index_literal()
    # Submodel prior
    priors ~ to_submodel(_prior_dot_assume(), false)
    s, m = priors
    1.5 ~ Normal(m[1], sqrt(s[1]))
    2.0 ~ Normal(m[2], sqrt(s[2]))
end
`,
  },
  {
    name: 'demo_dot_assume_observe_submodel',
    posterior: 'pairs',
    varnames: ['s[1]', 's[2]', 'm'],
    source: `@model function _likelihood_multivariate_observe(s, m, x)
    return x ~ MvNormal(m, Diagonal(s))
end

@model function demo_dot_assume_observe_submodel(
    x=[1.5, 2.0], ::Type{TV}=Vector{Float64}
) where {TV}
    s = TV(undef, length(x))
    s .~ InverseGamma(2, 3)
    m = TV(undef, length(x))
    m ~ product_distribution(Normal.(0, sqrt.(s)))

    # Submodel likelihood
    # With to_submodel, we have to have a left-hand side variable to
    # capture the result, so we just use a dummy variable
    _ignore ~ to_submodel(_likelihood_multivariate_observe(s, m, x))
end
`,
  },
  {
    name: 'demo_dot_assume_observe_matrix_index',
    posterior: 'pairs',
    varnames: ['s[1]', 's[2]', 'm'],
    source: `@model function demo_dot_assume_observe_matrix_index(
    x=transpose([1.5 2.0;]), ::Type{TV}=Vector{Float64}
) where {TV}
    s = TV(undef, length(x))
    s .~ InverseGamma(2, 3)
    m = TV(undef, length(x))
    m ~ product_distribution(Normal.(0, sqrt.(s)))

    x[:, 1] ~ MvNormal(m, Diagonal(s))
end
`,
  },
  {
    name: 'demo_assume_matrix_observe_matrix_index',
    posterior: 'pairs',
    varnames: SCALAR_NAMES,
    columns: ['s[1, 1]', 's[1, 2]', 'm[1]', 'm[2]'],
    source: `@model function demo_assume_matrix_observe_matrix_index(
    x=transpose([1.5 2.0;]), ::Type{TV}=Array{Float64}
) where {TV}
    n = length(x)
    d = n ÷ 2
    s ~ reshape(product_distribution(fill(InverseGamma(2, 3), n)), d, 2)
    s_vec = vec(s)
    m ~ MvNormal(zeros(n), Diagonal(s_vec))

    x[:, 1] ~ MvNormal(m, Diagonal(s_vec))
end
`,
  },
];

/** The forms of DynamicPPL < 0.35 (`m .~ Normal.(…)` draws each element, `@submodel`), as older code pastes them. */
const BEFORE_0_35: DynamicPPLDemo[] = [
  {
    name: 'demo_dot_assume_dot_observe',
    posterior: 'pairs',
    varnames: PAIR_NAMES,
    source: `@model function demo_dot_assume_dot_observe(
    x=[1.5, 2.0], ::Type{TV}=Vector{Float64}
) where {TV}
    # \`dot_assume\` and \`observe\`
    s = TV(undef, length(x))
    m = TV(undef, length(x))
    s .~ InverseGamma(2, 3)
    m .~ Normal.(0, sqrt.(s))

    x ~ MvNormal(m, Diagonal(s))
end
`,
  },
  {
    name: 'demo_assume_submodel_observe_index_literal (@submodel s, m = …)',
    posterior: 'pairs',
    varnames: PAIR_NAMES,
    source: `@model function _prior_dot_assume(::Type{TV}=Vector{Float64}) where {TV}
    s = TV(undef, 2)
    s .~ InverseGamma(2, 3)
    m = TV(undef, 2)
    m .~ Normal.(0, sqrt.(s))
    return s, m
end

@model function demo_assume_submodel_observe_index_literal()
    # Submodel prior
    @submodel s, m = _prior_dot_assume()
    1.5 ~ Normal(m[1], sqrt(s[1]))
    2.0 ~ Normal(m[2], sqrt(s[2]))
end
`,
  },
  {
    name: 'demo_dot_assume_observe_submodel (@submodel)',
    posterior: 'pairs',
    varnames: PAIR_NAMES,
    source: `@model function _likelihood_mltivariate_observe(s, m, x)
    return x ~ MvNormal(m, Diagonal(s))
end

@model function demo_dot_assume_observe_submodel(
    x=[1.5, 2.0], ::Type{TV}=Vector{Float64}
) where {TV}
    s = TV(undef, length(x))
    s .~ InverseGamma(2, 3)
    m = TV(undef, length(x))
    m .~ Normal.(0, sqrt.(s))

    # Submodel likelihood
    @submodel _likelihood_mltivariate_observe(s, m, x)
end
`,
  },
];

export const DYNAMICPPL_DEMOS: readonly DynamicPPLDemo[] = [...CURRENT, ...BEFORE_0_35];
