import { createHash } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { z } from 'zod';
import {
  contract, isChannel, isDomainError, DomainError,
  type ApiError, type Channel, type ChannelOutput, type Locale, type ParsedInput, type Result,
} from '../../shared/contract';
import { errorMessage } from '../../shared/i18n/errorMessages';
import { requests } from '../../db/schema';
import type { ServiceContext } from './context';

/** One synchronous function per contract entry; the compiler insists every entry has one. */
export type Handlers = { [C in Channel]: (ctx: ServiceContext, input: ParsedInput<C>) => ChannelOutput<C> };

export interface DispatcherOptions {
  /** Check every answer against the contract's output schema (on in tests and dev). */
  validateOutput: boolean;
  locale: () => Locale;
  onInternalError: (channel: string, error: unknown) => void;
}

export type Dispatch = (channel: unknown, input: unknown) => Result<unknown>;

function issuesOf(error: z.ZodError): { path: string; message: string }[] {
  return error.issues.map((i) => ({ path: i.path.join('.'), message: i.message }));
}

function stableJson(value: unknown): string {
  return JSON.stringify(value, (_k, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => a.localeCompare(b)))
      : v,
  );
}

function hasRequestId(input: unknown): input is { requestId: string } {
  return typeof input === 'object' && input !== null && 'requestId' in input && typeof input.requestId === 'string';
}

/**
 * Validates every call against the contract, runs its handler, and answers with the one
 * envelope. A call that carries a requestId runs in one transaction with its idempotency
 * row, so a double-submitted sale is stored once and the repeat gets the first answer.
 */
export function createDispatcher(ctx: ServiceContext, handlers: Handlers, options: DispatcherOptions): Dispatch {
  const fail = (code: ApiError['code'], details?: Record<string, unknown>): Result<never> => ({
    ok: false,
    error: { code, message: errorMessage(code, options.locale()), ...(details ? { details } : {}) },
  });

  function runIdempotent(channel: Channel, input: { requestId: string }, run: () => unknown): unknown {
    const { requestId, ...rest } = input;
    const inputHash = createHash('sha256').update(stableJson(rest)).digest('hex');
    return ctx.db.transaction((tx) => {
      const previous = tx.select().from(requests).where(eq(requests.requestId, requestId)).get();
      if (previous) {
        if (previous.channel !== channel || previous.inputHash !== inputHash) throw new DomainError('REQUEST_REUSED', { requestId });
        return JSON.parse(previous.resultJson) as unknown;
      }
      const value = run();
      tx.insert(requests).values({ requestId, channel, inputHash, resultJson: JSON.stringify(value), createdAt: ctx.clock.now() }).run();
      return value;
      // IMMEDIATE: take the write lock before the first read, so another connection (the sync
      // job) cannot make this transaction fail with SQLITE_BUSY when it upgrades to write.
    }, { behavior: 'immediate' });
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
