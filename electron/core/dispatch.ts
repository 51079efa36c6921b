import type { z } from 'zod';
import {
  contract,
  isChannel,
  isDomainError,
  DomainError,
  type ApiError,
  type Channel,
  type ChannelOutput,
  type Locale,
  type ParsedInput,
  type Result,
} from '../../shared/contract';
import { failure, ok } from '../../shared/contract/envelope';
import { findRequest, isSameInput, pruneRequests, rememberRequest } from './idempotency';
import { setOutboxChecks } from './outbox';
import { inImmediateTransaction } from '../platform/transactions';
import type { ServiceContext } from './context';
import { inputParser } from './inputParser';
import { requestText } from './requestText';
import { describeUnknown } from '../../shared/describeUnknown';
import { admit, type Admission, type SessionGate } from './guard';

/**
 * One function per contract entry; the compiler insists every entry has one. A handler answers at
 * once (its call is one SQLite transaction) or, for a call that waits for head office, with a Promise.
 */
export type Handler<C extends Channel> = (
  ctx: ServiceContext,
  input: ParsedInput<C>,
) => ChannelOutput<C> | Promise<ChannelOutput<C>>;
export type Handlers = { [C in Channel]: Handler<C> };

/** What dispatching `C` gives: a Result now, or (for an async handler) a Promise of one once it has run. */
export type Answer<H extends Handlers, C extends Channel> = C extends Channel
  ? ReturnType<H[C]> extends PromiseLike<unknown>
    ? Result<unknown> | Promise<Result<unknown>>
    : Result<unknown>
  : never;

/** Hosts `await` the answer; in-process callers of a synchronous channel get the Result directly. */
export interface Dispatch<H extends Handlers = Handlers> {
  <C extends Channel>(channel: C, input: unknown): Answer<H, C>;
  (channel: unknown, input: unknown): Result<unknown> | Promise<Result<unknown>>;
}

/**
 * How a call's answer is kept for a repeated request, where the call's own rows already hold
 * most of it (a sale): `remember` makes the text stored with the request, `recall` makes the
 * first answer again from it, inside the repeat's transaction. Calls without one keep their
 * whole answer as JSON.
 */
export interface ResultMemory<T> {
  remember(value: T): string;
  recall(ctx: ServiceContext, kept: string): T;
}

export type ResultMemories = { [C in Channel]?: ResultMemory<ChannelOutput<C>> };

export interface DispatcherOptions {
  /**
   * Check every answer against the contract's output schema, and every outbox record against
   * its sync schema (on in tests and dev; the packaged product turns it off).
   */
  validateOutput: boolean;
  locale: () => Locale;
  onInternalError: (channel: string, error: unknown) => void;
  resultMemories?: ResultMemories;
  /** Called after every call that succeeded (the host's background sync looks for new outbox records). */
  afterCall?: (channel: Channel) => void;
  /**
   * The till's sign-in state, which the guard checks every call against (core/guard.ts). Absent:
   * no guard, every call runs with the base context's actor (tools that open a database directly).
   */
  gate?: SessionGate;
}

function issuesOf(error: z.ZodError): { path: string; message: string }[] {
  return error.issues.map((i) => ({ path: i.path.join('.'), message: i.message }));
}

function hasRequestId(input: unknown): input is { requestId: string } {
  return typeof input === 'object' && input !== null && 'requestId' in input && typeof input.requestId === 'string';
}

function isThenable(value: unknown): value is PromiseLike<unknown> {
  return typeof value === 'object' && value !== null && 'then' in value && typeof value.then === 'function';
}

/**
 * Validates every call against the contract, runs its handler, and answers with the one
 * envelope. A call that carries a requestId runs in one transaction with its idempotency
 * row, so a double-submitted sale is stored once and the repeat gets the first answer
 * (remembered for a week: core/idempotency.ts). A handler that answers with a Promise
 * (it waits for head office) gets the same checks once it settles.
 */
export function createDispatcher<H extends Handlers>(
  ctx: ServiceContext,
  handlers: H,
  options: DispatcherOptions,
): Dispatch<H> {
  // Where answers are validated (tests, dev), every outbox record is parsed by its schema too;
  // the packaged product keeps a structural check (see OutboxChecks).
  setOutboxChecks(ctx.db, options.validateOutput ? 'schema' : 'structural');
  const fail = (code: ApiError['code'], details?: Record<string, unknown>): Result<never> =>
    failure(code, options.locale(), details);
  const afterCall = options.afterCall;

  function runIdempotent(channel: Channel, input: { requestId: string }, run: () => unknown): unknown {
    const { requestId, ...rest } = input;
    const inputJson = requestText(entry(channel).input, rest);
    const memory: ResultMemory<unknown> | undefined = options.resultMemories?.[channel];
    // IMMEDIATE: take the write lock before the first read, so another connection (the sync
    // job) cannot make this transaction fail with SQLITE_BUSY when it upgrades to write.
    return inImmediateTransaction(ctx.db, (): unknown => {
      const now = ctx.clock.now();
      pruneRequests(ctx.db, now);
      const previous = findRequest(ctx.db, requestId);
      if (previous) {
        if (previous.channel !== channel || !isSameInput(previous.inputJson, inputJson))
          throw new DomainError('REQUEST_REUSED', { requestId });
        return memory ? memory.recall(ctx, previous.resultJson) : (JSON.parse(previous.resultJson) as unknown);
      }
      const value = run();
      // The request row and the call's rows are one transaction: an async handler cannot be in it.
      if (isThenable(value)) throw new Error(`${channel} carries a requestId but answers asynchronously`);
      rememberRequest(ctx.db, {
        requestId,
        channel,
        inputJson,
        resultJson: memory ? memory.remember(value) : JSON.stringify(value),
        createdAt: now,
      });
      return value;
    });
  }

  const entry = (channel: Channel) => contract[channel];

  function answered(channel: Channel, value: unknown): Result<unknown> {
    if (options.validateOutput) {
      const checked = entry(channel).output.safeParse(value);
      if (!checked.success)
        throw new Error(`output of ${channel} breaks the contract: ${JSON.stringify(issuesOf(checked.error))}`);
    }
    afterCall?.(channel);
    return ok(value);
  }

  // The till's log hears the channel and the code of every refusal, never the input or the details.
  const logRefusal = (channel: Channel | null, code: ApiError['code']): void =>
    ctx.log.info({ event: 'refused', channel, code }, 'call refused');

  function refused(channel: Channel, error: unknown): Result<never> {
    if (isDomainError(error)) {
      logRefusal(channel, error.code);
      return fail(error.code, error.details);
    }
    options.onInternalError(channel, error);
    return fail('INTERNAL');
  }

  async function settle(channel: Channel, pending: PromiseLike<unknown>): Promise<Result<unknown>> {
    try {
      return answered(channel, await pending);
    } catch (error) {
      return refused(channel, error);
    }
  }

  function dispatch<C extends Channel>(channel: C, input: unknown): Answer<H, C>;
  function dispatch(channelName: unknown, rawInput: unknown): Result<unknown> | Promise<Result<unknown>>;
  function dispatch(channelName: unknown, rawInput: unknown): Result<unknown> | Promise<Result<unknown>> {
    if (!isChannel(channelName)) {
      logRefusal(null, 'NOT_FOUND');
      return fail('NOT_FOUND', { channel: describeUnknown(channelName, Infinity) });
    }
    const channel: Channel = channelName;
    const gate = options.gate;
    // The guard comes first: a caller who may not make the call learns nothing from its input.
    let admission: Admission | null = null;
    try {
      if (gate) admission = admit(channel, gate);
    } catch (error) {
      return refused(channel, error);
    }
    const parsed = inputParser(channel).safeParse(rawInput ?? {});
    if (!parsed.success) {
      logRefusal(channel, 'VALIDATION');
      return fail('VALIDATION', { issues: issuesOf(parsed.error) });
    }
    try {
      const handler = handlers[channel] as (c: ServiceContext, i: unknown) => unknown;
      const input: unknown = parsed.data;
      let callCtx = ctx;
      if (gate && admission?.actor) {
        if (admission.activity) gate.admitted(channel, admission.actor, admission.byApproval);
        callCtx = { ...ctx, actor: admission.actor };
      }
      const value = hasRequestId(input)
        ? runIdempotent(channel, input, () => handler(callCtx, input))
        : handler(callCtx, input);
      return isThenable(value) ? settle(channel, value) : answered(channel, value);
    } catch (error) {
      return refused(channel, error);
    }
  }
  return dispatch;
}
