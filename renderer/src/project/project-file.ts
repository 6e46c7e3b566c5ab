import type { Project, RunSettingsChoice } from '../../../runner/api';
import type { WorkspaceDocument } from '../document/index';
import { isSamplerKind, SAMPLER_OPTIONS } from '../document/index';

export const PROJECT_SUFFIX = '.tilde.json';

export function toProject(document: Pick<WorkspaceDocument, 'source' | 'data'> & Partial<Pick<WorkspaceDocument, 'modelName'>>, settings: RunSettingsChoice): Project {
  const { source, data, modelName } = document;
  return { format: 'tilde-project', version: 1, source, ...(modelName ? { modelName } : {}), ...(data ? { data } : {}), settings };
}

export function projectText(project: Project): string {
  return `${JSON.stringify(project, null, 2)}\n`;
}

/** The name the save dialog proposes: the file's own, else one from the model's name. */
export function suggestedProjectName(fileName: string | null, source: string): string {
  if (fileName) return fileName.endsWith(PROJECT_SUFFIX) ? fileName : `${fileName.replace(/\.(json|jl)$/i, '')}${PROJECT_SUFFIX}`;
  const model = /@model\s+function\s+([\p{L}\p{N}_!]+)/u.exec(source)?.[1];
  return `${model ?? 'untitled'}${PROJECT_SUFFIX}`;
}

/** The last segment of a path the app reports, whichever separator the platform uses. */
export function baseName(path: string): string {
  return path.split(/[\\/]/).pop() ?? path;
}

export type ParsedProject = { ok: true; project: Project } | { ok: false; message: string };

type Fields = Record<string, unknown>;

function isRecord(x: unknown): x is Fields {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}

function settingsProblem(settings: unknown): string | undefined {
  if (!isRecord(settings)) return '`settings` must be an object';
  if (typeof settings['ad'] !== 'string') return '`settings.ad` must be a backend name';
  const sampler = settings['sampler'];
  if (!isRecord(sampler) || typeof sampler['sampler'] !== 'string' || !isSamplerKind(sampler['sampler'])) return `\`settings.sampler\` must name a sampler (${SAMPLER_OPTIONS.map((o) => o.kind).join(', ')})`;
  for (const key of ['chains', 'draws', 'warmup', 'seed']) {
    if (typeof settings[key] !== 'number') return `\`settings.${key}\` must be a number`;
  }
  if (settings['init'] !== undefined && typeof settings['init'] !== 'string') return '`settings.init` must be the initial values’ JSON text';
  if (settings['quantiles'] !== undefined && typeof settings['quantiles'] !== 'string') return '`settings.quantiles` must be the summary’s quantiles as typed (percentages)';
  return undefined;
}

function projectProblem(x: unknown): string | undefined {
  if (!isRecord(x) || x['format'] !== 'tilde-project') return 'it is not a Tilde project (no "format": "tilde-project")';
  if (x['version'] !== 1) return `its version ${String(x['version'])} is not one this Tilde reads (1)`;
  if (typeof x['source'] !== 'string') return '`source` must be the model’s text';
  if (x['modelName'] !== undefined && typeof x['modelName'] !== 'string') return '`modelName` must be the name of one of the file’s models';
  const data = x['data'];
  if (data !== undefined) {
    if (!isRecord(data) || typeof data['name'] !== 'string' || typeof data['text'] !== 'string') return '`data` must have a name and a text';
    if (data['format'] !== 'json' && data['format'] !== 'csv') return '`data.format` must be json or csv';
  }
  return settingsProblem(x['settings']);
}

/** Reads a project file; a bad one gets a message naming the file and what is wrong, never an exception. */
export function parseProject(text: string, fileName: string): ParsedProject {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (e) {
    return { ok: false, message: `${fileName} is not JSON: ${(e as Error).message}` };
  }
  return validateProject(parsed, fileName);
}

export function validateProject(x: unknown, fileName: string): ParsedProject {
  const problem = projectProblem(x);
  return problem ? { ok: false, message: `${fileName} cannot be opened: ${problem}` } : { ok: true, project: x as Project };
}
