/**
 * DynamicPPL's demo models: one posterior written in every syntactic form Turing accepts, with the
 * exact log densities DynamicPPL's test suite asserts. Every form must give the same numbers; later
 * stages (AD backends, samplers) are checked against them too.
 */
export interface DemoModel {
  name: string;
  source: string;
  data: string;
  /** Constrained values to evaluate at. */
  params: Record<string, unknown>;
  logprior: number;
  loglikelihood: number;
  logjoint: number;
  /** Unconstrained log density (variances log-transformed, log-Jacobian added). */
  logdensity: number;
}

const DATA = '{"x": [1.5, 2.0]}';

// s ~ InverseGamma(2, 3), m ~ Normal(0, √s), x[i] ~ Normal(m, √s), at s = 2, m = 1.
const SINGLE = { params: { 's²': 2, m: 1 }, logprior: -2.897729, loglikelihood: -2.843524, logjoint: -5.741253, logdensity: -5.048106 };
// The same with one (s, m) pair per observation, at s = (2, 2), m = (1, 1).
const PAIRS = { logprior: -5.795458, loglikelihood: -2.843524, logjoint: -8.638982, logdensity: -8.638982 + 2 * Math.log(2) };

function single(name: string, body: string, args = 'x'): DemoModel {
  return { name, source: `@model function ${name}(${args})\n    s² ~ InverseGamma(2, 3)\n    m ~ Normal(0, sqrt(s²))\n${body}\nend\n`, data: DATA, ...SINGLE };
}

export const demoModels: DemoModel[] = [
  single('demo_loop', '    for i in eachindex(x)\n        x[i] ~ Normal(m, sqrt(s²))\n    end'),
  single('demo_dot_observe', '    x .~ Normal(m, sqrt(s²))'),
  single('demo_mvnormal_observe', '    x ~ MvNormal(fill(m, length(x)), s² * I)'),
  single('demo_mvnormal_diagonal', '    x ~ MvNormal(fill(m, 2), Diagonal(fill(s², 2)))'),
  single('demo_literal_observe', '    1.5 ~ Normal(m, sqrt(s²))\n    2.0 ~ Normal(m, sqrt(s²))', ''),
  single('demo_literal_vector_observe', '    [1.5, 2.0] ~ MvNormal(fill(m, 2), s² * I)', ''),
  single('demo_addlogprob', '    @addlogprob! loglikelihood(MvNormal(fill(m, length(x)), s² * I), x)'),
  {
    name: 'demo_assume_index_observe',
    source: `@model function demo_assume_index_observe(x = [1.5, 2.0], ::Type{TV} = Vector{Float64}) where {TV}
    s = TV(undef, length(x))
    for i in eachindex(s)
        s[i] ~ InverseGamma(2, 3)
    end
    m = TV(undef, length(x))
    for i in eachindex(m)
        m[i] ~ Normal(0, sqrt(s[i]))
    end
    for i in eachindex(x)
        x[i] ~ Normal(m[i], sqrt(s[i]))
    end
end
`,
    data: '{}',
    params: { s: [2, 2], m: [1, 1] },
    ...PAIRS,
  },
  {
    name: 'demo_assume_dot_observe',
    source: `@model function demo_assume_dot_observe(x = [1.5, 2.0], ::Type{TV} = Vector{Float64}) where {TV}
    s = TV(undef, length(x))
    s .~ InverseGamma(2, 3)
    m = TV(undef, length(x))
    for i in eachindex(m)
        m[i] ~ Normal(0, sqrt(s[i]))
    end
    x .~ Normal.(m, sqrt.(s))
end
`,
    data: '{}',
    params: { s: [2, 2], m: [1, 1] },
    ...PAIRS,
  },
  {
    name: 'demo_assume_multivariate_observe',
    source: `@model function demo_assume_multivariate_observe(x = [1.5, 2.0])
    s ~ filldist(InverseGamma(2, 3), 2)
    m ~ MvNormal(zeros(2), Diagonal(s))
    x ~ MvNormal(m, Diagonal(s))
end
`,
    data: '{}',
    params: { s: [2, 2], m: [1, 1] },
    ...PAIRS,
  },
  {
    name: 'demo_assume_submodel_observe',
    source: `@model function prior_pairs(n)
    s ~ filldist(InverseGamma(2, 3), n)
    m ~ arraydist(Normal.(0, sqrt.(s)))
    return (s, m)
end

@model function demo_assume_submodel_observe(x)
    p ~ to_submodel(prior_pairs(length(x)), false)
    s, m = p
    for i in eachindex(x)
        x[i] ~ Normal(m[i], sqrt(s[i]))
    end
end
`,
    data: DATA,
    params: { s: [2, 2], m: [1, 1] },
    ...PAIRS,
  },
];
