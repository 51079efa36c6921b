/**
 * What `tillcard` exits with, for scripts: stable, documented in the README.
 * (Commander's own usage errors, an unknown option or a missing argument, exit with `usage` too.)
 */
export const EXIT = {
  ok: 0,
  /** Something failed; the message says what. */
  failure: 1,
  /** The command line itself was wrong: unknown command or option, a missing argument. */
  usage: 2,
  /**
   * The input was refused, nothing changed: a bad backup or import file, an unknown table, encoding or
   * language, an invalid date, code or address, a till refusal (electron/cli/failure.ts maps them all).
   */
  refused: 3,
  /** A till is running on this data folder (restore and enrol need it stopped). */
  tillRunning: 4,
  /** No terminal database or no key to open it in the data folder (KEY_SEALED: run it as `Tillcard --cli`). */
  noDatabase: 5,
  /** Head office could not be reached or refused the sync or enrolment. */
  headOffice: 6,
  /** The import ran, but some rows were refused (they are listed in the error report). */
  partial: 7,
} as const;
export type ExitCode = (typeof EXIT)[keyof typeof EXIT];
