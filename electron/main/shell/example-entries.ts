/** The examples a directory listing holds: each `.jl` model, by file stem, in name order. */
export function exampleEntries(fileNames: readonly string[]): { id: string; title: string }[] {
  return fileNames
    .filter((name) => name.endsWith('.jl'))
    .map((name) => name.slice(0, -'.jl'.length))
    .sort()
    .map((id) => ({ id, title: exampleTitle(id) }));
}

/** `eight_schools` → `Eight schools`. */
function exampleTitle(id: string): string {
  const words = id.replace(/[_-]+/g, ' ').trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}
