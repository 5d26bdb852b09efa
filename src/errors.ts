// Typed errors: deep code throws these; only the CLI's error boundary turns them into exit codes.

export class AdvisorError extends Error {
  constructor(
    message: string,
    readonly exitCode: number,
  ) {
    super(message);
    this.name = new.target.name;
  }
}

/** Bad flags, bad values, an unreadable or invalid answers file: exit 2. */
export class InputError extends AdvisorError {
  constructor(message: string) {
    super(message, 2);
  }
}

/** `--expect` named other tools than the ones recommended: exit 3. */
export class ExpectationError extends AdvisorError {
  constructor(message: string) {
    super(message, 3);
  }
}

/** The user pressed Ctrl+C (130) or the process got SIGTERM (143). */
export class InterruptedError extends AdvisorError {
  constructor(message = 'Interrupted.', exitCode = 130) {
    super(message, exitCode);
  }
}

/** A write the checks before it could not foresee failed (a full disk, an I/O error): exit 1. */
export class WriteError extends AdvisorError {
  constructor(message: string) {
    super(message, 1);
  }
}
