import type { DiagnosticWarning, WarningKind } from '../../../core/diagnostics/index';

/** One line of the warnings list: a chain's or a parameter's problems together. */
export interface WarningLine {
  /** `chain 2` or the parameter's name, as core's messages begin. */
  subject: string;
  kinds: WarningKind[];
  /** What is wrong, e.g. `R-hat 1.050 > 1.01`. */
  problems: string[];
  /** What to do or what it means, each said once. */
  advice: string[];
  /** A problem that makes the draws wrong rather than merely too few. */
  severe: boolean;
}

const SEVERE: ReadonlySet<WarningKind> = new Set(['rhat', 'non_finite', 'divergences', 'ebfmi', 'stuck', 'pareto_k']);

/** Core's message is `subject: problem; advice`: the subject goes to the line's start, the advice to its end. */
function parts(message: string, subject: string): { problem: string; advice: string | null } {
  const body = message.startsWith(`${subject}: `) ? message.slice(subject.length + 2) : message;
  const split = body.indexOf('; ');
  return split < 0 ? { problem: body, advice: null } : { problem: body.slice(0, split), advice: body.slice(split + 2) };
}

/** Names listed on the line that gathers the parameters whose bulk ESS is at posterior's cap. */
const CAPPED_NAMED = 3;

/**
 * One line, last, for every parameter whose bulk ESS is at posterior's cap: a bound, not a problem, which a
 * near-normal posterior gives every parameter, so that it never pushes a problem out of the folded list.
 */
function cappedLine(capped: readonly DiagnosticWarning[]): WarningLine {
  const names = capped.map((w) => w.parameter ?? '');
  const subject = names.length <= CAPPED_NAMED + 1 ? names.join(', ') : `${names.slice(0, CAPPED_NAMED).join(', ')} and ${names.length - CAPPED_NAMED} more`;
  const { problem, advice } = parts(capped[0]!.message, names[0]!);
  return { subject, kinds: ['ess_capped'], problems: [problem], advice: advice === null ? [] : [advice], severe: false };
}

/**
 * The engine's warnings as a reader takes them in: the sampler's (per chain) first, since they call every
 * parameter into question, then one line per parameter, each in the engine's order, then the capped ESS.
 */
export function warningLines(warnings: readonly DiagnosticWarning[]): WarningLine[] {
  const lines = new Map<string, WarningLine>();
  const capped = warnings.filter((w) => w.kind === 'ess_capped');
  const rest = warnings.filter((w) => w.kind !== 'ess_capped');
  const ordered = [...rest.filter((w) => w.chain !== undefined), ...rest.filter((w) => w.chain === undefined)];
  for (const w of ordered) {
    const subject = w.chain !== undefined ? `chain ${w.chain + 1}` : (w.parameter ?? '');
    const key = w.chain !== undefined ? `chain:${w.chain}` : `parameter:${subject}`;
    const line = lines.get(key) ?? { subject, kinds: [], problems: [], advice: [], severe: false };
    const { problem, advice } = parts(w.message, subject);
    line.kinds.push(w.kind);
    line.problems.push(problem);
    if (advice !== null && !line.advice.includes(advice)) line.advice.push(advice);
    line.severe ||= SEVERE.has(w.kind);
    lines.set(key, line);
  }
  return capped.length === 0 ? [...lines.values()] : [...lines.values(), cappedLine(capped)];
}

/** The line's two parts: `θ: R-hat 1.050 > 1.01, bulk ESS 80 < 400` and ` — the chains have not mixed; run longer chains`. */
export function warningText(line: WarningLine): { problems: string; advice: string } {
  return { problems: `${line.subject}: ${line.problems.join(', ')}`, advice: line.advice.length > 0 ? ` — ${line.advice.join('; ')}` : '' };
}
