import type { MemberView } from '../../shared/contract/members';
import { birthdayFromText, birthdayText } from '../../shared/domain/birthday';

export interface MemberEditForm {
  name: string;
  /** Empty keeps the stored number: the till only ever sees it masked, so it cannot be shown. */
  phone: string;
  /** As the birthday field shows it (shared/domain/birthday), or empty for "no birthday". */
  birthday: string;
  /** The member asks for spend notices (head office's webhook). */
  spendNotices: boolean;
}

export interface MemberEdit {
  name?: string;
  phone?: string;
  birthday?: string | null;
  spendNotices?: boolean;
}

export const editFormOf = (member: MemberView): MemberEditForm => ({
  name: member.name,
  phone: '',
  birthday: birthdayText(member.birthday),
  spendNotices: member.spendNotices,
});

/**
 * Only what the cashier changed goes to updateMember, so an untouched field is never rewritten
 * (and a member with no change sends nothing at all: null). The core validates what is sent.
 */
export function memberEdit(member: MemberView, form: MemberEditForm): MemberEdit | null {
  const edit: MemberEdit = {};
  if (form.name.trim() !== member.name) edit.name = form.name;
  if (form.phone.trim() !== '') edit.phone = form.phone;
  const birthday = birthdayFromText(form.birthday);
  if (birthday !== member.birthday) edit.birthday = birthday;
  if (form.spendNotices !== member.spendNotices) edit.spendNotices = form.spendNotices;
  return Object.keys(edit).length === 0 ? null : edit;
}
