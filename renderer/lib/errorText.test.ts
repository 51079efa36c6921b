import { describe, it, expect, beforeAll } from 'vitest';
import fc from 'fast-check';
import i18next, { type TFunction } from 'i18next';
import { ErrorCode } from '../../shared/contract/errors';
import { errorMessages } from '../../shared/contract/errorMessages';
import { en } from '../i18n/en';
import { zhCN } from '../i18n/zhCN';
import { describeError } from './errorText';

let tZh: TFunction;
let tEn: TFunction;
beforeAll(async () => {
  const i18n = i18next.createInstance();
  await i18n.init({
    resources: {
      'zh-CN': { translation: { ...zhCN, errors: errorMessages['zh-CN'] } },
      en: { translation: { ...en, errors: errorMessages.en } },
    },
    lng: 'zh-CN',
    interpolation: { escapeValue: false },
  });
  tZh = i18n.getFixedT('zh-CN');
  tEn = i18n.getFixedT('en');
});

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
