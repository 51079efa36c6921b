import type { FastifyLoggerOptions, FastifyServerOptions } from 'fastify';

/** Where the lines go: anything with write(line). */
export interface LogLines {
  write(line: string): void;
}
import { LOG_CENSOR, LOG_REDACT_PATHS } from '../../shared/privacy/logRedaction';

type LoggerOption = Exclude<FastifyServerOptions['logger'], boolean | undefined>;
type Serializers = NonNullable<FastifyLoggerOptions['serializers']>;

/**
 * A request as head office logs it: the method and the ROUTE it matched ("/api/admin/members/:id"),
 * never the URL as sent — its query carries searched phone numbers and names, its path member ids
 * and enrolment codes. No headers (the bearer token), no body.
 */
const req: NonNullable<Serializers['req']> = (request) => ({
  method: request.method,
  route: request.routeOptions.url ?? '(no route)',
  id: request.id,
});

/**
 * Head office's request log (Fastify's pino) with the one redaction rule of every Tillcard log
 * (shared/privacy/logRedaction.ts). `stream`: where the lines go (stdout unless given; tests read them).
 */
export function requestLogOptions(level: string, stream?: LogLines): LoggerOption {
  return {
    level,
    serializers: { req },
    redact: { paths: LOG_REDACT_PATHS, censor: LOG_CENSOR },
    ...(stream ? { stream } : {}),
  };
}

/** TILLCARD_HO_LOG_LEVEL: pino's level for head office's log on stdout (info unless set; "silent" turns it off). */
export function logLevelFromEnv(env: Record<string, string | undefined>): string {
  return env.TILLCARD_HO_LOG_LEVEL?.trim() || 'info';
}
