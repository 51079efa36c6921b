// Bad inputs for one channel: valid examples with one to three fields broken (replaced,
// removed, or joined by an unexpected key, at any depth), plus inputs that are garbage
// through and through. A few untouched examples go through too, so the writes that ARE
// allowed keep happening between the refusals, as on a real till.
import fc from 'fast-check';
import type { Channel } from '../../../../shared/contract';
import { examples, type Fixtures } from './examples';
import { hostileKey, hostileValue } from './hostile';

type Path = (string | number)[];

function isPlain(v: unknown): boolean {
  if (Array.isArray(v)) return true;
  if (v === null || typeof v !== 'object') return false;
  const proto: unknown = Object.getPrototypeOf(v);
  return proto === Object.prototype || proto === null;
}

/** Deeper than any example plus a few hostile levels: mutations land in the part that matters. */
const MAX_PATH_DEPTH = 12;

/**
 * Every place in plain arrays and objects where a mutation can land (the root is []). Walks
 * each container once and only so deep, so a value that (by a bug or on purpose) contains
 * itself cannot overflow the stack here.
 */
function pathsOf(value: unknown, prefix: Path = [], seen: WeakSet<object> = new WeakSet()): Path[] {
  const out: Path[] = [prefix];
  if (
    value === null ||
    typeof value !== 'object' ||
    !isPlain(value) ||
    seen.has(value) ||
    prefix.length >= MAX_PATH_DEPTH
  )
    return out;
  seen.add(value);
  // forEach skips a sparse array's holes, as before.
  if (Array.isArray(value)) value.forEach((v, i) => out.push(...pathsOf(v, [...prefix, i], seen)));
  else for (const [k, v] of Object.entries(value)) out.push(...pathsOf(v, [...prefix, k], seen));
  return out;
}

interface Mutation {
  at: number;
  op: 'set' | 'delete' | 'addKey';
  key: string;
  value: unknown;
}

function removeAt(list: unknown[], index: number): void {
  for (let i = index; i < list.length - 1; i += 1) list[i] = list[i + 1];
  list.length = Math.max(0, list.length - 1);
}

function isContainer(v: unknown): v is Record<string | number, unknown> {
  return v !== null && typeof v === 'object';
}

/** Applies one mutation to a deep copy's node; the root itself can be replaced by `set`. */
function apply(root: unknown, m: Mutation): unknown {
  const paths = pathsOf(root);
  const path = paths[m.at % paths.length] ?? [];
  if (path.length === 0) return m.op === 'set' ? m.value : root;
  let parent: unknown = root;
  for (const step of path.slice(0, -1)) parent = isContainer(parent) ? parent[step] : undefined;
  const last = path[path.length - 1];
  if (!isContainer(parent) || !isPlain(parent) || last === undefined) return root;
  if (m.op === 'set') parent[last] = m.value;
  else if (m.op === 'delete') {
    // Shifted by hand: splice builds its result through parent.constructor, which an earlier
    // addKey may have replaced ("constructor" is a hostile key).
    if (Array.isArray(parent) && typeof last === 'number') removeAt(parent, last);
    else Reflect.deleteProperty(parent, last);
  } else {
    const target = parent[last];
    // defineProperty, so a "__proto__" key becomes a real own key as JSON.parse would make it.
    if (isContainer(target) && isPlain(target))
      Object.defineProperty(target, m.key, { value: m.value, enumerable: true, writable: true, configurable: true });
  }
  return root;
}

const clone = (v: unknown): unknown => structuredClone(v);

/** Bad inputs built from any source of valid examples (a contract channel, an HTTP route). */
export function mutatedFrom(
  make: (requestId: string, n: number) => unknown[],
  transport: 'inProcess' | 'json',
): fc.Arbitrary<unknown> {
  const example = fc.tuple(fc.uuid({ version: 4 }), fc.nat(), fc.nat()).map(([requestId, n, pick]) => {
    const all = make(requestId, n);
    return all[pick % all.length];
  });
  const mutation = fc.record({
    at: fc.nat(),
    op: fc.constantFrom('set', 'set', 'delete', 'addKey'),
    key: hostileKey,
    value: hostileValue(transport),
  }) satisfies fc.Arbitrary<Mutation>;
  const mutated = fc
    .tuple(example, fc.array(mutation, { minLength: 1, maxLength: 3 }))
    .map(([ex, ms]) => ms.reduce((v, m) => apply(v, m), clone(ex)));
  return fc.oneof(
    { weight: 12, arbitrary: mutated },
    { weight: 3, arbitrary: hostileValue(transport) },
    { weight: 1, arbitrary: example },
  );
}

export function badInputs(
  channel: Channel,
  fixtures: Fixtures,
  transport: 'inProcess' | 'json',
): fc.Arbitrary<unknown> {
  const make = examples[channel] as (f: Fixtures, requestId: string, n: number) => unknown[];
  return mutatedFrom((requestId, n) => make(fixtures, requestId, n), transport);
}
