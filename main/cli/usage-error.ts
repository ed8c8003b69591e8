/** A mistake in how the command was called: printed as one line, exit code 2. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

/** Exit codes every command shares; documented in `wirewatch --help`. */
export const EXIT = {
  ok: 0,
  /** The command ran and failed (a file it could not read, a port in use). */
  failure: 1,
  /** The command line was wrong. */
  usage: 2,
} as const;
