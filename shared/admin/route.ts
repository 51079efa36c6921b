import type { z } from 'zod';
import type { AuditAction } from '../contract/audit';

/**
 * What head office's audit trail records when a route succeeds (its 'head-office' chain, written
 * in the same transaction as the action): an action, and the one a refused attempt records
 * (a failed sign-in); or, for a write that changes no person's data or rights, why nothing.
 */
export type AuditDecision = { readonly action: AuditAction; readonly failed?: AuditAction } | { readonly none: string };

interface RouteShape {
  /** Below ADMIN_PREFIX; `:name` segments are the route's params. */
  readonly path: `/${string}`;
  /** Path params; an answer 404 NOT_FOUND when they do not parse (no such resource). */
  readonly params: z.ZodType | null;
  readonly query: z.ZodType | null;
  readonly body: z.ZodType | null;
  readonly response: z.ZodType;
  /** The success status (200 unless said). */
  readonly status?: 201;
  readonly doc: string;
}

/**
 * One admin route: how it is called, what it accepts and what it answers. A write (POST, PUT) must
 * say what the audit trail records (a write route without `audit` does not compile); a read may
 * (a reveal of a member's data).
 */
export type AdminRoute =
  | (RouteShape & { readonly method: 'GET'; readonly audit?: AuditDecision })
  | (RouteShape & { readonly method: 'POST' | 'PUT'; readonly audit: AuditDecision });

/** The `:name` segments of a path, as a union of names. */
export type PathParamNames<P extends string> = P extends `${string}:${infer Name}/${infer Rest}`
  ? Name | PathParamNames<`/${Rest}`>
  : P extends `${string}:${infer Name}`
    ? Name
    : never;

type Out<S> = S extends z.ZodType ? z.output<S> : undefined;
type In<S> = S extends z.ZodType ? z.input<S> : never;

/** What a handler gets: params, query and body parsed by the route's schemas (undefined where it has none). */
export interface AdminRequest<R extends AdminRoute> {
  params: Out<R['params']>;
  query: Out<R['query']>;
  body: Out<R['body']>;
}

/** What a handler answers (checked by the route's response schema wherever it is read). */
export type AdminAnswerOf<R extends AdminRoute> = z.input<R['response']>;
/** What a caller gets back: the answer as its schema parsed it. */
export type AdminResponseOf<R extends AdminRoute> = z.output<R['response']>;

// A part of the caller's input: left out where the route has none, optional where all of it is.
type Part<Key extends string, T> = [T] extends [never]
  ? unknown
  : object extends T
    ? { [K in Key]?: T }
    : { [K in Key]: T };

/** Where a call goes: the path's params (strings or numbers) and the query. */
export type AdminTargetOf<R extends AdminRoute> = Part<
  'params',
  [PathParamNames<R['path']>] extends [never] ? never : Record<PathParamNames<R['path']>, string | number>
> &
  Part<'query', In<R['query']>>;

/** What a caller sends: where the call goes and the body. */
export type AdminInputOf<R extends AdminRoute> = AdminTargetOf<R> & Part<'body', In<R['body']>>;

/** True when a route's params schema names exactly its path's `:params` (checked for every route at compile time). */
export type ParamsMatchPath<R extends AdminRoute> =
  R['params'] extends z.ZodObject<infer Shape>
    ? [keyof Shape] extends [PathParamNames<R['path']>]
      ? [PathParamNames<R['path']>] extends [keyof Shape]
        ? true
        : false
      : false
    : [PathParamNames<R['path']>] extends [never]
      ? true
      : false;
