/**
 * What is wrong with data that is not valid JSON, with its line and column in the data: the parser's own message
 * gives an offset at best, and for `NaN` (what Python's json.dumps writes for a missing value) only the token.
 */
export function jsonSyntaxProblem(text: string, error: Error): string {
  // Strings blanked out, so that a key or a value that spells NaN is not mistaken for one.
  const outside = text.replace(/"(?:[^"\\]|\\.)*"/g, (s) => ' '.repeat(s.length));
  // Pasted through a word processor or a chat, `"` becomes `“`.
  const curly = /[“”‘’]/.exec(outside);
  if (curly) return `the data is not valid JSON: \`${curly[0]}\` at ${place(text, curly.index)} is a typographic quote: JSON's strings take straight double quotes, \`"\``;
  const bare = /\b(NaN|Infinity)\b/.exec(outside);
  if (bare) return `the data is not valid JSON: \`${bare[1]}\` at ${place(text, bare.index)} is not a JSON value (JSON has no NaN or Infinity): write null for a missing value`;
  const offset = /at position (\d+)/.exec(error.message);
  if (offset) return `the data is not valid JSON at ${place(text, Number(offset[1]))}: ${error.message.replace(/ in JSON at position \d+.*$/, '')}`;
  // V8's "Unexpected token ',', "…the whole text…" is not valid JSON" says neither where nor briefly.
  const at = syntaxErrorOffset(text);
  if (at !== undefined) return `the data is not valid JSON at ${place(text, at)}: ${at < text.length ? `unexpected \`${text[at]}\`` : 'it ends too soon'}`;
  return `the data is not valid JSON: ${error.message}`;
}

/** Where JSON's grammar first fails in `text` (its length when the text ends too soon), or undefined if it does not. */
function syntaxErrorOffset(text: string): number | undefined {
  let i = 0;
  const space = (): void => {
    while (i < text.length && ' \t\n\r'.includes(text[i]!)) i++;
  };
  const fail = (): never => {
    throw i;
  };
  const expect = (ch: string): void => {
    space();
    if (text[i] !== ch) fail();
    i++;
  };
  const string = (): void => {
    expect('"');
    while (i < text.length && text[i] !== '"') i += text[i] === '\\' ? 2 : 1;
    if (i >= text.length) fail();
    i++;
  };
  /** `{ … }` or `[ … ]` after its opening character: items between commas, up to `close`. */
  const sequence = (close: string, item: () => void): void => {
    i++;
    space();
    if (text[i] === close) return void i++;
    for (;;) {
      item();
      space();
      if (text[i] === close) return void i++;
      expect(',');
    }
  };
  const value = (): void => {
    space();
    const ch = text[i];
    if (ch === '{') {
      return sequence('}', () => {
        string();
        expect(':');
        value();
      });
    }
    if (ch === '[') return sequence(']', value);
    if (ch === '"') return string();
    const literal = /^(?:true|false|null|-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?)/.exec(text.slice(i, i + 400));
    if (!literal) fail();
    i += literal![0].length;
  };
  try {
    value();
    space();
    return i < text.length ? i : undefined;
  } catch (at) {
    return at as number;
  }
}

function place(text: string, offset: number): string {
  const before = text.slice(0, offset).split('\n');
  return `line ${before.length}, column ${before[before.length - 1]!.length + 1}`;
}
