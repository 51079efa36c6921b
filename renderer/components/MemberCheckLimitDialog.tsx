import { useTranslation } from 'react-i18next';
import { api } from '../api/tillApi';
import { integer } from '../lib/format';
import { useStatus } from '../state/status';
import { LimitDialog } from './LimitDialog';

/** Whole points, up to 9 digits; empty means no threshold (null). */
function parseThreshold(text: string): number | null | undefined {
  const trimmed = text.trim();
  if (trimmed === '') return null;
  return /^\d{1,9}$/.test(trimmed) ? Number(trimmed) : undefined;
}

/** Manager: the points above which a redemption or points discount needs the member's check (empty = none). */
export function MemberCheckLimitDialog({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const current = useStatus((s) => s.status?.memberCheckAbovePoints ?? null);
  return (
    <LimitDialog
      onClose={onClose}
      setting={{
        title: t('memberCheck.limitTitle'),
        hint: t('memberCheck.limitHint'),
        label: t('memberCheck.limitLabel'),
        cancel: t('memberCheck.cancel'),
        save: t('memberCheck.limitSave'),
        testId: 'member-check-limit-dialog',
        inputMode: 'numeric',
        maxLength: 9,
        initial: current === null ? '' : String(current),
        parse: parseThreshold,
        store: (abovePoints) => api.setMemberCheckLimit({ abovePoints }),
      }}
    />
  );
}

/** The threshold as the manager's menu names it: "Member check above 500 pts", or off. */
export function useMemberCheckLimitLabel(): string {
  const { t, i18n } = useTranslation();
  const limit = useStatus((s) => s.status?.memberCheckAbovePoints ?? null);
  return limit === null
    ? t('memberCheck.limitNone')
    : t('memberCheck.limitEntry', { points: integer(limit, i18n.language) });
}
