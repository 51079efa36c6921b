import { useMember } from '../state/member';
import { useUi } from '../state/ui';
import { EditMemberDialog } from './EditMemberDialog';
import { NewCardDialog } from './NewCardDialog';
import { ReportLostDialog } from './ReportLostDialog';

/**
 * The member-care dialogs (F3 edit, F5 report lost, F11 new card). Their own component, so the
 * member changing on every scan re-renders this and not the whole till screen.
 */
export function CareDialogs() {
  const dialog = useUi((s) => s.dialog);
  const newCardFor = useUi((s) => s.newCardFor);
  const member = useMember((s) => s.member);
  if (dialog === 'editMember' && member) return <EditMemberDialog member={member} />;
  if (dialog === 'reportLost' && member) return <ReportLostDialog member={member} />;
  if (dialog === 'newCard' && newCardFor) return <NewCardDialog key={newCardFor} memberId={newCardFor} />;
  return null;
}
