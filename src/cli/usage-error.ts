/** A mistake in how the tool was called: shown as one line, exit 2, never as a stack trace. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
  readonly code: string;
  constructor(message: string, code = 'usage') {
    super(message);
    this.code = code;
  }
}

/**
 * Thrown to stop after `--help`/`--version` were printed: not an error, exit 0. It lives here, not
 * beside commander, so that run() can catch it without loading commander for every command.
 */
export class HelpShown extends Error {
  override readonly name = 'HelpShown';
}
