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
  return `the data is not valid JSON: ${error.message}`;
}

function place(text: string, offset: number): string {
  const before = text.slice(0, offset).split('\n');
  return `line ${before.length}, column ${before[before.length - 1]!.length + 1}`;
}
