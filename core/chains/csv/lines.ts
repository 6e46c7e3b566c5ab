/** Counts the line feeds in `text` from `from` up to `to`, to locate a row by its offset. */
export function countLines(text: string, from: number, to: number): number {
  let n = 0;
  for (let i = text.indexOf('\n', from); i !== -1 && i < to; i = text.indexOf('\n', i + 1)) n++;
  return n;
}

/**
 * Calls `visit` with each line of a body that holds no quotes, and the line's offset, until it returns
 * false. Such a body is split by hand at the line break the CSV library found in the header: the same split
 * as the library's fastMode, but each line kept whole so that a row of plain numbers is read in one go
 * (`parseRow`), where the library hands a row over only as cells.
 */
export function eachLine(body: string, linebreak: string, visit: (line: string, start: number) => boolean): void {
  let start = 0;
  for (const line of body.split(linebreak)) {
    if (!visit(line, start)) return;
    start += line.length + linebreak.length;
  }
}
