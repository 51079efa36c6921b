import { valueOf, type Till } from './till';

/** Luhn check digit, written out here so a test can make a well-formed card nobody holds. */
export function luhnComplete(body15: string): string {
  let sum = 0;
  for (let i = body15.length - 1, pos = 0; i >= 0; i--, pos++) {
    let d = Number(body15[i]);
    if (pos % 2 === 0) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return body15 + String((10 - (sum % 10)) % 10);
}

/** Swaps the last digit so the Luhn check fails (one mistyped digit). */
export function breakCheckDigit(number: string): string {
  const last = Number(number.slice(-1));
  return number.slice(0, -1) + String((last + 1) % 10);
}

export interface MemberSummary {
  id: string;
  name: string;
  cardNumber: string;
  balance: number;
}

export async function findMember(till: Till, query: string): Promise<MemberSummary> {
  const m = valueOf(await till.api.searchMembers({ query })).members[0];
  if (!m) throw new Error(`no demo member for ${query}`);
  return m;
}
