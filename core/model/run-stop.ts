/**
 * Thrown by a context to end a run of the model early (a particle run stops at its next observation);
 * not an error, so the language lets it through unchanged wherever it attaches places to errors.
 */
export class RunStop {
  readonly name = 'RunStop';
}
