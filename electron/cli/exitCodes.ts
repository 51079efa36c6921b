/**
 * What the command line's exit status means, for scripts. Stable: a script may test for each.
 * (Commander's own usage errors, an unknown option or a missing argument, exit with USAGE too.)
 */
export const EXIT = {
  OK: 0,
  /** Something unexpected; the message says what. */
  FAILED: 1,
  USAGE: 2,
  /** The input was refused (a bad backup file, an invalid code or address); nothing was changed. */
  REFUSED: 3,
  /** A till is running on this data folder (restore, enrol need it stopped). */
  TILL_RUNNING: 4,
  /** No terminal database or no key to open it in the data folder. */
  NO_DATABASE: 5,
  /** Head office could not be reached or refused the sync or enrolment. */
  HEAD_OFFICE: 6,
} as const;
export type ExitCode = (typeof EXIT)[keyof typeof EXIT];
