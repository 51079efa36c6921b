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

/**
 * Parses a body with its schema or throws VALIDATION listing the issues. Text PostgreSQL cannot
 * store (NUL, unpaired surrogates) is refused here too, unless the route handles it itself
 * (`allowUnstorableText`: the push quarantines such a record instead of refusing the batch).
 */
export function parseBody<S extends z.ZodType>(
  schema: S,
  body: unknown,
  options: { allowUnstorableText?: boolean } = {},
): z.output<S> {
  const parsed = schema.safeParse(body ?? {});
  if (!parsed.success) {
    const issues = parsed.error.issues.slice(0, 20).map((i) => ({ path: i.path.join('.'), message: i.message }));
    throw new HoError('VALIDATION', 'The request body does not match the schema.', { issues });
  }
  if (!options.allowUnstorableText) {
    const path = unstorableTextPath(parsed.data);
    if (path) {
      const issues = [
        { path: path.join('.'), message: 'contains a NUL character or an unpaired surrogate, which cannot be stored' },
      ];
      throw new HoError('VALIDATION', 'The request body contains text that cannot be stored.', { issues });
    }
  }
  return parsed.data;
}
