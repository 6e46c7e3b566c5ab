import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { lineColumn } from '../model/index.js';
import { parse } from './index.js';
import { TURING_MODELS } from './turing-models.js';

const CORPUS = Object.values(TURING_MODELS);

const TOKENS = [
  '@model', 'function', 'end', 'for', 'in', 'if', 'elseif', 'else', 'while', 'begin', 'let', 'return', 'local', 'global', 'struct',
  'module', 'using', 'do', 'where', 'x', 'y', 'σ²', 'θ̃', 'f', 'Normal', 'push!', '1', '2.5', '1e-3', '.5', '"s"', "'c'", '"', "'", '(',
  ')', '[', ']', '{', '}', ',', ';', '=', '==', '~', '.~', ':=', '.=', '+=', '+', '-', '*', '/', '^', '.+', '.^', "'", ':', '::', '?',
  '&&', '||', '<', '<=', '!', '...', '.', '$', '@.', '@addlogprob!', '@time', '->', '//', '|>', '#', '#=', '=#', '\n', ' ',
];

/** Source text and how to break it: delete a slice, insert a token, swap two slices, or duplicate a line. */
const mutation = fc.oneof(
  fc.record({ kind: fc.constant('delete' as const), at: fc.nat(), length: fc.integer({ min: 1, max: 12 }) }),
  fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), text: fc.oneof(fc.constantFrom(...TOKENS), fc.string({ maxLength: 3 })) }),
  fc.record({ kind: fc.constant('swap' as const), at: fc.nat(), other: fc.nat(), length: fc.integer({ min: 1, max: 8 }) }),
  fc.record({ kind: fc.constant('duplicate' as const), at: fc.nat() }),
);

type Mutation = typeof mutation extends fc.Arbitrary<infer M> ? M : never;

function mutate(source: string, m: Mutation): string {
  const at = source.length === 0 ? 0 : m.at % source.length;
  switch (m.kind) {
    case 'delete':
      return source.slice(0, at) + source.slice(at + m.length);
    case 'insert':
      return source.slice(0, at) + m.text + source.slice(at);
    case 'swap': {
      const other = source.length === 0 ? 0 : m.other % source.length;
      const [a, b] = at < other ? [at, other] : [other, at];
      if (a + m.length > b) return source;
      return source.slice(0, a) + source.slice(b, b + m.length) + source.slice(a + m.length, b) + source.slice(a, a + m.length) + source.slice(b + m.length);
    }
    case 'duplicate': {
      const start = source.lastIndexOf('\n', at) + 1;
      const end = source.indexOf('\n', at);
      const line = source.slice(start, end < 0 ? source.length : end + 1);
      return source.slice(0, start) + line + source.slice(start);
    }
  }
}

const mutatedModel = fc
  .tuple(fc.constantFrom(...CORPUS), fc.array(mutation, { minLength: 1, maxLength: 4 }))
  .map(([source, mutations]) => mutations.reduce(mutate, source));

const tokenSoup = fc.array(fc.constantFrom(...TOKENS), { maxLength: 60 }).map((tokens) => tokens.join(''));
const spacedSoup = fc.array(fc.constantFrom(...TOKENS), { maxLength: 60 }).map((tokens) => tokens.join(' '));

/** Every span in the tree, found by walking whatever holds one. */
function spans(node: unknown, out: { from: number; to: number }[] = []): { from: number; to: number }[] {
  if (Array.isArray(node)) node.forEach((n) => spans(n, out));
  else if (node && typeof node === 'object') {
    for (const [key, value] of Object.entries(node)) {
      if (key === 'span' || key === 'nameSpan') out.push(value as { from: number; to: number });
      else spans(value, out);
    }
  }
  return out;
}

function checkParse(source: string): void {
  const { program, diagnostics } = parse(source);
  for (const d of diagnostics) {
    expect(d.from).toBeGreaterThanOrEqual(0);
    expect(d.from).toBeLessThanOrEqual(d.to);
    expect(d.to).toBeLessThanOrEqual(source.length);
    expect(d.line).toBeGreaterThanOrEqual(1);
    expect(d.column).toBeGreaterThanOrEqual(1);
    expect({ line: d.line, column: d.column }).toEqual(lineColumn(source, d.from));
    expect(d.message).not.toBe('');
    expect(d.message).not.toMatch(/internal error/);
  }
  expect(program === undefined).toBe(diagnostics.some((d) => d.severity === 'error'));
  for (const span of spans(program)) {
    expect(span.from).toBeGreaterThanOrEqual(0);
    expect(span.from).toBeLessThanOrEqual(span.to);
    expect(span.to).toBeLessThanOrEqual(source.length);
  }
}

describe('parse on arbitrary input', () => {
  it('handles random strings', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 80 }), checkParse), { numRuns: 1000 });
  });

  it('handles token soups', () => {
    fc.assert(fc.property(fc.oneof(tokenSoup, spacedSoup), checkParse), { numRuns: 1500 });
  });

  it('handles broken versions of real models', () => {
    fc.assert(fc.property(mutatedModel, checkParse), { numRuns: 1500 });
  });

  it('handles hostile nesting', () => {
    for (const source of ['('.repeat(5000), '['.repeat(5000), '-'.repeat(5000) + 'x', 'x' + '^x'.repeat(5000), 'begin\n'.repeat(3000), '#='.repeat(2000), 'f(' + 'x -> '.repeat(2000)]) {
      checkParse(source);
      checkParse(`@model function m()\n${source}\nend`);
    }
  });
});
