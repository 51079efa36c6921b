import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { ErrorCode, type ApiError } from '../../shared/contract/errors';
import { blockedCardHolder } from './ui';

const id = '00000000-0000-4000-8000-000000000007';

describe('blockedCardHolder', () => {
  it('names the holder of a lost, blocked or replaced card', () => {
    for (const status of ['lost', 'blocked', 'replaced']) {
      expect(blockedCardHolder({ code: 'CARD_BLOCKED', message: 'x', details: { status, memberId: id } })).toBe(id);
    }
  });
  it('offers nothing for any other refusal, or when the core did not say who', () => {
    expect(blockedCardHolder(null)).toBeNull();
    expect(blockedCardHolder({ code: 'CARD_BLOCKED', message: 'x' })).toBeNull();
    expect(blockedCardHolder({ code: 'CARD_BLOCKED', message: 'x', details: { memberId: 42 } })).toBeNull();
    fc.assert(
      fc.property(
        fc.constantFrom(...ErrorCode.options.filter((c) => c !== 'CARD_BLOCKED')),
        fc.dictionary(fc.string(), fc.jsonValue()),
        (code, details) => {
          const error: ApiError = { code, message: code, details: { ...details, memberId: id } };
          expect(blockedCardHolder(error)).toBeNull();
        },
      ),
      { numRuns: 100 },
    );
  });
});
