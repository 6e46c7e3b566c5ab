import { describe, expect, it } from 'vitest';
import { lex } from './lexer.js';

const kinds = (source: string) => lex(source).tokens.map((t) => `${t.kind}:${t.dotted ? '.' : ''}${t.text}`);

describe('lex', () => {
  it('reads names with Unicode letters, sub/superscripts, combining marks and `!`', () => {
    expect(kinds('s² x₁ θ̃ x̄ push! σ′')).toEqual(['ident:s²', 'ident:x₁', 'ident:θ̃', 'ident:x̄', 'ident:push!', 'ident:σ′', 'eof:']);
  });

  it('splits `x!=y` into a comparison and folds the micro sign into μ', () => {
    expect(kinds('x!=y µ')).toEqual(['ident:x', 'op:!=', 'ident:y', 'ident:μ', 'eof:']);
  });

  it('reads numbers and leaves juxtaposed names alone', () => {
    expect(kinds('1_000 2. .5 1e-3 2x 0x1F 2.5σ 1:n')).toEqual([
      'number:1_000', 'number:2.', 'number:.5', 'number:1e-3', 'number:2', 'ident:x', 'number:0x1F', 'number:2.5', 'ident:σ',
      'number:1', 'op::', 'ident:n', 'eof:',
    ]);
  });

  it('tells the adjoint from a character literal', () => {
    expect(kinds("β' x'' (a)' 'U' f('L')")).toEqual([
      'ident:β', "op:'", 'ident:x', "op:'", "op:'", 'punct:(', 'ident:a', 'punct:)', "op:'", 'char:U', 'ident:f', 'punct:(', 'char:L', 'punct:)', 'eof:',
    ]);
  });

  it('reads dotted operators, splats and broadcast calls', () => {
    expect(kinds('a .+= b .~ c.^2 f.(x) xs... 2.*x')).toEqual([
      'ident:a', 'op:.+=', 'ident:b', 'op:.~', 'ident:c', 'op:.^', 'number:2', 'ident:f', 'punct:.', 'punct:(', 'ident:x', 'punct:)',
      'ident:xs', 'op:...', 'number:2', 'op:.*', 'ident:x', 'eof:',
    ]);
  });

  it('reads macros, keywords and word operators', () => {
    expect(kinds('@model function f() end @addlogprob! @. @__dot__ x in y isa Real')).toEqual([
      'macro:model', 'keyword:function', 'ident:f', 'punct:(', 'punct:)', 'keyword:end', 'macro:addlogprob!', 'macro:.', 'macro:.', 'ident:x',
      'op:in', 'ident:y', 'op:isa', 'ident:Real', 'eof:',
    ]);
  });

  it('skips line and nested block comments', () => {
    expect(kinds('a # c\n#= x #= y =# z =# b')).toEqual(['ident:a', 'newline:\n', 'ident:b', 'eof:']);
  });

  it('decodes strings with escapes, triple-quoted strings and the Unicode minus', () => {
    const { tokens } = lex('"a\\n\\"b\\u03b1" """x"y""" a − b');
    expect(tokens.map((t) => t.text)).toEqual(['a\n"bα', 'x"y', 'a', '-', 'b', '']);
  });

  it('reads a non-standard string literal (`L"\\phi"`, `r"…"`) as written: no escapes but `\\"`, no interpolation', () => {
    const { tokens, diagnostics } = lex('L"\\phi" r"%$" raw"a\\"b" s"\\n"');
    expect(diagnostics).toEqual([]);
    expect(tokens.filter((t) => t.kind === 'string').map((t) => t.text)).toEqual(['\\phi', '%$', 'a"b', '\\n']);
  });

  it('marks whitespace and line starts', () => {
    const { tokens } = lex('[a -b]\n  c');
    expect(tokens.map((t) => [t.text, t.spaceBefore, t.lineStart])).toEqual([
      ['[', true, true], ['a', false, false], ['-', true, false], ['b', false, false], [']', false, false], ['\n', false, false], ['c', true, true], ['', false, false],
    ]);
  });

  it('reports unterminated strings and comments, bad characters and typographic quotes', () => {
    const messages = (source: string) => lex(source).diagnostics.map((d) => [d.message, d.line, d.column]);
    expect(messages('x = 1\ny = "abc\nz = 2')).toEqual([['unterminated string literal', 2, 5]]);
    expect(messages('a #= b')).toEqual([['unterminated comment: `#=` has no matching `=#`', 1, 3]]);
    expect(messages('a ⊗ b')).toEqual([['unexpected character `⊗`', 1, 3]]);
    expect(messages('print(“hi”)')).toEqual([['typographic quote `“`: use a straight `"` or `\'`', 1, 7], ['typographic quote `”`: use a straight `"` or `\'`', 1, 10]]);
    expect(messages("c = 'ab'")).toEqual([['a character literal holds one character: use a string `"…"` for text', 1, 5]]);
  });

  it('resumes after an unterminated string on the next line', () => {
    const { tokens } = lex('f("abc\nz');
    expect(tokens.map((t) => t.kind)).toEqual(['ident', 'punct', 'invalid', 'newline', 'ident', 'eof']);
  });
});
