/**
 * JSON with every object's keys in sorted (UTF-16 code unit) order, so two inputs that differ
 * only in key order serialise alike: the dispatcher compares it to recognise a repeated request.
 * Same values as JSON.stringify (undefined and function members dropped, undefined in an array
 * as null); written out by hand because a replacer that rebuilds each object sorted is too slow
 * for the sale path.
 */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) {
    let out = '[';
    for (let i = 0; i < value.length; i += 1) {
      if (i > 0) out += ',';
      const item: unknown = value[i];
      out += item === undefined || typeof item === 'function' ? 'null' : canonicalJson(item);
    }
    return `${out}]`;
  }
  // A Date, a Map…: what JSON.stringify would write (inputs here are parsed JSON anyway).
  if ('toJSON' in value && typeof value.toJSON === 'function') return canonicalJson(value.toJSON());
  const keys = Object.keys(value).sort();
  let out = '{';
  let first = true;
  for (const key of keys) {
    const item: unknown = Reflect.get(value, key);
    if (item === undefined || typeof item === 'function') continue;
    out += `${first ? '' : ','}${JSON.stringify(key)}:${canonicalJson(item)}`;
    first = false;
  }
  return `${out}}`;
}
