import { describe, expect, it } from 'vitest';
import { IpcArgumentError, parseDirtyRequest, parseOpenKind, parseSaveRequest, parseSaveToRequest } from './index.js';

describe('IPC arguments', () => {
  it('accepts a well-formed save request', () => {
    expect(parseSaveRequest({ file: { name: 'eight_schools.tilde.json', text: '{}' }, kind: 'project' })).toEqual({ file: { name: 'eight_schools.tilde.json', text: '{}' }, kind: 'project' });
    expect(parseSaveRequest({ file: { name: 'draws.csv', text: 'a\n1\n' }, kind: 'csv' }).kind).toBe('csv');
  });

  it('refuses a save request that is not the expected shape, naming the field', () => {
    const bad: [unknown, RegExp][] = [
      [undefined, /tilde:file-save: expected an object, got undefined/],
      [[], /expected an object, got an array/],
      [{ file: { name: 'x.csv', text: 'a' }, kind: 'exe' }, /kind: expected one of project, csv, got "exe"/],
      [{ file: { name: 'x.csv', text: 42 }, kind: 'csv' }, /file\.text: expected a string, got number 42/],
      [{ file: 'x.csv', kind: 'csv' }, /file: expected an object/],
    ];
    for (const [value, message] of bad) expect(() => parseSaveRequest(value)).toThrow(message);
  });

  it('refuses proposed names that are paths, so the renderer cannot choose where a file goes', () => {
    for (const name of ['../../.bashrc', '/etc/passwd', 'C:\\Windows\\x.csv', 'dir/x.csv', '..', '', '   ', 'a\u0000b.csv', 'new\nline.csv']) {
      expect(() => parseSaveRequest({ file: { name, text: '' }, kind: 'csv' }), name).toThrow(IpcArgumentError);
    }
    expect(() => parseSaveRequest({ file: { name: 'x'.repeat(256), text: '' }, kind: 'csv' })).toThrow(/longer than 255/);
  });

  it('accepts the three kinds of file to open and nothing else', () => {
    for (const kind of ['project', 'data', 'model'] as const) expect(parseOpenKind(kind)).toBe(kind);
    for (const kind of ['csv', 'PROJECT', 1, null, { kind: 'data' }]) expect(() => parseOpenKind(kind)).toThrow(/tilde:file-open kind: expected one of project, data, model/);
  });

  it('checks a save-to request has a path and a text', () => {
    expect(parseSaveToRequest({ path: '/home/u/m.tilde.json', text: '{}' })).toEqual({ path: '/home/u/m.tilde.json', text: '{}' });
    expect(() => parseSaveToRequest({ path: '', text: '' })).toThrow(/not a file path/);
    expect(() => parseSaveToRequest({ path: '/a\u0000b', text: '' })).toThrow(/not a file path/);
    expect(() => parseSaveToRequest({ path: '/a', text: null })).toThrow(/text: expected a string, got null/);
  });

  it('checks the dirty flag and turns the title into one bounded line', () => {
    expect(parseDirtyRequest({ dirty: true, title: 'model.tilde.json' })).toEqual({ dirty: true, title: 'model.tilde.json' });
    expect(parseDirtyRequest({ dirty: false, title: ' two\nlines\u0007 ' })).toEqual({ dirty: false, title: 'two lines' });
    expect(parseDirtyRequest({ dirty: false, title: 'x'.repeat(1000) }).title).toHaveLength(200);
    expect(() => parseDirtyRequest({ dirty: 'yes', title: '' })).toThrow(/dirty: expected a boolean, got "yes"/);
    expect(() => parseDirtyRequest({ dirty: true })).toThrow(/title: expected a string, got undefined/);
  });
});
