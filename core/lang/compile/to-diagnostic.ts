import { DistributionArgumentError } from '../../dist/index.js';
import { CompiledTapeError, UnknownBackendError, UnsupportedBackendError } from '../../ad/index.js';
import { DataError, ModelError, diagnostic, type Diagnostic, type Span } from '../../model/index.js';

/**
 * Any error from compiling, binding or running a model as an editor diagnostic. Errors without a
 * place of their own point at `fallback` (the model's name, or the argument the data belongs to).
 */
export function toDiagnostic(source: string, e: unknown, fallback: Span): Diagnostic {
  if (e instanceof ModelError) return diagnostic(source, e.span ?? fallback, e.message, e.severity);
  if (e instanceof CompiledTapeError) return diagnostic(source, e.span ?? fallback, e.message);
  const userFacing = [DataError, DistributionArgumentError, UnsupportedBackendError, UnknownBackendError];
  if (userFacing.some((kind) => e instanceof kind)) return diagnostic(source, fallback, (e as Error).message);
  const message = e instanceof Error ? `internal error: ${e.message}` : `internal error: ${String(e)}`;
  return diagnostic(source, fallback, message);
}
