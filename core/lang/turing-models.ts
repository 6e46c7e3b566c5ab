/**
 * Models as Turing users write them, pasted from Turing's tutorials and documentation: the parser
 * must accept every one unchanged. Shared by the parser's unit and property tests.
 */
/** The model of Turing's "Getting started" page, with the `using` line its script starts with. */
export const GETTING_STARTED_MODEL = `using Turing

@model function gdemo(x, y)
    s² ~ InverseGamma(2, 3)
    m ~ Normal(0, sqrt(s²))
    x ~ Normal(m, sqrt(s²))
    return y ~ Normal(m, sqrt(s²))
end
`;

export const TURING_MODELS: Record<string, string> = {
  // The "Getting started" script as pasted whole: plots loaded, the model sampled with its data.
  gettingStarted: `${GETTING_STARTED_MODEL.replace('using Turing\n', 'using Turing\nusing StatsPlots\n')}
chn = sample(gdemo(1.5, 2), NUTS(), 1000, progress=false)
`,

  gdemo: `using Turing

@model function gdemo(x)
    s² ~ InverseGamma(2, 3)
    m ~ Normal(0, sqrt(s²))
    for i in eachindex(x)
        x[i] ~ Normal(m, sqrt(s²))
    end
end

model = gdemo([1.5, 2.0])
chain = sample(model, NUTS(), 1000)
`,

  coinflip: `@model function coinflip(; N::Int)
    # Our prior belief about the probability of heads in a coin toss.
    p ~ Beta(1, 1)

    # Heads or tails of a coin are drawn from \`N\` independent and identically
    # distributed Bernoulli distributions with success rate \`p\`.
    y ~ filldist(Bernoulli(p), N)

    return y
end

@model function coinflip_loop(y)
    p ~ Beta(1, 1)
    N = length(y)
    for n in 1:N
        y[n] ~ Bernoulli(p)
    end
end
`,

  // The whole script of Turing's introductory tutorial, as its page gives it.
  coinflipTutorial: `# Import libraries.
using Turing, StatsPlots, Random

# Set the true probability of heads in a coin.
p_true = 0.5

# Iterate from having seen 0 observations to 100 observations.
Ns = 0:100

# Draw data from a Bernoulli distribution, i.e. draw heads or tails.
Random.seed!(12)
data = rand(Bernoulli(p_true), last(Ns))

# Declare our Turing model.
@model function coinflip(; N::Int)
    # Our prior belief about the probability of heads in a coin toss.
    p ~ Beta(1, 1)

    # Heads or tails of a coin are drawn from \`N\` independent and identically
    # distributed Bernoulli distributions with success rate \`p\`.
    y ~ filldist(Bernoulli(p), N)

    return y
end;

coinflip(y::AbstractVector{<:Real}) = coinflip(; N=length(y)) | (; y)

model = coinflip(data);

# Settings of the Hamiltonian Monte Carlo (HMC) sampler.
iterations = 1000
ϵ = 0.05
τ = 10

# Start sampling.
chain = sample(model, HMC(ϵ, τ), iterations)
`,

  eightSchoolsCentered: `@model function eight_schools_centered(J, y, sigma)
    mu ~ Normal(0, 5)
    tau ~ truncated(Cauchy(0, 5); lower=0)
    theta ~ filldist(Normal(mu, tau), J)
    for j = 1:J
        y[j] ~ Normal(theta[j], sigma[j])
    end
end
`,

  eightSchoolsNonCentered: `@model function eight_schools_noncentered(J, y, sigma)
    mu ~ Normal(0, 5)
    tau ~ truncated(Cauchy(0, 5), 0, Inf)
    theta_tilde ~ MvNormal(zeros(J), I)
    theta = mu .+ tau .* theta_tilde
    y ~ MvNormal(theta, Diagonal(sigma .^ 2))
end
`,

  linearRegression: `using Turing, LinearAlgebra, Random

@model function linear_regression(x, y)
    # Set variance prior.
    σ² ~ truncated(Normal(0, 100); lower=0)

    # Set intercept prior.
    intercept ~ Normal(0, sqrt(3))

    # Set the priors on our coefficients.
    nfeatures = size(x, 2)
    coefficients ~ MvNormal(Zeros(nfeatures), 10.0 * I)

    # Calculate all the mu terms.
    mu = intercept .+ x * coefficients
    return y ~ MvNormal(mu, σ² * I)
end

@model function linreg(X, y; predictors=size(X, 2))
    α ~ Normal(0, 2.5)
    β ~ filldist(TDist(3), predictors)
    σ ~ Exponential(1)
    y ~ MvNormal(α .+ X * β, σ^2 * I)
end
`,

  logisticRegression: `@model function logistic_regression(x, y, n, σ)
    intercept ~ Normal(0, σ)

    student ~ Normal(0, σ)
    balance ~ Normal(0, σ)
    income ~ Normal(0, σ)

    for i in 1:n
        v = logistic(intercept + student * x[i, 1] + balance * x[i, 2] + income * x[i, 3])
        y[i] ~ Bernoulli(v)
    end
end

@model function logreg(X, y)
    α ~ Normal(0, 2.5)
    β ~ filldist(Normal(0, 2.5), size(X, 2))
    y .~ BernoulliLogit.(α .+ X * β)
end
`,

  multinomialLogisticRegression: `@model function logistic_regression(x, y, σ)
    n = size(x, 1)
    length(y) == n ||
        throw(DimensionMismatch("number of observations in \`x\` and \`y\` is not equal"))

    # Priors of intercepts and coefficients.
    intercept_versicolor ~ Normal(0, σ)
    intercept_virginica ~ Normal(0, σ)
    coefficients_versicolor ~ MvNormal(Zeros(4), σ^2 * I)
    coefficients_virginica ~ MvNormal(Zeros(4), σ^2 * I)

    # Compute the likelihood of the observations.
    values_versicolor = intercept_versicolor .+ x * coefficients_versicolor
    values_virginica = intercept_virginica .+ x * coefficients_virginica
    for i in 1:n
        # the 0 corresponds to setosa
        v = softmax([0, values_versicolor[i], values_virginica[i]])
        y[i] ~ Categorical(v)
    end
end
`,

  hierarchical: `@model function varying_intercept(X, idx, y; n_gr=length(unique(idx)), predictors=size(X, 2))
    # priors
    α ~ Normal(mean(y), 2.5 * std(y))       # population-level intercept
    β ~ filldist(Normal(0, 2), predictors)  # population-level coefficients
    σ ~ Exponential(std(y))                 # residual SD
    # prior for variance of random intercepts
    # usually requires thoughtful specification
    τ ~ truncated(Cauchy(0, 2); lower=0)    # group-level SDs intercepts
    αⱼ ~ filldist(Normal(0, τ), n_gr)       # group-level intercepts

    # likelihood
    ŷ = α .+ X * β .+ αⱼ[idx]
    y ~ MvNormal(ŷ, σ^2 * I)
end
`,

  hmm: `@model function BayesHmm(y, K)
    # Get observation length.
    N = length(y)

    # State sequence.
    s = Vector{Int}(undef, N)

    # Emission matrix.
    m = Vector(undef, K)

    # Transition matrix.
    T = Vector{Vector}(undef, K)

    # Assign distributions to each element
    # of the transition matrix and the
    # emission matrix.
    for i in 1:K
        T[i] ~ Dirichlet(ones(K) / K)
        m[i] ~ Normal(i, 0.5)
    end

    # Observe each point of the input.
    s[1] ~ Categorical(K)
    y[1] ~ Normal(m[s[1]], 0.1)

    for i in 2:N
        s[i] ~ Categorical(vec(T[s[i - 1]]))
        y[i] ~ Normal(m[s[i]], 0.1)
    end
end
`,

  changepoint: `@model function changepoint(y)
    N = length(y)
    τ ~ DiscreteUniform(1, N)
    λ₁ ~ Exponential(10)
    λ₂ ~ Exponential(10)
    for i in 1:N
        y[i] ~ Poisson(i < τ ? λ₁ : λ₂)
    end
end
`,

  poissonRegression: `@model function poisson_regression(x, y, n, σ²)
    b0 ~ Normal(0, σ²)
    b1 ~ Normal(0, σ²)
    b2 ~ Normal(0, σ²)
    b3 ~ Normal(0, σ²)
    for i in 1:n
        theta = b0 + b1 * x[i, 1] + b2 * x[i, 2] + b3 * x[i, 3]
        y[i] ~ Poisson(exp(theta))
    end
end
`,

  gaussianMixture: `using Distributions
using FillArrays
using LinearAlgebra

@model function gaussian_mixture_model(x)
    # Draw the parameters for each of the K=2 clusters from a standard normal distribution.
    K = 2
    μ ~ MvNormal(Zeros(K), I)

    # Draw the weights for the K clusters from a Dirichlet distribution with parameters αₖ = 1.
    w ~ Dirichlet(K, 1.0)
    # Alternatively, one could use a fixed set of weights.
    # w = fill(1/K, K)

    # Construct categorical distribution of assignments.
    distribution_assignments = Categorical(w)

    # Construct multivariate normal distributions of each cluster.
    D, N = size(x)
    distribution_clusters = [MvNormal(Fill(μₖ, D), I) for μₖ in μ]

    # Draw assignments for each datum and generate it from the multivariate normal distribution.
    k = Vector{Int}(undef, N)
    for i in 1:N
        k[i] ~ distribution_assignments
        x[:, i] ~ distribution_clusters[k[i]]
    end

    return k
end

@model function gmm(x, K)
    D, N = size(x)
    μ ~ filldist(Normal(0, 5), D, K)
    w ~ Dirichlet(K, 1.0)
    z = Vector{Int}(undef, N)
    for i in 1:N
        z[i] ~ Categorical(w)
        x[:, i] ~ MvNormal(μ[:, z[i]], I)
    end
end
`,

  neuralNetwork: `# Construct a neural network using Lux-style unpacking.
function unpack(nn_params::AbstractVector)
    W₁ = reshape(nn_params[1:6], 3, 2)
    b₁ = nn_params[7:9]
    W₂ = reshape(nn_params[10:15], 2, 3)
    b₂ = nn_params[16:17]
    Wₒ = reshape(nn_params[18:19], 1, 2)
    bₒ = nn_params[20:20]
    return W₁, b₁, W₂, b₂, Wₒ, bₒ
end

function nn_forward(xs, nn_params::AbstractVector)
    W₁, b₁, W₂, b₂, Wₒ, bₒ = unpack(nn_params)
    h₁ = tanh.(W₁ * xs .+ b₁)
    h₂ = tanh.(W₂ * h₁ .+ b₂)
    return logistic.(Wₒ * h₂ .+ bₒ)
end

alpha = 0.09
sig = sqrt(1.0 / alpha)

@model function bayes_nn(xs, ts)
    nn_params ~ MvNormal(zeros(20), 11.1 * I)
    preds = nn_forward(xs, nn_params)
    for i in 1:length(ts)
        ts[i] ~ Bernoulli(preds[i])
    end
end
`,

  typeParameters: `@model function tdemo(x, ::Type{T}=Float64) where {T}
    s² ~ InverseGamma(2, 3)
    m = Vector{T}(undef, length(x))
    for i in eachindex(x)
        m[i] ~ Normal(0, sqrt(s²))
        x[i] ~ Normal(m[i], sqrt(s²))
    end
    return eps(T)
end

@model function vdemo(n, ::Type{TV}=Vector{Float64}) where {TV}
    x = TV(undef, n)
    for i in eachindex(x)
        x[i] ~ Normal()
    end
end

function half(x::AbstractVector{<:Real}) where T<:Real
    return x ./ 2
end
`,

  addlogprob: `@model function demo(x)
    μ ~ Normal()
    @addlogprob! loglikelihood(Normal(μ), x)
    if μ < -10
        Turing.@addlogprob! -Inf
        return nothing
    end
end
`,

  submodel: `@model function inner(x)
    a ~ Normal()
    x ~ Normal(a, 1)
    return a
end

@model function outer(x)
    b := 2
    a ~ to_submodel(inner(x))
    c := a + b
    d ~ to_submodel(inner(x), false)
end
`,

  dotMacro: `@model function lin(x, y = missing)
    α ~ Normal(0, 1)
    β ~ Normal(0, 1)
    σ ~ truncated(Normal(0, 1); lower=0)
    μ = @. α + β * x
    if y === missing
        y = Vector{Float64}(undef, length(x))
    end
    @. y ~ Normal(μ, σ)
end
`,

  matrixPrior: `@model function mvn(x)
    Σ = [1.0 0.5; 0.5 1.0]
    μ ~ MvNormal([0.0, 0.0], Σ)
    Ω ~ LKJCholesky(2, 1.0, 'L')
    for i in axes(x, 2)
        x[:, i] ~ MvNormal(μ, Σ)
    end
end
`,

  oldStyle: `@model gdemo(x, y) = begin
    s ~ InverseGamma(2, 3)
    m ~ Normal(0, sqrt(s))
    x ~ Normal(m, sqrt(s))
    y ~ Normal(m, sqrt(s))
    return s, m
end
`,

  predictive: `@model function linreg(x, y = missing; σ = 1.0)
    n = length(x)
    if y === missing
        y = Vector{Union{Missing, Float64}}(undef, n)
    end
    β ~ Normal(0, 1)
    for i in 1:n
        y[i] ~ Normal(β * x[i], σ)
    end
    ŷ := β .* x
    return y
end

sq(x) = x^2
clip(x, lo, hi) = min(max(x, lo), hi)
`,

  // Turing's documentation on LKJCholesky: the covariance rebuilt as PDMat(Cholesky(Σ_L)) from the factor.
  lkjCholesky: `using Turing, Distributions, LinearAlgebra, PDMats, Random

Random.seed!(121)

# generate data
sigma = [1, 2, 3]
Omega = [
    1 0.3 0.2
    0.3 1 0.1
    0.2 0.1 1
]

Sigma = Diagonal(sigma) * Omega * Diagonal(sigma)
N = 100
J = 3

y = rand(MvNormal(Sigma), N)'

@model function correlation_chol(J, N, y)
    sigma ~ filldist(truncated(Cauchy(0.0, 5.0); lower=0), J)
    F ~ LKJCholesky(J, 1.0)
    Σ_L = Diagonal(sigma) * F.L
    Sigma = PDMat(Cholesky(Σ_L + eps() * I))
    for i in 1:N
        y[i, :] ~ MvNormal(Sigma)
    end
    return (; sigma, Sigma)
end

chain = sample(correlation_chol(J, N, y), NUTS(), 1000)
`,

  // Latent Dirichlet allocation as Turing's performance tips vectorise it: one @addlogprob! over CartesianIndex.(w, doc).
  lda: `using Turing, Random, LinearAlgebra

Random.seed!(1)
K = 2
V = 6
M = 5
N = 100
α = ones(K)
β = ones(V)
doc = rand(1:M, N)
w = rand(1:V, N)

@model function lda(K, V, M, N, w, doc, α, β)
    θ ~ filldist(Dirichlet(α), M)
    φ ~ filldist(Dirichlet(β), K)
    log_φ_dot_θ = log.(φ * θ)
    Turing.@addlogprob! sum(log_φ_dot_θ[CartesianIndex.(w, doc)])
end

chain = sample(lda(K, V, M, N, w, doc, α, β), NUTS(), 300)
`,

  // A mixture built from its family and parameter tuples, as Distributions' MixtureModel(Normal, [(μ, σ), …], w).
  mixtureByFamily: `using Turing, Random

Random.seed!(1)
data = vcat(rand(Normal(-2, 0.5), 100), rand(Normal(3, 1), 200))

@model function mixture_loop(x)
    w ~ Dirichlet(2, 1.0)
    μ ~ ordered(MvNormal(zeros(2), 5.0 * I))
    σ ~ filldist(Exponential(1), 2)
    for i in eachindex(x)
        x[i] ~ MixtureModel(Normal, [(μ[1], σ[1]), (μ[2], σ[2])], w)
    end
end

chain = sample(mixture_loop(data), NUTS(), 500)
`,

  // A zero-inflated Poisson with the log-likelihood written out, Statistical Rethinking style.
  zeroInflatedPoisson: `using Turing, StatsFuns, LogExpFunctions

function zip_logpdf(y, p_logit, λ)
    if y == 0
        return logaddexp(-log1pexp(-p_logit), -log1pexp(p_logit) - λ)
    else
        return -log1pexp(p_logit) + y * log(λ) - λ - logfactorial(y)
    end
end

@model function zip_model(y)
    ap ~ Normal(-1.5, 1)
    al ~ Normal(1, 0.5)
    Turing.@addlogprob! sum(zip_logpdf.(y, ap, exp(al)))
end

y = [0, 0, 3, 1, 0, 5, 2, 0, 4, 1]
chain = sample(zip_model(y), NUTS(), 500)
`,

  // Statistical Rethinking's m4.3 on standardised weights (StatsBase's zscore), first rows of Howell1's adults.
  howellStandardised: `using Turing, StatsBase, LinearAlgebra

weight = [47.825606, 36.485807, 31.864838, 53.041914, 41.276872, 62.992589, 38.243476, 55.479971, 34.869885, 54.487739]
height = [151.765, 139.7, 136.525, 156.845, 145.415, 163.83, 149.225, 168.91, 147.955, 165.1]

@model function m4_3(W, H)
    a ~ Normal(178, 20)
    b ~ LogNormal(0, 1)
    σ ~ Uniform(0, 50)
    μ = a .+ b .* W
    H ~ MvNormal(μ, σ)
end

chns = sample(m4_3(zscore(weight), height), NUTS(0.65), 1000)
`,

  // Research code surveyed from public repositories (helper gh, 2026-11-27): a fatigue study's censored regression, its
  // priors a named tuple chosen by dispatch on the model's type; a run-out contributes its survival probability.
  censoredRegression: `using Turing, Distributions

_base_prior(::Symbol) = (a = Normal(25, 10), m = truncated(Normal(-5.0, 2.0), -Inf, 0.0))

@model function normal_linear_model(v, N, v_censored, n_censored; prior = prior_default(normal_linear_model))
    a ~ prior.a
    m ~ prior.m
    s ~ prior.s
    @inbounds for i in eachindex(v_censored)
        μ = a + m * v_censored[i]
        Turing.@addlogprob! logccdf(Normal(μ, s), n_censored[i])
    end
    @inbounds for i in eachindex(v)
        μ = a + m * v[i]
        Turing.@addlogprob! logpdf(Normal(μ, s), N[i])
    end
end

prior_default(::typeof(normal_linear_model)) = merge(_base_prior(:default), (s = Exponential(1.0),))

const V = [2.1, 2.5, 2.9]
model = normal_linear_model(V, [14.6, 12.4, 10.7], [2.2], [14.0])
chain = sample(model, NUTS(), 1000)
`,

  // Capture–recapture M0 (an ecology course): detection histories marginalised over presence with logsumexp,
  // transformed data as keyword defaults computed from the arguments.
  captureRecaptureM0: `using Turing
using LinearAlgebra
using LogExpFunctions

@model function M0_model(M, T, y;
    s = [sum(y[i, :]) for i in 1:M], # Transformed data
    C = count(x -> x > 0, s))
    omega ~ Uniform(0, 1)
    p ~ Uniform(0, 1)
    for i in 1:M
        if s[i] > 0
            Turing.@addlogprob! logpdf(Bernoulli(omega), 1)
            Turing.@addlogprob! logpdf(Binomial(T, p), s[i])
        else
            Turing.@addlogprob! logsumexp([
                logpdf(Bernoulli(omega), 1) + logpdf(Binomial(T, p), 0),
                logpdf(Bernoulli(omega), 0)]
            )
        end
    end
    omega_nd := (omega * (1 - p) ^ T) / (omega * (1 - p) ^ T + (1 - omega))
end

y = [1 0 1; 0 0 0; 0 1 0; 0 0 0; 1 1 1]
chain = sample(M0_model(5, 3, y), NUTS(), 1000)
`,

  // A Gaussian process written by hand, its distance matrix from Distances.jl and a kernel helper with a keyword.
  gpPairwise: `using Turing, Distances, LinearAlgebra

function sqexp_cov_fn(D, alpha, rho; d_is_squared=false)
    if d_is_squared
        return alpha ^ 2 * exp.(-0.5 * D/(rho^2))
    else
        return alpha ^ 2 * exp.(-0.5 * (D/rho) .^ 2)
    end
end

@model function GP(y, X, m_alpha=0.0, s_alpha=1.0, m_rho=0.0, s_rho=1.0, m_sigma=0.0, s_sigma=1.0)
    D2 = pairwise(Distances.SqEuclidean(), X, dims=1)
    alpha ~ LogNormal(m_alpha, s_alpha)
    rho ~ LogNormal(m_rho, s_rho)
    sigma ~ LogNormal(m_sigma, s_sigma)
    K = sqexp_cov_fn(D2, alpha, rho, d_is_squared=true)
    y ~ MvNormal(K + LinearAlgebra.I * sigma^2)
end

X = reshape([0.0, 0.5, 1.5, 2.0], 4, 1)
chain = sample(GP([0.1, 0.4, 1.0, 0.9], X), NUTS(), 500)
`,
};
