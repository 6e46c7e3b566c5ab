import { isAbsolute } from 'node:path';
import { describe, expect, it } from 'vitest';
import { addRecentFile, parseRecentFiles, withoutMissing, RECENT_FILES_KEPT } from './index.js';

describe('recent files', () => {
  it('puts the newest first and keeps one entry per path', () => {
    let list: string[] = [];
    for (const path of ['/a.tilde.json', '/b.tilde.json', '/c.jl', '/a.tilde.json']) list = addRecentFile(list, path);
    expect(list).toEqual(['/a.tilde.json', '/c.jl', '/b.tilde.json']);
  });

  it(`keeps at most ${RECENT_FILES_KEPT}, dropping the oldest`, () => {
    let list: string[] = [];
    for (let i = 0; i < 15; i++) list = addRecentFile(list, `/p${i}.tilde.json`);
    expect(list).toHaveLength(10);
    expect(list[0]).toBe('/p14.tilde.json');
    expect(list.at(-1)).toBe('/p5.tilde.json');
  });

  it('drops files that no longer exist, keeping the order', () => {
    const existing = new Set(['/kept-1', '/kept-2']);
    expect(withoutMissing(['/gone', '/kept-1', '/also-gone', '/kept-2'], (p) => existing.has(p))).toEqual(['/kept-1', '/kept-2']);
  });

  it('reads a stored list, keeping absolute paths only, once each, at most the cap', () => {
    const stored = JSON.stringify(['/x.jl', 'relative.jl', 3, null, '', '/x.jl', ...Array.from({ length: 12 }, (_, i) => `/f${i}.jl`)]);
    const list = parseRecentFiles(stored, isAbsolute);
    expect(list[0]).toBe('/x.jl');
    expect(list).toHaveLength(10);
    expect(list).not.toContain('relative.jl');
    expect(new Set(list).size).toBe(list.length);
  });

  it('reads a damaged or foreign file as an empty list', () => {
    expect(parseRecentFiles('["/a.jl", ', isAbsolute)).toEqual([]);
    expect(parseRecentFiles('{"recent": ["/a.jl"]}', isAbsolute)).toEqual([]);
    expect(parseRecentFiles('', isAbsolute)).toEqual([]);
  });
});
