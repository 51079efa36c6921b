import type { Statement } from 'better-sqlite3';
import { Column, Param, Placeholder, is } from 'drizzle-orm';

/**
 * A drizzle prepared statement, run straight on its better-sqlite3 statement.
 *
 * Drizzle writes the SQL (from the schema, so a renamed column cannot be missed) and compiles
 * it once; but each run of its prepared query re-walks every parameter with `is()` checks to
 * fill the placeholders and again for every column of every row it maps, which costs more than
 * the insert itself. So this work is done here once per statement: where each placeholder goes
 * and how it is encoded, and how each result column is decoded. Same SQL, same values, same rows.
 */

interface SyncPrepared {
  run(values?: Record<string, unknown>): unknown;
  get(values?: Record<string, unknown>): unknown;
  all(values?: Record<string, unknown>): unknown;
}

export interface Direct<Q extends SyncPrepared> {
  run: Q['run'];
  get: Q['get'];
  all: Q['all'];
}

type Bind = (values: Record<string, unknown>) => unknown[];
type Decode = (value: unknown) => unknown;
type MapRow = (row: unknown[]) => Record<string, unknown>;

interface Internals {
  stmt: Statement;
  params: unknown[];
  fields: { path: string[]; field: unknown }[] | undefined;
  mapped: boolean;
}

function internalsOf(prepared: object): Internals {
  const stmt: unknown = Reflect.get(prepared, 'stmt');
  const query: unknown = Reflect.get(prepared, 'query');
  const fields: unknown = Reflect.get(prepared, 'fields');
  const params: unknown = query && typeof query === 'object' ? Reflect.get(query, 'params') : undefined;
  const isStatement = (s: unknown): s is Statement =>
    typeof s === 'object' && s !== null && 'raw' in s && 'run' in s && 'reader' in s;
  if (!isStatement(stmt) || !Array.isArray(params))
    throw new Error('direct(): not a drizzle better-sqlite3 prepared query');
  const customMapper: unknown = Reflect.get(prepared, 'customResultMapper');
  // (Drizzle's joins map only matters for nested selections, which are refused below.)
  if (customMapper !== undefined) throw new Error('direct(): custom result mappers are not supported');
  if (fields !== undefined && !Array.isArray(fields)) throw new Error('direct(): unexpected fields');
  return { stmt, params, fields, mapped: fields !== undefined };
}

/** A column's decoder, or null for the many whose driver value is already the value (text, plain integers). */
function decoderOf(field: unknown): Decode | null {
  if (!is(field, Column)) throw new Error('direct(): only plain columns can be selected');
  if (field.mapFromDriverValue === Column.prototype.mapFromDriverValue) return null;
  return (value) => field.mapFromDriverValue(value);
}

function missing(name: string): never {
  throw new Error(`No value for placeholder "${name}" was provided`);
}

/*
 * The binder and the row mapper of each statement are compiled (new Function) from the
 * statement's own placeholder and column names: a property read or an object literal with fixed
 * names. Generic code keyed by a name held in a variable went megamorphic across the ~20
 * statements of the till, and stayed in V8's baseline tier (a sale runs each statement once).
 * The names come from our schema and our placeholders, and are written into the code as JSON
 * string literals.
 */
const isFunction = <F>(value: unknown): value is F => typeof value === 'function';

function compile<F>(parameters: string[], body: string, args: unknown[]): F {
  const factory = new Function(...parameters, body);
  const made: unknown = factory(...args);
  if (!isFunction<F>(made)) throw new Error('direct(): compiling a statement helper failed');
  return made;
}

/** `(values) => [each placeholder's value, encoded where the column needs it, or the constant]`. */
function compileBind(params: unknown[]): Bind {
  const constants: unknown[] = [];
  const encoders: unknown[] = [];
  const items = params.map((param, i) => {
    const placeholder = is(param, Placeholder)
      ? param
      : is(param, Param) && is(param.value, Placeholder)
        ? param.value
        : null;
    if (placeholder === null) {
      constants[i] = param;
      return `constants[${i}]`;
    }
    const name = JSON.stringify(placeholder.name);
    // A value that reads as undefined is refused unless the key is there (as drizzle does).
    const read = `(t = v[${name}], t !== undefined || ${name} in v ? t : missing(${name}))`;
    if (!is(param, Param)) return read;
    encoders[i] = param.encoder;
    return `encoders[${i}].mapToDriverValue(${read})`;
  });
  return compile<Bind>(
    ['constants', 'encoders', 'missing'],
    `return (v) => { let t; return [${items.join(', ')}]; };`,
    [constants, encoders, missing],
  );
}

/** `(row) => ({ key: row[0], other: decode(row[1]), … })` for a raw-mode row in select order. */
function compileMapRow(keys: string[], decoders: (Decode | null)[]): MapRow {
  const props = keys.map(
    (key, i) =>
      `${JSON.stringify(key)}: ${decoders[i] ? `row[${i}] === null ? null : decoders[${i}](row[${i}])` : `row[${i}]`}`,
  );
  return compile<MapRow>(['decoders'], `return (row) => ({ ${props.join(', ')} });`, [decoders]);
}

/** Wraps a drizzle `.prepare()`d query (flat selection of plain columns) to run without drizzle's per-call work. */
export function direct<Q extends SyncPrepared>(prepared: Q): Direct<Q> {
  const { stmt, params, fields, mapped } = internalsOf(prepared);
  const bindValues = compileBind(params);
  const bind = (values: Record<string, unknown> | undefined): unknown[] => bindValues(values ?? {});
  const keys = (fields ?? []).map((f) => {
    if (f.path.length !== 1 || f.path[0] === undefined)
      throw new Error('direct(): nested selections are not supported');
    return f.path[0];
  });
  const toObject = compileMapRow(
    keys,
    (fields ?? []).map((f) => decoderOf(f.field)),
  );
  // A reader with mapped columns returns arrays (raw mode) in select order; others run as is.
  const reader = mapped ? stmt.raw(true) : stmt;
  const isRow = (row: unknown): row is unknown[] => Array.isArray(row);
  return {
    // An array binds as the anonymous parameters in order, without spreading it into arguments.
    run: ((values?: Record<string, unknown>) => stmt.run(bind(values))) as Q['run'],
    get: ((values?: Record<string, unknown>) => {
      const row: unknown = reader.get(bind(values));
      return mapped && isRow(row) ? toObject(row) : row;
    }) as Q['get'],
    all: ((values?: Record<string, unknown>) => {
      const rows: unknown[] = reader.all(bind(values));
      return mapped ? rows.map((row) => (isRow(row) ? toObject(row) : row)) : rows;
    }) as Q['all'],
  };
}
