// How a member's name and phone are keyed for search and de-duplication.

/** Search key of a name: NFKC (full-width letters become ASCII) and lower case. */
export function nameKey(name: string): string {
  return name.normalize('NFKC').toLowerCase();
}

/** The last four digits of an E.164 phone, indexed for "search by the end of the number". */
export function phoneTail(e164: string): string {
  return e164.replace(/\D/g, '').slice(-4);
}
