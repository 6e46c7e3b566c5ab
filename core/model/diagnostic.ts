/** Errors meant for users are data, shaped for the editor: offsets into the source plus 1-based line and column. */
export interface Diagnostic {
  from: number;
  to: number;
  line: number;
  column: number;
  severity: 'error' | 'warning' | 'info';
  message: string;
}

export interface Span {
  from: number;
  to: number;
}

/** 1-based line and column of an offset (columns count UTF-16 code units, as editors do). */
export function lineColumn(source: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  const end = Math.min(offset, source.length);
  for (let i = 0; i < end; i++) {
    if (source.charCodeAt(i) === 10) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: end - lineStart + 1 };
}

export function diagnostic(source: string, span: Span, message: string, severity: Diagnostic['severity'] = 'error'): Diagnostic {
  const { line, column } = lineColumn(source, span.from);
  return { from: span.from, to: span.to, line, column, severity, message };
}

/**
 * An error raised while a model runs, carrying the span of the construct that failed. The model
 * layer converts it to a `Diagnostic` against the source it was compiled from.
 */
export class ModelError extends Error {
  constructor(
    message: string,
    readonly span: Span | undefined,
    readonly severity: Diagnostic['severity'] = 'error',
  ) {
    super(message);
    this.name = 'ModelError';
  }
}

/**
 * A distribution's argument out of its domain where the model ran (`Gamma: shape α must be positive, got -1`):
 * it depends on the values drawn, so other values may not meet it, unlike a typo or data of the wrong shape.
 */
export class ArgumentDomainError extends ModelError {
  constructor(message: string, span: Span | undefined) {
    super(message, span);
    this.name = 'ArgumentDomainError';
  }
}

/**
 * Tilde's rule that the set of parameters (names and sizes) must not depend on parameter values, broken where the
 * model ran. No proposal is rejected for it: a sampler that drew such values stops (`stopsChain`), where treating
 * them as outside the support would sample the first run's structure without a word, or misread the values.
 */
export class ParameterSetError extends ModelError {
  readonly stopsChain = true;

  constructor(message: string, span: Span | undefined) {
    super(`${message}: the set of parameters must not depend on parameter values`, span);
    this.name = 'ParameterSetError';
  }
}
