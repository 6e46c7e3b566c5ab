import type { ChainInfo } from '../info.js';
import { fromStanMetric } from '../names.js';
import { parseNumber } from './number.js';

/** What a CmdStan CSV's comments say of its chain. */
export interface StanComments {
  readonly info: ChainInfo;
  /** Base names of the generated quantities (Tilde writes them; CmdStan does not). */
  readonly generated: readonly string[];
  /**
   * Rows at the top of the draws that are warm-up: ⌈num_warmup / thin⌉ where CmdStan ran with
   * save_warmup, else 0. cmdstanr's summary and stansummary leave them out, and so does a summary here.
   */
  readonly warmupRows: number;
}

/** Keys that describe the file's own layout, written again on export, so no setting of the run. */
const STRUCTURAL = new Set(['method', 'num_samples', 'save_warmup', 'algorithm', 'engine', 'id']);

function settingValue(text: string): string | number | boolean {
  if (text === 'true' || text === 'false') return text === 'true';
  return parseNumber(text) ?? text;
}

function numberSetting(settings: Map<string, string | number | boolean>, key: string): number | undefined {
  const v = settings.get(key);
  settings.delete(key);
  return typeof v === 'number' ? v : undefined;
}

function stringSetting(settings: Map<string, string | number | boolean>, key: string): string | undefined {
  const v = settings.get(key);
  settings.delete(key);
  return v === undefined ? undefined : String(v);
}

function metricSetting(settings: Map<string, string | number | boolean>): ChainInfo['metric'] {
  const metric = fromStanMetric(String(settings.get('metric')));
  if (metric !== undefined) settings.delete('metric');
  return metric;
}

/**
 * Reads `# key = value` settings (CmdStan's nesting flattened, `(Default)` dropped) and the
 * `Elapsed Time` lines into a chain's information.
 */
export function readStanComments(comments: readonly string[]): StanComments {
  const settings = new Map<string, string | number | boolean>();
  let warmupSeconds: number | undefined;
  let samplingSeconds: number | undefined;
  let saveWarmup: string | number | boolean = false;
  for (const raw of comments) {
    const text = raw.replace(/^#\s*/, '').replace(/\s*\(Default\)\s*$/, '').trim();
    const time = /^(?:Elapsed Time:\s*)?(\S+) seconds \((Warm-up|Sampling)\)$/.exec(text);
    if (time) {
      const v = parseNumber(time[1]!);
      if (time[2] === 'Warm-up') warmupSeconds = v;
      else samplingSeconds = v;
      continue;
    }
    const eq = text.indexOf('=');
    if (eq <= 0) continue;
    const key = text.slice(0, eq).trim();
    const value = text.slice(eq + 1).trim();
    if (key === 'save_warmup') saveWarmup = settingValue(value);
    if (value === '' || STRUCTURAL.has(key)) continue;
    settings.set(key, settingValue(value));
  }
  const generated = stringSetting(settings, 'generated_quantities')?.split(',') ?? [];
  const info: ChainInfo = {
    seed: numberSetting(settings, 'seed'),
    sampler: stringSetting(settings, 'sampler'),
    adBackend: stringSetting(settings, 'ad_backend'),
    warmup: numberSetting(settings, 'num_warmup'),
    thin: numberSetting(settings, 'thin'),
    maxTreeDepth: numberSetting(settings, 'max_depth'),
    metric: metricSetting(settings),
    warmupSeconds,
    samplingSeconds,
    settings: settings.size > 0 ? Object.fromEntries(settings) : undefined,
  };
  // Unknown fields stay absent rather than present and undefined, so infos compare equal after a round trip.
  for (const key of Object.keys(info) as (keyof ChainInfo)[]) if (info[key] === undefined) delete info[key];
  const warmupRows = saveWarmup === true || saveWarmup === 1 ? Math.ceil((info.warmup ?? 0) / (info.thin ?? 1)) : 0;
  return { info, generated, warmupRows };
}
