import { useTranslation } from 'react-i18next';
import type { MemberView } from '../../shared/contract/members';
import { MemberAdjustPoints } from './MemberAdjustPoints';
import { MemberPrivacy } from './MemberPrivacy';
import { MemberTierButton } from './MemberTierButton';

/**
 * The member panel's manager actions in one compact row (points, tier, the member's data); a form
 * one of them opens takes the row's whole width below its buttons. Each part is keyed by the member:
 * another member on screen starts with its forms closed and nothing revealed.
 */
export function MemberManagerActions({ member }: { member: MemberView }) {
  const { t } = useTranslation();
  return (
    <div className="member__manager" role="group" aria-label={t('memberManager.title')} data-testid="member-manager">
      <span className="member__manager-title">{t('memberManager.title')}</span>
      <MemberAdjustPoints key={`adjust-${member.id}`} member={member} />
      <MemberTierButton key={`tier-${member.id}`} member={member} />
      <MemberPrivacy key={member.id} member={member} />
    </div>
  );
}
