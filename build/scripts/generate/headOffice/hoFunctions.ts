import { DEFAULT_SHOP_TIME_ZONE } from '../../../../shared/sync/timeZone';
import { DAY_MS, type HoDatasetSize } from './hoSize';

// Session functions (pg_temp) every generating statement shares: a deterministic pseudo-random
// fraction of (n, salt) by PostgreSQL's own hashint8, so the same size always gives the same rows
// and no statement needs a join to know a member's shop or join date. Simple SQL functions are
// inlined by the planner: no per-row call overhead.

export function hoFunctionsSql(size: HoDatasetSize, endMs: number): string[] {
  const startMs = endMs - size.days * DAY_MS;
  const spanMs = size.days * DAY_MS;
  return [
    `CREATE FUNCTION pg_temp.frac(n bigint, salt int) RETURNS float8 LANGUAGE sql IMMUTABLE AS
      $$ SELECT (hashint8(n * 64 + salt)::bigint + 2147483648) / 4294967296.0 $$`,
    `CREATE FUNCTION pg_temp.uuid_of(n bigint, prefix int) RETURNS text LANGUAGE sql IMMUTABLE AS
      $$ SELECT '00000000-0000-4000-' || to_hex(32768 + prefix) || '-' || lpad(to_hex(n), 12, '0') $$`,
    // Shops are unequal: the first ones are bigger (a power of the fraction).
    `CREATE FUNCTION pg_temp.home_shop(m bigint) RETURNS int LANGUAGE sql IMMUTABLE AS
      $$ SELECT 1 + floor(${size.shops} * pg_temp.frac(m, 5) ^ 1.5)::int $$`,
    // The chain grows: more members joined recently than two years ago.
    `CREATE FUNCTION pg_temp.joined_at(m bigint) RETURNS bigint LANGUAGE sql IMMUTABLE AS
      $$ SELECT ${startMs}::bigint + floor(${spanMs} * sqrt(pg_temp.frac(m, 3)))::bigint $$`,
    `CREATE FUNCTION pg_temp.business_day(at bigint) RETURNS text LANGUAGE sql IMMUTABLE AS
      $$ SELECT to_char(to_timestamp(at / 1000.0) AT TIME ZONE '${DEFAULT_SHOP_TIME_ZONE}', 'YYYY-MM-DD') $$`,
  ];
}
