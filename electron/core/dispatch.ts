import { hash } from 'node:crypto';
import type { z } from 'zod';
import {
  contract, isChannel, isDomainError, DomainError,
  type ApiError, type Channel, type ChannelOutput, type Locale, type ParsedInput, type Result,
} from '../../shared/contract';
import { errorMessage } from '../../shared/i18n/errorMessages';
import { canonicalJson } from '../services/canonicalJson';
import { findRequest, pruneRequests, rememberRequest } from '../services/idempotency';
import { setOutboxChecks } from '../services/outbox';
import { inImmediateTransaction } from '../services/prepared';
import type { ServiceContext } from './context';

/** One synchronous function per contract entry; the compiler insists every entry has one. */
export type Handlers = { [C in Channel]: (ctx: ServiceContext, input: ParsedInput<C>) => ChannelOutput<C> };

export interface DispatcherOptions {
  /**
   * Check every answer against the contract's output schema, and every outbox record against
   * its sync schema (on in tests and dev; the packaged product turns it off).
   */
  validateOutput: boolean;
  locale: () => Locale;
  onInternalError: (channel: string, error: unknown) => void;
}

export type Dispatch = (channel: unknown, input: unknown) => Result<unknown>;

function issuesOf(error: z.ZodError): { path: string; message: string }[] {
  return error.issues.map((i) => ({ path: i.path.join('.'), message: i.message }));
}

function hasRequestId(input: unknown): input is { requestId: string } {
  return typeof input === 'object' && input !== null && 'requestId' in input && typeof input.requestId === 'string';
}

/**
 * Validates every call against the contract, runs its handler, and answers with the one
 * envelope. A call that carries a requestId runs in one transaction with its idempotency
 * row, so a double-submitted sale is stored once and the repeat gets the first answer
 * (remembered for a week: services/idempotency.ts).
 */
export function createDispatcher(ctx: ServiceContext, handlers: Handlers, options: DispatcherOptions): Dispatch {
  // Where answers are validated (tests, dev), every outbox record is parsed by its schema too;
  // the packaged product keeps a structural check (see OutboxChecks).
  setOutboxChecks(ctx.db, options.validateOutput ? 'schema' : 'structural');
  const fail = (code: ApiError['code'], details?: Record<string, unknown>): Result<never> => ({
    ok: false,
    error: { code, message: errorMessage(code, options.locale()), ...(details ? { details } : {}) },
  });

  function runIdempotent(channel: Channel, input: { requestId: string }, run: () => unknown): unknown {
    const { requestId, ...rest } = input;
    const inputHash = hash('sha256', canonicalJson(rest), 'hex');
    // IMMEDIATE: take the write lock before the first read, so another connection (the sync
    // job) cannot make this transaction fail with SQLITE_BUSY when it upgrades to write.
    return inImmediateTransaction(ctx.db, (): unknown => {
      const now = ctx.clock.now();
      pruneRequests(ctx.db, now);
      const previous = findRequest(ctx.db, requestId);
      if (previous) {
        if (previous.channel !== channel || previous.inputHash !== inputHash) throw new DomainError('REQUEST_REUSED', { requestId });
        return JSON.parse(previous.resultJson) as unknown;
      }
      const value = run();
      rememberRequest(ctx.db, { requestId, channel, inputHash, resultJson: JSON.stringify(value), createdAt: now });
      return value;
    });
  }

  return (channelName, rawInput) => {
    if (!isChannel(channelName)) return fail('NOT_FOUND', { channel: String(channelName) });
    const channel: Channel = channelName;
    const entry = contract[channel];
    const parsed = entry.input.safeParse(rawInput ?? {});
    if (!parsed.success) return fail('VALIDATION', { issues: issuesOf(parsed.error) });
    try {
      const handler = handlers[channel] as (c: ServiceContext, i: unknown) => unknown;
      const input: unknown = parsed.data;
      const value = hasRequestId(input) ? runIdempotent(channel, input, () => handler(ctx, input)) : handler(ctx, input);
      if (options.validateOutput) {
        const checked = entry.output.safeParse(value);
        if (!checked.success) throw new Error(`output of ${channel} breaks the contract: ${JSON.stringify(issuesOf(checked.error))}`);
      }
      return { ok: true, value };
    } catch (error) {
      if (isDomainError(error)) return fail(error.code, error.details);
      options.onInternalError(channel, error);
      return fail('INTERNAL');
    }
  };
}
