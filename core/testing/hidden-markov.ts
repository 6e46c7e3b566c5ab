/**
 * A two-state hidden Markov model whose first state's emission mean μ ~ Normal(0, priorSd) is unknown and the
 * second's is 1: small enough to enumerate its state paths, the states interleaved with the observations as
 * particle Gibbs meets them. Shared by the exact-answer test of PG and its simulation-based calibration.
 */
export function twoStateHmm(priorSd: number): string {
  return `@model function hmm(y)
    N = length(y)
    s = zeros(Int, N)
    μ ~ Normal(0, ${priorSd})
    s[1] ~ Categorical([0.5, 0.5])
    y[1] ~ Normal(s[1] == 1 ? μ : 1.0, 1.0)
    for t in 2:N
        s[t] ~ Categorical(s[t - 1] == 1 ? [0.8, 0.2] : [0.3, 0.7])
        y[t] ~ Normal(s[t] == 1 ? μ : 1.0, 1.0)
    end
end
`;
}
