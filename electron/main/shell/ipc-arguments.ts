import type { ExportFile, SaveKind } from '../../../runner/api.js';

/** An IPC call the main process refuses: the renderer's promise rejects with this message. */
export class IpcArgumentError extends Error {
  override readonly name = 'IpcArgumentError';
}

export type { SaveKind };
export type OpenKind = 'project' | 'data' | 'model';

/** Far above any model, data set or draws file the app writes; a bound so a runaway call cannot exhaust memory or disk. */
const MAX_TEXT_LENGTH = 256 * 1024 * 1024;
const MAX_NAME_LENGTH = 255;
const MAX_TITLE_LENGTH = 200;
const MAX_PATH_LENGTH = 4096;

function record(value: unknown, what: string): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new IpcArgumentError(`${what}: expected an object, got ${describe(value)}`);
  return value as Record<string, unknown>;
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'string') return value.length <= 40 ? JSON.stringify(value) : `a string of ${value.length} characters`;
  return typeof value === 'object' ? 'an object' : `${typeof value} ${String(value)}`;
}

function text(value: unknown, what: string, max: number): string {
  if (typeof value !== 'string') throw new IpcArgumentError(`${what}: expected a string, got ${describe(value)}`);
  if (value.length > max) throw new IpcArgumentError(`${what}: longer than ${max} characters`);
  return value;
}

function oneOf<T extends string>(value: unknown, allowed: readonly T[], what: string): T {
  if (!allowed.includes(value as T)) throw new IpcArgumentError(`${what}: expected one of ${allowed.join(', ')}, got ${describe(value)}`);
  return value as T;
}

/**
 * A file name proposed by the renderer for a save dialog: a bare name, never a path, so that the
 * dialog opens where the user last saved and the renderer cannot steer a write elsewhere.
 */
function fileName(value: unknown, what = 'file name'): string {
  const name = text(value, what, MAX_NAME_LENGTH).trim();
  if (name === '' || name === '.' || name === '..' || /[/\\\u0000-\u001f]/.test(name)) throw new IpcArgumentError(`${what}: "${name}" is not a plain file name`);
  return name;
}

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

/** A PNG's bytes from base64: refused unless the text is base64 and its bytes begin as a PNG does, so a `.png` holds an image. */
function pngBytes(value: unknown, what: string): Uint8Array {
  const base64 = text(value, what, MAX_TEXT_LENGTH);
  if (base64.length % 4 !== 0 || !/^[A-Za-z0-9+/]*={0,2}$/.test(base64)) throw new IpcArgumentError(`${what}: not base64`);
  const bytes = Buffer.from(base64, 'base64');
  if (!PNG_SIGNATURE.every((b, i) => bytes[i] === b)) throw new IpcArgumentError(`${what}: not a PNG image`);
  return bytes;
}

/** What a save writes: text, or the bytes of a PNG. */
export type SaveRequest = { file: ExportFile; kind: Exclude<SaveKind, 'png'> } | { file: { name: string; bytes: Uint8Array }; kind: 'png' };

/** `tilde:file-save`: `{file: {name, text}, kind}`, or `{file: {name, base64}, kind: 'png'}`. */
export function parseSaveRequest(value: unknown): SaveRequest {
  const request = record(value, 'tilde:file-save');
  const file = record(request['file'], 'tilde:file-save file');
  const name = fileName(file['name'], 'tilde:file-save file.name');
  const kind = oneOf(request['kind'], ['project', 'csv', 'svg', 'png'], 'tilde:file-save kind');
  if (kind === 'png') return { file: { name, bytes: pngBytes(file['base64'], 'tilde:file-save file.base64') }, kind };
  return { file: { name, text: text(file['text'], 'tilde:file-save file.text', MAX_TEXT_LENGTH) }, kind };
}

/** `tilde:file-open`: the kind of file to pick. */
export function parseOpenKind(value: unknown): OpenKind {
  return oneOf(value, ['project', 'data', 'model'], 'tilde:file-open kind');
}

/** `tilde:file-save-to`: `{path, text}`; whether the path may be written is the window's decision. */
export function parseSaveToRequest(value: unknown): { path: string; text: string } {
  const request = record(value, 'tilde:file-save-to');
  const path = text(request['path'], 'tilde:file-save-to path', MAX_PATH_LENGTH);
  if (path === '' || path.includes('\u0000')) throw new IpcArgumentError('tilde:file-save-to path: not a file path');
  return { path, text: text(request['text'], 'tilde:file-save-to text', MAX_TEXT_LENGTH) };
}

/** `tilde:set-dirty`: `{dirty, title}`; the title loses control characters and is bounded. */
export function parseDirtyRequest(value: unknown): { dirty: boolean; title: string } {
  const request = record(value, 'tilde:set-dirty');
  const dirty = request['dirty'];
  if (typeof dirty !== 'boolean') throw new IpcArgumentError(`tilde:set-dirty dirty: expected a boolean, got ${describe(dirty)}`);
  const title = text(request['title'], 'tilde:set-dirty title', 10_000).replace(/[\u0000-\u001f\u007f]/g, ' ').trim().slice(0, MAX_TITLE_LENGTH);
  return { dirty, title };
}
