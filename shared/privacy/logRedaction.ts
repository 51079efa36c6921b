/**
 * The one redaction rule for every log Tillcard writes (the till's files, head office's request log):
 * these keys are censored at the top level and one level down, whatever logged them. It is the
 * second line of defence: the first is that no caller passes a raw input, body or query to a log.
 */
const PRIVATE_KEYS = [
  'phone',
  'phoneNumber',
  'name',
  'memberName',
  'birthday',
  'email',
  'note',
  'pin',
  'newPin',
  'currentPin',
  'managerPin',
  'cardNumber',
  'number',
  'key',
  'databaseKey',
  'token',
  'adminToken',
  'enrolmentCode',
  'password',
  'authorization',
  'cookie',
  'input',
  'body',
  'query',
  'payload',
  // A PostgreSQL error's detail names the values ("Key (phone)=(…) already exists").
  'detail',
  'parameters',
] as const;

/** pino's `redact.paths`: each private key at the top level and in any object one level down. */
export const LOG_REDACT_PATHS: string[] = PRIVATE_KEYS.flatMap((key) => [key, `*.${key}`]);

/** What a censored value reads as in a log line. */
export const LOG_CENSOR = '[private]';
