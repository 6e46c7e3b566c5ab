/** A command takes its arguments (after the command name) and returns the process exit code. */
export type Command = (argv: string[]) => Promise<number>;
