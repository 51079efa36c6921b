import { z } from 'zod';

// The shop's calendar: a till runs in its computer's IANA zone (business days, tier windows, expiry
// dates) and tells head office at enrolment, so head office evaluates that shop's members alike.

function isTimeZone(name: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: name });
    return true;
  } catch {
    return false;
  }
}

export const TimeZone = z.string().trim().min(1).max(64).refine(isTimeZone, 'not an IANA time zone');

/** Head office's zone for a shop no till has named one for (every chain ran in it before tills told theirs). */
export const DEFAULT_SHOP_TIME_ZONE = 'Asia/Shanghai';
