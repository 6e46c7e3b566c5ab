import { autoBackend, resolveBackend, verifiedCompiledGradient, type BackendName, type BackendOptions, type GradientFunction } from '../ad/index.js';
import { lineColumn } from './diagnostic.js';
import type { BoundModel } from './logdensity.js';

export interface AutoChoice {
  label: string;
  name: BackendName;
  options: BackendOptions;
  reason: string;
  /** The checked compiled gradient, when that is the choice: recorded once, for every chain to replay. */
  gradient?: GradientFunction;
}

export const COMPILED_LABEL = 'reversediff (compiled)';

const chosen = new WeakMap<BoundModel, AutoChoice>();

function ruleOfThumb(dimension: number, why: string): AutoChoice {
  const rule = autoBackend(dimension);
  return { label: rule, name: rule, options: {}, reason: `rule of thumb: ${rule} for ${dimension} parameter${dimension === 1 ? '' : 's'} (forward mode up to about 20, reverse beyond)${why}` };
}

/**
 * What `auto` differentiates this model with. A compiled tape replays the model's arithmetic without
 * interpreting it again, which made gradients 5–60× faster than any other backend on every model surveyed,
 * so it is the choice wherever it stands for the model (see `verifiedCompiledGradient`); elsewhere Turing's
 * rule of thumb. The choice depends on the model and its data alone, never on a timing, so that a seed
 * gives the same draws on any machine and in every chain's process. Computed once per bound model.
 */
export function autoChoice(bound: BoundModel): AutoChoice {
  const known = chosen.get(bound);
  if (known) return known;
  let choice: AutoChoice;
  const discrete = bound.variables.find((v) => v.discrete);
  if (discrete) choice = ruleOfThumb(bound.dimension, `; \`${discrete.name}\` is discrete, so no single tape stands for the model`);
  else if (bound.dimension === 0) choice = ruleOfThumb(0, '');
  else {
    const tape = verifiedCompiledGradient((theta) => bound.logdensity(theta), bound.dimension);
    choice = tape.ok
      ? {
          label: COMPILED_LABEL,
          name: 'reversediff',
          options: { compile: true },
          reason: `the model's tape stands for it (recorded once, its replays agree with fresh recordings at ${tape.points} points), and replaying it skips interpreting the model at every gradient`,
          gradient: tape.gradient,
        }
      : ruleOfThumb(bound.dimension, `; no compiled tape: ${tape.span ? placed(bound.model.source, tape.span) : ''}${tape.reason}`);
  }
  chosen.set(bound, choice);
  return choice;
}

/** "at line 4 (`x > 0`), ": where the interpreter met what refused the tape. */
function placed(source: string, span: { from: number; to: number }): string {
  const text = source.slice(span.from, span.to);
  return `at line ${lineColumn(source, span.from).line}${text.includes('\n') || text.length > 60 ? '' : ` (\`${text}\`)`}, `;
}

type NamedBackend = { label: string; name: BackendName; options: BackendOptions; gradient?: undefined };

/**
 * A backend as the user names it (`resolveBackend`'s syntax), `auto` by the rule of thumb alone: for a
 * target no one tape stands for (Gibbs holds the discrete coordinates at changing values).
 */
export function ruleBackendFor(text: string | undefined, dimension: number): NamedBackend {
  const { name, options } = resolveBackend(text ?? 'auto', dimension);
  return { name, options, label: options.compile ? COMPILED_LABEL : name };
}

/** A backend as the user names it, with `auto` resolved for this model by `autoChoice`. */
export function backendFor(bound: BoundModel, text: string | undefined): AutoChoice | NamedBackend {
  if ((text ?? 'auto').trim().toLowerCase() === 'auto') return autoChoice(bound);
  return ruleBackendFor(text, bound.dimension);
}
