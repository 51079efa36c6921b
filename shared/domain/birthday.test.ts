import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { birthdayFromText, birthdayProblem, birthdayText } from './birthday';
import { Birthday } from '../contract/primitives';
import { MemberRecord } from '../sync/records';

const TODAY = '2026-03-15';
const stored = (text: string): string | null => birthdayFromText(text);
const verdict = (text: string) => {
  const b = stored(text);
  return b === null ? null : birthdayProblem(b, TODAY);
};

describe('birthdayFromText and birthdayProblem', () => {
  it.each([
    ['1990-05-01', '1990-05-01'],
    ['1990/5/1', '1990-05-01'],
    ['1990.05.01', '1990-05-01'],
    ['19900501', '1990-05-01'],
    ['1990年5月1日', '1990-05-01'],
    ['１９９０－０５－０１', '1990-05-01'],
    [' 1990 - 5 - 1 ', '1990-05-01'],
    ['05-01', '--05-01'],
    ['5/1', '--05-01'],
    ['5月1日', '--05-01'],
    ['--05-01', '--05-01'],
    ['02-29', '--02-29'],
    ['2000-02-29', '2000-02-29'],
    [TODAY, TODAY],
  ])('stores %j as %j', (text, iso) => {
    expect(stored(text)).toBe(iso);
    expect(birthdayProblem(iso, TODAY)).toBeNull();
  });

  it('stores an empty field as no birthday', () => {
    expect(stored('')).toBeNull();
    expect(stored('   ')).toBeNull();
  });

  const notReal = ['02/30/2025', '2025-02-30', '1990-13-01', '13-01', '00-10', '02-30', '2023-02-29', '1899-12-31'];
  it.each([...notReal, 'May 1', '1990-5', '1', 'abc'])('refuses %j as not a real date', (text) => {
    expect(verdict(text)).toBe('birthday.invalid');
  });

  it('refuses a date after the shop’s today, but not a month and day alone', () => {
    expect(verdict('2999-01-01')).toBe('birthday.future');
    expect(verdict('2026-03-16')).toBe('birthday.future');
    expect(verdict('12-31')).toBeNull();
  });

  it('property: every real date up to today is stored as itself and shown back as typed', () => {
    const day = fc
      .date({ min: new Date('1900-01-01T00:00:00Z'), max: new Date(`${TODAY}T00:00:00Z`), noInvalidDate: true })
      .map((d) => d.toISOString().slice(0, 10));
    fc.assert(
      fc.property(day, fc.constantFrom('-', '/', '.'), (iso, sep) => {
        const [y, m, d] = iso.split('-').map(Number);
        const typed = `${y}${sep}${m}${sep}${d}`;
        expect(stored(typed)).toBe(iso);
        expect(birthdayProblem(iso, TODAY)).toBeNull();
        expect(stored(birthdayText(iso))).toBe(iso);
        const noYear = `--${iso.slice(5)}`;
        expect(stored(`${m}/${d}`)).toBe(noYear);
        expect(birthdayProblem(noYear)).toBeNull();
        expect(stored(birthdayText(noYear))).toBe(noYear);
      }),
    );
  });

  it('property: a month or day outside the calendar is refused, never moved to a nearby date', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1900, max: 2026 }), fc.nat(99), fc.nat(99), (y, m, d) => {
        const iso = `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
        const real = new Date(Date.UTC(y, m - 1, d)).toISOString().slice(0, 10) === iso;
        expect(birthdayProblem(iso) === null).toBe(real);
      }),
    );
  });
});

describe('one rule for the contract and the sync records', () => {
  it('the contract and head office take exactly the stored forms birthdayProblem takes', () => {
    const record = (birthday: string) => ({
      id: '00000000-0000-4000-8000-000000000001',
      name: 'A',
      phone: '+8613912345678',
      birthday,
      cardNumber: '9000000000000001',
      homeShopId: null,
      createdAt: 0,
    });
    for (const b of ['1990-05-01', '--02-29', '--12-31']) {
      expect(Birthday.safeParse(b).success).toBe(true);
      expect(MemberRecord.safeParse(record(b)).success).toBe(true);
    }
    for (const b of ['--13-01', '2025-02-30', '02/30/2025', '05-01', '1990-5-1']) {
      expect(Birthday.safeParse(b).success).toBe(false);
      expect(MemberRecord.safeParse(record(b)).success).toBe(false);
    }
  });
});
