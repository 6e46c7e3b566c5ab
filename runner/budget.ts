import type { RunRequest, WireError } from './protocol.js';

const GB = 1024 ** 3;

/** The draws of a whole run, as the manager holds them (8 bytes a value), against the memory budget. */
export function overBudget(request: RunRequest, columns: number, budgetBytes: number): WireError | undefined {
  const bytes = request.chains * request.draws * columns * 8;
  if (bytes <= budgetBytes) return undefined;
  const factor = Math.ceil(bytes / budgetBytes);
  const kept = Math.floor(request.draws / factor);
  return {
    name: 'RunTooLarge',
    message:
      `${request.chains} chains × ${request.draws} draws × ${columns} columns need ${(bytes / GB).toFixed(1)} GB, more than the ` +
      `${(budgetBytes / GB).toFixed(1)} GB budget; ${kept} draws with thin ${(request.thin ?? 1) * factor} run as many iterations and fit`,
  };
}
