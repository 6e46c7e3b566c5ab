import { describe, expect, it } from 'vitest';
import { Chains } from '../chains/index.js';
import { diagnosticWarnings, ebfmi, samplerDiagnostics } from './index.js';

describe('E-BFMI', () => {
  it("is ArviZ's mean squared energy jump over the energy variance (denominator n)", () => {
    // jumps 1, 1, 1: mean 1; energies 0, 1, 2, 3: variance 1.25.
    expect(ebfmi([0, 1, 2, 3])).toBeCloseTo(1 / 1.25, 15);
    // Alternating energies jump far for their spread: 4 / 1.
    expect(ebfmi([-1, 1, -1, 1, -1])).toBeCloseTo(4 / 0.96, 14);
  });

  it('is NaN for fewer than two draws or constant energy', () => {
    expect(ebfmi([1])).toBeNaN();
    expect(ebfmi([2, 2, 2])).toBeNaN();
  });
});

describe('sampler diagnostics per chain', () => {
  const chains = new Chains({ parameters: ['m'], stats: ['is_divergent', 'tree_depth', 'hamiltonian_energy'] }, [{ maxTreeDepth: 3 }, {}]);
  // rows: m, is_divergent, tree_depth, hamiltonian_energy
  chains.append(0, { parameters: [0, 1, 2, 3], stats: [0, 2, 10, 1, 3, 11, 0, 3, 9, 1, 1, 12] });
  chains.append(1, { parameters: [0, 1, 2], stats: [0, 10, 5, 0, 9, 6, 0, 2, 5] });

  it('counts divergences and draws at the maximum tree depth, using each chain’s own maximum', () => {
    const [a, b] = samplerDiagnostics(chains);
    expect(a).toMatchObject({ chain: 0, draws: 4, divergences: 2, treeDepthHits: 2, maxTreeDepth: 3 });
    expect(b).toMatchObject({ chain: 1, draws: 3, divergences: 0, treeDepthHits: 1, maxTreeDepth: 10 });
    expect(a!.ebfmi).toBeCloseTo(ebfmi([10, 11, 9, 12]), 15);
  });

  it('reports NaN where the statistics are missing', () => {
    const bare = new Chains({ parameters: ['m'] }, 1);
    bare.append(0, { parameters: [1, 2, 3] });
    expect(samplerDiagnostics(bare)[0]).toMatchObject({ divergences: NaN, treeDepthHits: NaN, ebfmi: NaN, meanAcceptance: NaN, meanLeapfrogSteps: NaN, warmupSeconds: NaN, samplingSeconds: NaN });
  });

  it("gives each chain's mean acceptance statistic, leapfrog steps a draw and times, as Stan's sampler parameters summarise them", () => {
    const timed = new Chains({ parameters: ['m'], stats: ['acceptance_rate', 'n_steps'] }, [{ warmupSeconds: 1.5, samplingSeconds: 2 }, {}]);
    timed.append(0, { parameters: [0, 1, 2], stats: [0.9, 7, 0.6, 3, 0.75, 15] });
    timed.append(1, { parameters: [0], stats: [0.5, 1] });
    const [a, b] = samplerDiagnostics(timed);
    expect(a).toMatchObject({ warmupSeconds: 1.5, samplingSeconds: 2, meanLeapfrogSteps: 25 / 3 });
    expect(a!.meanAcceptance).toBeCloseTo(0.75, 15);
    expect(b).toMatchObject({ meanAcceptance: 0.5, meanLeapfrogSteps: 1, warmupSeconds: NaN, samplingSeconds: NaN });
  });
});

describe('a chain stuck with a vanishing step size', () => {
  // Chain 1 adapted to 7e-20 at a log density of −1.4e27 (a start far in the tails); chain 2 is healthy.
  const chains = new Chains({ parameters: ['m'], stats: ['lp', 'step_size', 'is_divergent'] }, 2);
  chains.append(0, { parameters: [5, 5], stats: [-1.4e27, 7e-20, 1, -1.4e27, 7e-20, 1] });
  chains.append(1, { parameters: [0, 1], stats: [-3, 0.4, 0, -2.5, 0.4, 0] });

  it('is reported with its step size, where it stands and what to do, before its divergences', () => {
    const sampler = samplerDiagnostics(chains);
    expect(sampler.map((s) => [s.stepSize, s.lp])).toEqual([[7e-20, -1.4e27], [0.4, -2.5]]);
    const warnings = diagnosticWarnings({ rows: [], quantileColumns: [] }, sampler, 2);
    expect(warnings.map((w) => [w.kind, w.chain])).toEqual([['stuck', 0], ['divergences', 0]]);
    // A review-score model's HMC(0.03, 7) from Stan's start: every transition rejected, where step-size adaptation cannot help.
    expect(warnings[1]!.message).toBe('chain 1: 2 of 2 transitions diverged; the chain has not moved from its start: lower a fixed step size (HMC(ϵ, n)) or use NUTS, or give initial values near the bulk (--init, or Initial values in the workbench)');
    expect(warnings[0]!.message).toBe('chain 1: step size 7.000e-20, stuck at log density -1.400e+27; it started far in the tails, where the gradient is enormous: give initial values near the bulk (--init, or Initial values in the workbench) or rescale the predictors');
  });
});

describe('a chain whose draws are all one point', () => {
  const warningsOf = (chains: Chains) => diagnosticWarnings({ rows: [], quantileColumns: [] }, samplerDiagnostics(chains), chains.nChains);

  it('is reported for an MH chain that never accepted, which R-hat cannot show with one chain', () => {
    const chains = new Chains({ parameters: ['m', 's'], stats: ['lp', 'is_accept'] }, 1);
    chains.append(0, { parameters: [0.3, 2, 0.3, 2, 0.3, 2], stats: [-9, 0, -9, 0, -9, 0] });
    const warnings = warningsOf(chains);
    expect(warnings.map((w) => [w.kind, w.chain])).toEqual([['stuck', 0]]);
    expect(warnings[0]!.message).toBe(
      'chain 1: all 3 draws are the same point; none of its 3 proposals was accepted: MH() proposes from the prior, which rarely lands where a narrow posterior is, and a random walk with too large a scale overshoots it; use a smaller proposal scale, or NUTS for continuous parameters',
    );
  });

  it('is blamed on the fixed step size when HMC rejected every trajectory (HMC(0.01, 10) from a start where the gradient is steep)', () => {
    const chains = new Chains({ parameters: ['λ₁'], stats: ['lp', 'step_size', 'is_accept', 'is_divergent'] }, 1);
    chains.append(0, { parameters: [0.22, 0.22], stats: [-5620, 0.01, 0, 0, -5620, 0.01, 0, 0] });
    expect(warningsOf(chains).map((w) => w.message)).toEqual([
      'chain 1: all 2 draws are the same point; none of its 2 trajectories was accepted: the fixed step size 0.01 is too long where the chain started (the gradient is steep there); lower it (HMC(ϵ, n)), use NUTS, which adapts it, or give initial values near the bulk (--init, or Initial values in the workbench)',
    ]);
  });

  it('is judged on all parameters together: an entry fixed by construction while the others move raises nothing', () => {
    // An LKJ Cholesky factor's L[1, 1] is 1 in every draw.
    const chains = new Chains({ parameters: ['L[1,1]', 'L[2,1]'], stats: ['lp'] }, 1);
    chains.append(0, { parameters: [1, 0.2, 1, -0.4, 1, 0.1], stats: [-1, -2, -1.5] });
    expect(samplerDiagnostics(chains)[0]!.frozen).toBe(false);
    expect(warningsOf(chains)).toEqual([]);
  });

  it('names the start when the sampler reports no acceptances (Gibbs, particle Gibbs), and stays quiet for one draw', () => {
    const chains = new Chains({ parameters: ['k'], stats: ['lp'] }, 2);
    chains.append(0, { parameters: [4, 4], stats: [-3, -3] });
    chains.append(1, { parameters: [4], stats: [-3] });
    expect(warningsOf(chains).map((w) => w.message)).toEqual(['chain 1: all 2 draws are the same point; the sampler never moved from its start: give initial values near the bulk (--init, or Initial values in the workbench) or try another sampler']);
  });
});

describe('divergences where the log density was not finite', () => {
  it('are explained by the model line the run recorded, not by the tuning', () => {
    const chains = new Chains({ parameters: ['s'], stats: ['is_divergent'] }, [{ nonFinite: { count: 150, reason: 'line 3: sqrt was called with -0.86, outside its domain (DomainError)' } }, {}]);
    chains.append(0, { parameters: [0.5, 0.5, 0.7], stats: [1, 0, 1] });
    chains.append(1, { parameters: [0.2, 0.3, 0.4], stats: [1, 0, 0] });
    const messages = diagnosticWarnings({ rows: [], quantileColumns: [] }, samplerDiagnostics(chains), 2).map((w) => w.message);
    expect(messages).toEqual([
      'chain 1: 2 of 3 transitions diverged; the log density was not finite at 150 points the sampler tried (first, line 3: sqrt was called with -0.86, outside its domain (DomainError)): give that parameter a prior with the support the model needs (a positive one for a scale) or reparameterise',
      'chain 2: 1 of 3 transitions diverged; reparameterise or raise the target acceptance rate',
    ]);
  });

  it('blame a runaway trajectory, not the prior, where a parameter reached the end of floating point (σ = e^y = ∞)', () => {
    const reason = 'line 3: the prior of `σ` at σ = ∞ had log density −∞';
    const chains = new Chains({ parameters: ['s'], stats: ['is_divergent'] }, [{ nonFinite: { count: 1, reason } }]);
    chains.append(0, { parameters: [0.5, 0.7], stats: [1, 0] });
    const [message] = diagnosticWarnings({ rows: [], quantileColumns: [] }, samplerDiagnostics(chains), 1).map((w) => w.message);
    expect(message).toBe(
      `chain 1: 1 of 2 transitions diverged; the log density was not finite at 1 point the sampler tried (first, ${reason}): \`σ\` = ∞ is inside its prior's support, so floating point ran out there, where a trajectory that ran away ends: raise the target acceptance δ for smaller steps, or reparameterise where the posterior narrows (a funnel: draw the effects non-centred)`,
    );
  });

  it('say a NaN term is floating point running out, not a support to fix', () => {
    const reason = 'line 5: the observation `y[1]` = 0.228 (Truncated) had log density NaN';
    const chains = new Chains({ parameters: ['s'], stats: ['is_divergent'] }, [{ nonFinite: { count: 1, reason } }]);
    chains.append(0, { parameters: [0.5, 0.7], stats: [1, 0] });
    const [message] = diagnosticWarnings({ rows: [], quantileColumns: [] }, samplerDiagnostics(chains), 1).map((w) => w.message);
    expect(message).toMatch(/\): NaN is 0\/0 or ∞ − ∞, floating point running out at extreme values, where a trajectory that ran away ends: raise the target acceptance δ/);
  });

  it('say to draw effects non-centred where a covariance built from parameters stopped being positive definite (posteriordb\'s hier_2pl)', () => {
    const reason = 'line 10: MvNormal: Σ must be positive definite, but its leading 2×2 minor is not positive';
    const chains = new Chains({ parameters: ['s'], stats: ['is_divergent'] }, [{ nonFinite: { count: 3, reason } }]);
    chains.append(0, { parameters: [0.5, 0.7], stats: [1, 0] });
    const [message] = diagnosticWarnings({ rows: [], quantileColumns: [] }, samplerDiagnostics(chains), 1).map((w) => w.message);
    expect(message).toBe(
      `chain 1: 1 of 2 transitions diverged; the log density was not finite at 3 points the sampler tried (first, ${reason}): a covariance built from parameters stopped being positive definite in floating point at extreme values; draw the effects non-centred instead (z ~ filldist(Normal(), d, n); x = μ .+ L * z with L the Cholesky factor of Σ)`,
    );
  });
});

describe("a variational chain's fit", () => {
  it('warns where Pareto k̂ exceeds 0.7, and says why steps were skipped', () => {
    const reason = 'line 3: sqrt was called with -0.2, outside its domain (DomainError)';
    const chains = new Chains({ parameters: ['s'], stats: ['lp'] }, [{ variational: { elbo: -3.2, paretoK: 0.93, skippedSteps: 4, reason } }, { variational: { elbo: -3.1, paretoK: 0.42, skippedSteps: 0 } }]);
    chains.append(0, { parameters: [0.5, 0.7], stats: [-1, -2] });
    chains.append(1, { parameters: [0.4, 0.6], stats: [-1, -2] });
    const diagnostics = samplerDiagnostics(chains);
    expect(diagnostics[1]!.variational).toEqual({ elbo: -3.1, paretoK: 0.42, skippedSteps: 0 });
    const warnings = diagnosticWarnings({ rows: [], quantileColumns: [] }, diagnostics, 2);
    expect(warnings.map((w) => [w.kind, w.chain])).toEqual([
      ['pareto_k', 0],
      ['skipped_steps', 0],
    ]);
    expect(warnings[0]!.message).toMatch(/^chain 1: Pareto k̂ 0\.9300 > 0\.7 of the draws' importance ratios log p − log q; the variational approximation is unreliable/);
    expect(warnings[1]!.message).toContain(`4 ADVI steps skipped, a draw's log density not finite (first, ${reason})`);
  });
});

