import { describe, it, expect } from 'vitest';
import { en } from '../i18n/en';
import { i18next } from '../i18n/i18n';
import fc from 'fast-check';
import { ErrorCode } from '../../shared/contract/errors';
import { errorMessages } from '../../shared/contract/errorMessages';
import { describeError } from './errorText';

// The till's own i18next instance, both languages loaded at import.
const tZh = i18next.getFixedT('zh-CN');
const tEn = i18next.getFixedT('en');

describe('describeError', () => {
  it('says every code in the cashier’s language, never the raw message', () => {
    for (const code of ErrorCode.options) {
      expect(describeError({ code, message: 'raw stack at x.ts:1' }, tZh).headline).toBe(errorMessages['zh-CN'][code]);
      expect(describeError({ code, message: 'raw' }, tEn).headline).toBe(errorMessages.en[code]);
    }
  });
  it('lists the contract’s field issues', () => {
    const lines = describeError(
      {
        code: 'VALIDATION',
        message: '',
        details: {
          issues: [
            { path: 'name', message: 'name_required' },
            { path: 'phone', message: 'phone_invalid' },
            { path: 'lines.0.quantity', message: 'Too small' },
          ],
        },
      },
      tEn,
    );
    expect(lines.issues).toEqual([
      'Enter the name.',
      'Enter a valid mobile number (11 digits).',
      'Quantity: not valid.',
    ]);
  });
  it('an unreachable core is said plainly', () => {
    expect(describeError({ code: 'INTERNAL', message: 'x', details: { transport: 'unreachable' } }, tEn).headline).toBe(
      en.error.unreachable,
    );
  });
  it('never throws, whatever the details hold', () => {
    fc.assert(
      fc.property(fc.constantFrom(...ErrorCode.options), fc.jsonValue(), (code, details) => {
        const d =
          typeof details === 'object' && details !== null && !Array.isArray(details) ? details : { issues: details };
        const r = describeError({ code, message: 'm', details: d }, tZh);
        expect(r.headline.length).toBeGreaterThan(0);
        for (const line of r.issues) expect(typeof line).toBe('string');
      }),
      { numRuns: 200 },
    );
  });
});
