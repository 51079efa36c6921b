import { performance } from 'node:perf_hooks';
import { PROTOCOL_VERSION, PushRequest } from '../../../shared/sync/protocol';
import { SyncRecordBody } from '../../../shared/sync/records';
import { sha256, stableJson } from '../../../server/sources';
import { workload } from './syncFixture';

/**
 * Ad-hoc profile of the CPU phases of a push (no database): what 100k records cost in
 * request parsing, record parsing and payload hashing. `tsx build/scripts/bench/syncProfile.ts`.
 */
const N = 100_000;
const records = workload(1, N);
const time = (label: string, run: () => void): void => {
  const t0 = performance.now();
  run();
  console.log(`${label}: ${Math.round(performance.now() - t0)} ms`);
};
const body = JSON.stringify({ protocolVersion: PROTOCOL_VERSION, terminalId: '00000000-0000-4000-8001-000000000001', shopId: 's', records });
time('JSON.parse 100k', () => { JSON.parse(body); });
time('PushRequest (request schema) per 500', () => {
  for (let i = 0; i < N; i += 500) PushRequest.safeParse({ protocolVersion: 1, terminalId: '00000000-0000-4000-8001-000000000001', shopId: 's', records: records.slice(i, i + 500) });
});
time('SyncRecordBody per record', () => { for (const r of records) SyncRecordBody.safeParse({ type: r.type, payload: r.payload }); });
time('stableJson + sha256 per record', () => { for (const r of records) sha256(stableJson({ recordId: r.recordId, type: r.type, payload: r.payload })); });
time('JSON.stringify per record', () => { for (const r of records) JSON.stringify(r.payload); });
