import type { ExitCode } from './exitCodes';

/** A command's refusal: the exit status for scripts and the words for a person (already translated). */
export class CliError extends Error {
  constructor(
    readonly exit: ExitCode,
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'CliError';
  }
}
