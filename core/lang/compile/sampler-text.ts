import { DEFAULT_ADVI_SAMPLES, DEFAULT_PARTICLES, type GibbsBlockSettings, type Sampler } from '../../run/index.js';
import { MAX_TREE_DEPTH, type MetricKind } from '../../infer/index.js';

/** Turing's name of each metric (AdvancedHMC's types), for `metricT = …`. */
export const METRIC_TYPES: Readonly<Record<MetricKind, string>> = { diagonal: 'DiagEuclideanMetric', dense: 'DenseEuclideanMetric', unit: 'UnitEuclideanMetric' };

const call = (name: string, settings: readonly (string | undefined)[]): string => `${name}(${settings.filter((s) => s !== undefined).join(', ')})`;
const setting = (name: string, value: number | string | undefined): string | undefined => (value === undefined ? undefined : `${name} = ${value}`);

function blockText(b: GibbsBlockSettings): string {
  const ad = setting('adtype', b.ad);
  const sampler = b.sampler === 'mh' ? 'MH()' : b.sampler === 'ess' ? 'ESS()' : b.sampler === 'conditional' ? `GibbsConditional(${b.conditional ?? ''})` : b.sampler === 'pg' ? `PG(${b.particles ?? DEFAULT_PARTICLES})` : b.sampler === 'nuts' ? call('NUTS', [ad]) : call('HMC', [setting('ϵ', b.stepSize), setting('n_leapfrog', b.nSteps), ad]);
  const variables = b.variables.map((v) => `:${v}`);
  return `${variables.length === 1 ? variables[0] : `(${variables.join(', ')})`} => ${sampler}`;
}

/**
 * A sampler in Turing's words with the settings it has (`NUTS(δ = 0.65)`, `HMC(ϵ = 0.05, n_leapfrog = 10)`,
 * `Gibbs(:s => MH(), :m => NUTS())`): how Tilde says what it takes from a script.
 */
export function samplerText(s: Sampler): string {
  switch (s.sampler) {
    case 'nuts':
      return call('NUTS', [
        setting('δ', s.adaptation?.targetAcceptance),
        setting('max_depth', s.maxTreeDepth === MAX_TREE_DEPTH ? undefined : s.maxTreeDepth),
        setting('Δ_max', s.maxEnergyError),
        setting('init_ϵ', s.stepSize),
        s.metric === undefined || s.metric === 'diagonal' ? undefined : setting('metricT', METRIC_TYPES[s.metric]),
      ]);
    case 'hmc':
      return call('HMC', [setting('ϵ', s.stepSize), setting('n_leapfrog', s.nSteps), s.metric === undefined || s.metric === 'unit' ? undefined : setting('metricT', METRIC_TYPES[s.metric])]);
    case 'hmcda':
      return call('HMCDA', [
        setting('δ', s.adaptation?.targetAcceptance),
        setting('λ', s.trajectoryLength),
        setting('init_ϵ', s.stepSize),
        s.metric === undefined || s.metric === 'unit' ? undefined : setting('metricT', METRIC_TYPES[s.metric]),
      ]);
    case 'mh':
      return s.proposal === 'random-walk' ? call('MH', [`random walk, σ = ${s.scale ?? 1}`]) : 'MH()';
    case 'prior':
      return 'Prior()';
    case 'ess':
      return 'ESS()';
    case 'gibbs':
      return call('Gibbs', s.blocks.map(blockText));
    case 'pg':
      return `PG(${s.particles})`;
    case 'smc':
      return 'SMC()';
    case 'is':
      return 'IS()';
    case 'advi':
      return call('ADVI', [setting('n_samples', s.samplesPerStep ?? DEFAULT_ADVI_SAMPLES), s.family === 'fullrank' ? 'q_fullrank_gaussian' : 'q_meanfield_gaussian']);
  }
}
