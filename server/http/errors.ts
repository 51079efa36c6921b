import type { FastifyReply } from 'fastify';
import type { z } from 'zod';
import type { SyncErrorBody, SyncErrorCode } from '../../shared/sync/protocol';
import { unstorableTextPath } from '../../shared/storableText';

const statusOf: Record<SyncErrorCode, number> = {
  VALIDATION: 400,
  PROTOCOL_VERSION: 400,
  UNAUTHORIZED: 401,
  REVOKED: 403,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  ENROLMENT_CODE_INVALID: 400,
  SHOP_MISMATCH: 409,
  ALREADY_ENROLLED: 409,
  PAYLOAD_CONFLICT: 409,
  CONFLICT: 409,
  BATCH_TOO_LARGE: 413,
  BODY_TOO_LARGE: 413,
  INTERNAL: 500,
  RATE_LIMITED: 429,
};

/** A refusal a route throws; the error handler answers it as `{ code, message, details }`. */
export class HoError extends Error {
  readonly code: SyncErrorCode;
  readonly details: Record<string, unknown> | undefined;
  constructor(code: SyncErrorCode, message: string, details?: Record<string, unknown>) {
    super(message);
    this.name = 'HoError';
    this.code = code;
    this.details = details;
  }
  get status(): number {
    return statusOf[this.code];
  }
}

export function sendError(reply: FastifyReply, error: HoError): FastifyReply {
  const body: SyncErrorBody = {
    code: error.code,
    message: error.message,
    ...(error.details ? { details: error.details } : {}),
  };
  return reply.status(error.status).send(body);
}

/** The part of a request a schema reads: the messages name it, so a caller knows what to fix. */
export type RequestPart = 'body' | 'query';
const PART_NAME: Record<RequestPart, string> = { body: 'request body', query: 'query string' };

/**
 * Parses a body (or, `part: 'query'`, a query string) with its schema or throws VALIDATION listing
 * the issues. Text PostgreSQL cannot store (NUL, unpaired surrogates) is refused here too, unless the
 * route handles it itself (`allowUnstorableText`: the push quarantines such a record instead).
 */
export function parseBody<S extends z.ZodType>(
  schema: S,
  body: unknown,
  options: { allowUnstorableText?: boolean; part?: RequestPart } = {},
): z.output<S> {
  const part = PART_NAME[options.part ?? 'body'];
  const parsed = schema.safeParse(body ?? {});
  if (!parsed.success) {
    const issues = parsed.error.issues.slice(0, 20).map((i) => ({ path: i.path.join('.'), message: i.message }));
    throw new HoError('VALIDATION', `The ${part} does not match the schema.`, { issues });
  }
  if (!options.allowUnstorableText) {
    const path = unstorableTextPath(parsed.data);
    if (path) {
      const issues = [
        { path: path.join('.'), message: 'contains a NUL character or an unpaired surrogate, which cannot be stored' },
      ];
      throw new HoError('VALIDATION', `The ${part} contains text that cannot be stored.`, { issues });
    }
  }
  return parsed.data;
}
