/** A mistake in how the tool was called: shown as one line, exit 2, never as a stack trace. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
  readonly code: string;
  constructor(message: string, code = 'usage') {
    super(message);
    this.code = code;
  }
}
