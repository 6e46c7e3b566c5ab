import { ENGINE_TIMEOUTS_MS, EngineHost, spawnNodeWorker, type EngineMethod } from '../runner/index.js';
import { CliError } from './files.js';
import { stringOption, type ModelCommand } from './model-command.js';

/** `--timeout SECONDS`, for the commands whose work on the model runs in an engine process. */
export const TIMEOUT_OPTION = { timeout: { type: 'string' } } as const;

/** The help line, its text starting at `column` as the command's other options do. */
export function timeoutHelp(method: EngineMethod, column: number): string {
  return `  ${'--timeout'.padEnd(column - 2)}seconds before the work on the model is stopped as looping forever (default ${ENGINE_TIMEOUTS_MS[method] / 1000})`;
}

/** The `--timeout` given, in milliseconds, as the engine's time limit for `method`. */
export function timeoutOf(command: ModelCommand, method: EngineMethod): Partial<Record<EngineMethod, number>> {
  const text = stringOption(command, 'timeout');
  if (text === undefined) return {};
  const seconds = Number(text);
  if (!(seconds > 0)) throw new CliError(`--timeout must be a positive number of seconds, got ${text}`, 2);
  return { [method]: seconds * 1000 };
}

/** The bundled engine (built before the process starts, see nodeBundle) loads in well under a second; a busy machine gets more. */
const STARTUP_MS = 5_000;

/**
 * Runs a command's work on the model in an engine process, as the workbench and chains do: a model that loops
 * forever is stopped at the request's time limit, and one that crashes its process is reported (the host's
 * messages name which work and why), instead of hanging or taking the command down.
 */
export async function inEngineProcess<T>(ask: (engine: EngineHost) => Promise<T>, timeoutsMs: Partial<Record<EngineMethod, number>> = {}): Promise<T> {
  const engine = new EngineHost({ spawn: spawnNodeWorker, timeoutsMs, startupMs: STARTUP_MS });
  try {
    return await ask(engine);
  } catch (e) {
    throw new CliError((e as Error).message);
  } finally {
    engine.dispose();
  }
}
