import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import type { MemberView } from '../../shared/contract/members';
import { editFormOf, memberEdit } from './memberEdit';

const member: MemberView = {
  id: '00000000-0000-4000-8000-000000000001',
  name: '王芳',
  phoneMasked: '+86 139****5678',
  birthday: '1990-05-01',
  cardNumber: '1000100000000011',
  cardStatus: 'active',
  tier: null,
  nextTier: null,
  pointsToNextTier: null,
  balance: 120,
  pointsEarnedTotal: 300,
  visits: 4,
  lastVisitAt: null,
  spendNotices: false,
  createdAt: 0,
};

describe('memberEdit', () => {
  it('sends nothing when the form is as it was opened', () => {
    expect(memberEdit(member, editFormOf(member))).toBeNull();
  });
  it('sends only the changed fields; an emptied birthday is removed (null)', () => {
    expect(memberEdit(member, { ...editFormOf(member), name: '王芳芳' })).toEqual({ name: '王芳芳' });
    expect(memberEdit(member, { ...editFormOf(member), phone: '13800138000' })).toEqual({ phone: '13800138000' });
    expect(memberEdit(member, { ...editFormOf(member), birthday: '' })).toEqual({ birthday: null });
    expect(
      memberEdit(
        { ...member, birthday: null },
        { name: '王芳', phone: '', birthday: '2001-02-03', spendNotices: false },
      ),
    ).toEqual({
      birthday: '2001-02-03',
    });
  });
  it('sends the spend-notice choice only when it changed', () => {
    expect(memberEdit(member, { ...editFormOf(member), spendNotices: true })).toEqual({ spendNotices: true });
    expect(memberEdit({ ...member, spendNotices: true }, { ...editFormOf(member), spendNotices: false })).toEqual({
      spendNotices: false,
    });
  });
  it('shows a birthday without a year as month-day and sends what is typed in its stored form', () => {
    const noYear = { ...member, birthday: '--05-01' };
    expect(editFormOf(noYear).birthday).toBe('05-01');
    expect(memberEdit(noYear, editFormOf(noYear))).toBeNull();
    expect(memberEdit(noYear, { ...editFormOf(noYear), birthday: '5月2日' })).toEqual({ birthday: '--05-02' });
    expect(memberEdit(member, { ...editFormOf(member), birthday: '1990/5/1' })).toBeNull();
    expect(memberEdit(member, { ...editFormOf(member), birthday: '02/30/2025' })).toEqual({ birthday: '02/30/2025' });
  });
  it('sends an emptied name so the core refuses it with the registration message', () => {
    expect(memberEdit(member, { ...editFormOf(member), name: '  ' })).toEqual({ name: '  ' });
  });
  it('never sends a field the cashier left alone, whatever else changed', () => {
    fc.assert(
      fc.property(fc.option(fc.string({ maxLength: 20 })), fc.option(fc.string({ maxLength: 15 })), (name, phone) => {
        const form = {
          ...editFormOf(member),
          ...(name === null ? {} : { name }),
          ...(phone === null ? {} : { phone }),
        };
        const edit = memberEdit(member, form) ?? {};
        expect('birthday' in edit).toBe(false);
        if (name === null || name.trim() === member.name) expect('name' in edit).toBe(false);
        if (phone === null || phone.trim() === '') expect('phone' in edit).toBe(false);
      }),
      { numRuns: 200 },
    );
  });
});
