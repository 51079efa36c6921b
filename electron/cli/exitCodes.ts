/** What `tillcard` exits with, for scripts: stable, documented in the README. */
export const EXIT = {
  ok: 0,
  /** The command failed (the database could not be opened, the file was refused, ...). */
  failure: 1,
  /** The command line itself was wrong: unknown command or option, a missing argument. */
  usage: 2,
  /** The import ran, but some rows were refused (they are listed in the error report). */
  partial: 3,
} as const;
export type ExitCode = (typeof EXIT)[keyof typeof EXIT];
