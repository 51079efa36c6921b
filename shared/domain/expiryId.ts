// The id of a lot's expiry row, derived from member and lot the way RFC 4122 version 5 derives a
// name-based UUID: every terminal and head office compute the same id, so the row is written once.
// SHA-1 is injected (node:crypto on both sides) to keep shared/ free of node imports.

export type Sha1 = (bytes: Uint8Array) => Uint8Array;

/** The namespace of expiry rows (a fixed random UUID; changing it would change every expiry id). */
export const EXPIRY_NAMESPACE = '5f2b7c1e-8d3a-4e6b-9a41-6c0d2e9f7b13';

function uuidBytes(uuid: string): Uint8Array {
  const hex = uuid.replace(/-/g, '');
  const out = new Uint8Array(16);
  for (let i = 0; i < 16; i += 1) out[i] = parseInt(hex.slice(i * 2, i * 2 + 2), 16);
  return out;
}

export function uuidV5(namespace: string, name: string, sha1: Sha1): string {
  const nameBytes = new TextEncoder().encode(name);
  const input = new Uint8Array(16 + nameBytes.length);
  input.set(uuidBytes(namespace), 0);
  input.set(nameBytes, 16);
  const hash = sha1(input);
  const b = Array.from(hash.slice(0, 16));
  b[6] = ((b[6] ?? 0) & 0x0f) | 0x50;
  b[8] = ((b[8] ?? 0) & 0x3f) | 0x80;
  const hex = b.map((x) => x.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

export function expiryRowId(memberId: string, lotId: string, sha1: Sha1): string {
  return uuidV5(EXPIRY_NAMESPACE, `${memberId}/${lotId}`, sha1);
}
