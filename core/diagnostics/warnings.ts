import type { ChainSamplerDiagnostics } from './sampler.js';
import type { SummaryTable } from './summary.js';
import { PARETO_K_BAD } from './loo.js';

/** Thresholds of Vehtari et al. (2021) and of Stan's and ArviZ's sampler checks. */
export const RHAT_MAX = 1.01;
export const ESS_PER_CHAIN_MIN = 100;
export const EBFMI_MIN = 0.3;
/** Below this fraction of its particles distinct (or effective at the end), a particle run's draws are mostly copies of a few. */
export const PARTICLES_USABLE_MIN = 0.1;
/**
 * A step size below this cannot move a chain on any sensible scale: it adapted to a start far in the
 * tails (Stan's uniform(−2, 2) inits with unscaled predictors: exp(0.5 · 450) in a Poisson rate), where
 * the gradient is astronomical, and every transition after diverges where it stands.
 */
export const STUCK_STEP_SIZE = 1e-8;

export type WarningKind = 'rhat' | 'ess_bulk' | 'ess_tail' | 'ess_capped' | 'non_finite' | 'divergences' | 'ebfmi' | 'tree_depth' | 'stuck' | 'pareto_k' | 'skipped_steps' | 'particles';

/** A reason to doubt the draws, as data: what, where (a parameter or a 0-based chain), how bad. */
export interface DiagnosticWarning {
  readonly kind: WarningKind;
  readonly parameter?: string;
  readonly chain?: number;
  readonly value: number;
  readonly threshold: number;
  readonly message: string;
}

function fmt(x: number): string {
  return Number.isInteger(x) ? String(x) : x.toPrecision(4);
}

/**
 * Divergences where the log density was not finite come from the model, not the tuning: a parameter reached
 * values its statements cannot take (a scale below 0, the square root of a negative number, a rate that overflows).
 */
function nonFiniteAdvice(f: { count: number; reason: string }): string {
  const where = `the log density was not finite at ${f.count} point${f.count === 1 ? '' : 's'} the sampler tried (first, ${f.reason})`;
  // A covariance built from parameters (Σ = L Lᵀ of scales and a Cholesky factor) has the right support and
  // still fails in floating point at extreme scales: a prior cannot help there, a non-centred form can.
  if (/positive definite/.test(f.reason)) {
    return `${where}: a covariance built from parameters stopped being positive definite in floating point at extreme values; draw the effects non-centred instead (z ~ filldist(Normal(), d, n); x = μ .+ L * z with L the Cholesky factor of Σ)`;
  }
  // A prior not finite inside its own support (σ = e^y = ∞), or a term that is NaN (0/0, ∞ − ∞), is floating point
  // running out where a trajectory ran far away, whatever the priors' supports.
  const runaway = 'where a trajectory that ran away ends: raise the target acceptance δ for smaller steps, or reparameterise where the posterior narrows (a funnel: draw the effects non-centred)';
  const edge = /the prior of `[^`]+` at (\S+) = (\S+) had/.exec(f.reason);
  if (edge) return `${where}: \`${edge[1]}\` = ${edge[2]} is inside its prior's support, so floating point ran out there, ${runaway}`;
  if (/had log density NaN$/.test(f.reason)) return `${where}: NaN is 0/0 or ∞ − ∞, floating point running out at extreme values, ${runaway}`;
  return `${where}: give that parameter a prior with the support the model needs (a positive one for a scale) or reparameterise`;
}

/**
 * Warnings of a summary and the sampler checks: draws that are not finite, R̂ above 1.01, bulk or tail ESS below 100 per chain,
 * a bulk ESS at posterior's cap, a chain stuck with a vanishing step size or whose draws are all one point, any divergence, E-BFMI
 * below 0.3, draws that hit the maximum tree depth. A NaN diagnostic raises none.
 */
export function diagnosticWarnings(table: SummaryTable, sampler: readonly ChainSamplerDiagnostics[], nChains: number): DiagnosticWarning[] {
  const out: DiagnosticWarning[] = [];
  const essMin = ESS_PER_CHAIN_MIN * Math.max(1, nChains);
  for (const row of table.rows) {
    const p = row.parameter;
    // NaN or infinite draws leave the moments and some diagnostics NA (as posterior gives them), which raise nothing below.
    if (!Number.isFinite(row.mean)) {
      const advice = 'its moments and some diagnostics are not defined (NA); look for a quantity computed outside its domain (the log of a negative number, 0/0) or one that overflows';
      out.push({ kind: 'non_finite', parameter: p, value: row.mean, threshold: 0, message: `${p}: draws that are not finite (mean ${row.mean}); ${advice}` });
    }
    if (row.rhat > RHAT_MAX) {
      out.push({ kind: 'rhat', parameter: p, value: row.rhat, threshold: RHAT_MAX, message: `${p}: R-hat ${fmt(row.rhat)} > ${RHAT_MAX}; the chains have not mixed` });
    }
    for (const kind of ['ess_bulk', 'ess_tail'] as const) {
      const ess = row[kind];
      if (ess < essMin) {
        const what = kind === 'ess_bulk' ? 'bulk' : 'tail';
        out.push({ kind, parameter: p, value: ess, threshold: essMin, message: `${p}: ${what} ESS ${fmt(ess)} < ${essMin}; run longer chains` });
      }
    }
    if (row.bulkEssCapped) {
      const advice = 'the draws are antithetic (negatively autocorrelated, as NUTS often makes them on a near-normal posterior), where an estimate above that is unstable; nothing needs doing';
      out.push({ kind: 'ess_capped', parameter: p, value: row.ess_bulk, threshold: row.ess_bulk, message: `${p}: bulk ESS capped at S·log10(S) = ${fmt(Math.round(row.ess_bulk))}, as posterior caps it; ${advice}` });
    }
  }
  for (const s of sampler) {
    const chain = s.chain;
    const label = `chain ${chain + 1}`;
    if (s.stepSize < STUCK_STEP_SIZE) {
      const where = Number.isFinite(s.lp) ? `, stuck at log density ${s.lp.toPrecision(4)}` : '';
      const advice = 'it started far in the tails, where the gradient is enormous: give initial values near the bulk (--init, or Initial values in the workbench) or rescale the predictors';
      out.push({ kind: 'stuck', chain, value: s.stepSize, threshold: STUCK_STEP_SIZE, message: `${label}: step size ${s.stepSize.toPrecision(4)}${where}; ${advice}` });
    }
    // With one chain nothing else would say it (R-hat of constant draws is NA); a vanishing step size or every
    // transition diverging is said below and above, with its cause.
    // A particle run whose draws are one particle's copies did not start anywhere: its own warning below says why.
    if (s.frozen && s.particles === undefined && s.divergences !== s.draws && !(s.stepSize < STUCK_STEP_SIZE)) {
      // HMC reports a step size and MH does not: a fixed step too long for where the chain started rejects every trajectory.
      const advice =
        s.accepted !== 0
          ? 'the sampler never moved from its start: give initial values near the bulk (--init, or Initial values in the workbench) or try another sampler'
          : Number.isFinite(s.stepSize)
            ? `none of its ${s.draws} trajectories was accepted: the fixed step size ${s.stepSize} is too long where the chain started (the gradient is steep there); lower it (HMC(ϵ, n)), use NUTS, which adapts it, or give initial values near the bulk (--init, or Initial values in the workbench)`
            : `none of its ${s.draws} proposals was accepted: MH() proposes from the prior, which rarely lands where a narrow posterior is, and a random walk with too large a scale overshoots it; use a smaller proposal scale, or NUTS for continuous parameters`;
      out.push({ kind: 'stuck', chain, value: s.draws, threshold: 1, message: `${label}: all ${s.draws} draws are the same point; ${advice}` });
    }
    if (s.divergences > 0) {
      // Every transition rejected: the chain never left its start, which no reparameterisation explains (HMC(0.03, 7) from a start in the tails).
      const advice =
        s.divergences === s.draws
          ? 'the chain has not moved from its start: lower a fixed step size (HMC(ϵ, n)) or use NUTS, or give initial values near the bulk (--init, or Initial values in the workbench)'
          : s.nonFinite
            ? nonFiniteAdvice(s.nonFinite)
            : 'reparameterise or raise the target acceptance rate';
      out.push({ kind: 'divergences', chain, value: s.divergences, threshold: 0, message: `${label}: ${s.divergences} of ${s.draws} transitions diverged; ${advice}` });
    }
    if (s.ebfmi < EBFMI_MIN) {
      out.push({ kind: 'ebfmi', chain, value: s.ebfmi, threshold: EBFMI_MIN, message: `${label}: E-BFMI ${fmt(s.ebfmi)} < ${EBFMI_MIN}; the sampler explores the energy poorly` });
    }
    const fit = s.variational;
    if (fit && fit.paretoK > PARETO_K_BAD) {
      const advice = 'the variational approximation is unreliable as a stand-in for the posterior (Yao et al. 2018): try the full-rank family, more optimisation steps, or NUTS';
      out.push({ kind: 'pareto_k', chain, value: fit.paretoK, threshold: PARETO_K_BAD, message: `${label}: Pareto k̂ ${fmt(fit.paretoK)} > ${PARETO_K_BAD} of the draws' importance ratios log p − log q; ${advice}` });
    }
    const particles = s.particles;
    const usable = particles ? Math.min(particles.effectiveParticles, particles.distinctDraws) : Infinity;
    if (particles && usable < PARTICLES_USABLE_MIN * particles.particles) {
      const advice =
        particles.method === 'is'
          ? 'the posterior is far from the prior IS draws from: use SMC, which resamples as the data come, or NUTS'
          : 'each resampling copies particles and nothing moves a variable once drawn: use more particles, or NUTS (PG within Gibbs for discrete variables)';
      const counts = `${particles.distinctDraws} distinct draws among ${particles.particles} particles, ${fmt(particles.effectiveParticles)} effective at the end`;
      out.push({ kind: 'particles', chain, value: usable, threshold: PARTICLES_USABLE_MIN * particles.particles, message: `${label}: ${counts}, so its ESS and R-hat count copies; ${advice}` });
    }
    if (fit && (fit.skippedSteps > 0 || (fit.redrawn ?? 0) > 0)) {
      const why = fit.reason ? ` (first, ${fit.reason})` : '';
      const redrawn = fit.redrawn ? `${fit.skippedSteps > 0 ? ' and' : ''} ${fit.redrawn} draw${fit.redrawn === 1 ? '' : 's'} drawn again` : '';
      const what = `${fit.skippedSteps > 0 ? `${fit.skippedSteps} ADVI steps skipped` : ''}${redrawn}`.trim();
      out.push({ kind: 'skipped_steps', chain, value: fit.skippedSteps, threshold: 0, message: `${label}: ${what}, a draw's log density not finite${why}; give that parameter a prior with the support the model needs, or initial values near the bulk` });
    }
    if (s.treeDepthHits > 0) {
      out.push({ kind: 'tree_depth', chain, value: s.treeDepthHits, threshold: s.maxTreeDepth, message: `${label}: ${s.treeDepthHits} of ${s.draws} transitions hit the maximum tree depth ${s.maxTreeDepth}` });
    }
  }
  return out;
}
