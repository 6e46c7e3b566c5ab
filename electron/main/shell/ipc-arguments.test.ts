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
      [{ file: { name: 'x.csv', text: 'a' }, kind: 'exe' }, /kind: expected one of project, csv, svg, png, got "exe"/],
      [{ file: { name: 'x.csv', text: 42 }, kind: 'csv' }, /file\.text: expected a string, got number 42/],
      [{ file: 'x.csv', kind: 'csv' }, /file: expected an object/],
    ];
    for (const [value, message] of bad) expect(() => parseSaveRequest(value)).toThrow(message);
  });

  it('takes a PNG as base64 and hands on its bytes; an SVG is text', () => {
    const png = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0xff]);
    const request = parseSaveRequest({ file: { name: 'trace-mu.png', base64: Buffer.from(png).toString('base64') }, kind: 'png' });
    expect(request.kind).toBe('png');
    expect(request.file.name).toBe('trace-mu.png');
    expect('bytes' in request.file && new Uint8Array(request.file.bytes)).toEqual(png);
    expect(parseSaveRequest({ file: { name: 'trace-mu.svg', text: '<svg/>' }, kind: 'svg' })).toEqual({ file: { name: 'trace-mu.svg', text: '<svg/>' }, kind: 'svg' });
  });

  it('refuses a PNG that is not base64 or not a PNG, and binary content for a text kind', () => {
    const bad: [unknown, RegExp][] = [
      [{ file: { name: 'a.png', text: 'x' }, kind: 'png' }, /file\.base64: expected a string, got undefined/],
      [{ file: { name: 'a.png', base64: 'iVBORw0KGgo!' }, kind: 'png' }, /file\.base64: not base64/],
      [{ file: { name: 'a.png', base64: 'iVBORw0KGg' }, kind: 'png' }, /file\.base64: not base64/],
      [{ file: { name: 'a.png', base64: Buffer.from('GIF89a..').toString('base64') }, kind: 'png' }, /file\.base64: not a PNG image/],
      [{ file: { name: 'a.png', base64: [137, 80] }, kind: 'png' }, /file\.base64: expected a string, got an array/],
      [{ file: { name: 'a.svg', base64: 'PHN2Zy8+' }, kind: 'svg' }, /file\.text: expected a string, got undefined/],
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
