import type { z } from 'zod';
import {
  CloseDayRequest,
  CloseDayResponse,
  EnrolRequest,
  EnrolResponse,
  PingRequest,
  PingResponse,
  PullRequest,
  PullResponse,
  PushRequest,
  PushResponse,
} from './protocol';
import { SaleForRefundRequest, SaleForRefundResponse } from './saleForRefund';
import { SnapshotRequest, SnapshotResponse } from './snapshot';

/** Where every sync route lives; the protocol's version travels in each body (PROTOCOL_VERSION), not in the path. */
export const SYNC_PREFIX = '/sync/v1';

export interface SyncRoute {
  method: 'POST';
  path: string;
  request: z.ZodType;
  response: z.ZodType;
}

/**
 * The sync protocol as one map: the terminal's client (electron/sync/hoClient.ts) and head office
 * (server/routes/sync.ts) both read a route's path and schemas from here, so neither types them.
 */
export const syncRoutes = {
  /** Is head office there? Answered without credentials or database (shared/sync/protocol.ts). */
  ping: { method: 'POST', path: `${SYNC_PREFIX}/ping`, request: PingRequest, response: PingResponse },
  enrol: { method: 'POST', path: `${SYNC_PREFIX}/enrol`, request: EnrolRequest, response: EnrolResponse },
  push: { method: 'POST', path: `${SYNC_PREFIX}/push`, request: PushRequest, response: PushResponse },
  pull: { method: 'POST', path: `${SYNC_PREFIX}/pull`, request: PullRequest, response: PullResponse },
  snapshot: { method: 'POST', path: `${SYNC_PREFIX}/snapshot`, request: SnapshotRequest, response: SnapshotResponse },
  closeDay: { method: 'POST', path: `${SYNC_PREFIX}/close-day`, request: CloseDayRequest, response: CloseDayResponse },
  /** Issue 15: a sale of another shop, to refund it at this one. */
  saleForRefund: {
    method: 'POST',
    path: `${SYNC_PREFIX}/sale-for-refund`,
    request: SaleForRefundRequest,
    response: SaleForRefundResponse,
  },
} as const satisfies Record<string, SyncRoute>;

export type SyncRoutes = typeof syncRoutes;
export type SyncRouteName = keyof SyncRoutes;
export const syncRouteNames = Object.keys(syncRoutes) as SyncRouteName[];
/** What a caller sends to a route (defaults may be left out). */
export type SyncRequestBody<K extends SyncRouteName> = z.input<SyncRoutes[K]['request']>;
/** A route's answer as the caller reads it, after its schema. */
export type SyncResponseBody<K extends SyncRouteName> = z.output<SyncRoutes[K]['response']>;
