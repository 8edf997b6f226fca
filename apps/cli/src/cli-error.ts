/** Exit codes: 0 all well, 1 an SLO failed under --fail-on-slo, 2 the input is invalid. */
export const EXIT = { ok: 0, sloFailed: 1, invalidInput: 2 } as const;

/** A failure the user can act on: printed as is, never with a stack. */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode: number = EXIT.invalidInput,
  ) {
    super(message);
  }
}
