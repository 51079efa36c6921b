import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MemberView } from '../../shared/contract/members';
import { mayCallWithApproval } from '../lib/access';
import { focusScan } from '../lib/focus';
import { useStatus } from '../state/status';
import { rowLabel } from './memberManagerRow';
import { MemberTierDialog } from './MemberTierDialog';

/** In the panel's manager row: set the member's tier by hand (a cashier's save asks for a manager). */
export function MemberTierButton({ member }: { member: MemberView }) {
  const { t } = useTranslation();
  const role = useStatus((s) => s.status?.signedIn?.role ?? null);
  const [open, setOpen] = useState(false);
  if (!mayCallWithApproval(role, 'setMemberTier')) return null;
  return (
    <>
      <button
        type="button"
        data-testid="tier-override-open"
        {...rowLabel(t('tierOverride.open'), t('memberManager.tier'))}
        onClick={() => setOpen(true)}
      />
      {open && (
        <MemberTierDialog
          member={member}
          onClose={() => {
            setOpen(false);
            focusScan();
          }}
        />
      )}
    </>
  );
}
