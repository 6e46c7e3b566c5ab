import type { Command } from './command.js';

/** Each command lives in its own file and is loaded only when asked for, so `tilde` starts fast. */
const commands: Record<string, { summary: string; load: () => Promise<Command> }> = {
  summary: { summary: 'print the summary table and warnings of draws in CSV files', load: async () => (await import('./commands/summary.js')).summary },
};

function usage(): string {
  const lines = ['usage: tilde <command> [options]', '', 'commands:'];
  for (const [name, c] of Object.entries(commands)) lines.push(`  ${name.padEnd(10)} ${c.summary}`);
  lines.push('', 'Run `tilde <command> --help` for a command\'s options.');
  return lines.join('\n');
}

export async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    console.log(usage());
    return name === undefined ? 2 : 0;
  }
  const entry = commands[name];
  if (!entry) {
    console.error(`tilde: unknown command '${name}'\n\n${usage()}`);
    return 2;
  }
  const command = await entry.load();
  return command(rest);
}
