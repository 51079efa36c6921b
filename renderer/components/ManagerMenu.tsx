import { useCallback, useEffect, useRef, useState, type KeyboardEvent as ReactKeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Channel } from '../../shared/contract/contract';
import { mayCall } from '../lib/access';
import { focusScan } from '../lib/focus';
import { useStatus } from '../state/status';
import { useUi } from '../state/ui';
import { AuditTrailDialog } from './AuditTrail';
import { BackupKeepDialog, useBackupKeepLabel } from './BackupKeepDialog';
import { CampaignsDialog } from './CampaignsDialog';
import { DayReportDialog } from './DayReportDialog';
import { MemberListDialog } from './MemberListDialog';
import { ImportExportDialog } from './ImportExportDialog';
import { LargeSaleLimitDialog, useLargeSaleLimitLabel } from './LargeSaleLimitDialog';
import { LeaveDemoDialog } from './LeaveDemo';
import { MemberCheckLimitDialog, useMemberCheckLimitLabel } from './MemberCheckLimitDialog';
import { ProgrammeScreen } from './programme/ProgrammeScreen';
import { SalesQueryDialog } from './SalesQueryDialog';
import { StaffDialog } from './StaffDialog';
import { useDialogKeys } from './useDialogKeys';

export type ManagerToolId =
  | 'staff'
  | 'programme'
  | 'largeSaleLimit'
  | 'memberCheckLimit'
  | 'backupKeep'
  | 'auditTrail'
  | 'campaigns'
  | 'refund'
  | 'dayReport'
  | 'sales'
  | 'memberList'
  | 'importExport'
  | 'leaveDemo';

interface ManagerTool {
  id: ManagerToolId;
  /** The call the tool exists for: the role table decides who sees it. */
  channel: Channel;
  label: string;
}

/** The manager's tools the signed-in role may use, in menu order; none for a cashier. */
function useManagerTools(): ManagerTool[] {
  const { t } = useTranslation();
  const role = useStatus((s) => s.status?.signedIn?.role ?? null);
  const demo = useStatus((s) => s.status?.demo ?? false);
  const largeSaleLabel = useLargeSaleLimitLabel();
  const memberCheckLabel = useMemberCheckLimitLabel();
  const backupKeepLabel = useBackupKeepLabel();
  const tools: ManagerTool[] = [
    { id: 'staff', channel: 'listStaff', label: t('staff.staffOpen') },
    { id: 'largeSaleLimit', channel: 'setLargeSaleLimit', label: largeSaleLabel },
    { id: 'memberCheckLimit', channel: 'setMemberCheckLimit', label: memberCheckLabel },
    { id: 'backupKeep', channel: 'setBackupKeep', label: backupKeepLabel },
    { id: 'programme', channel: 'getProgramme', label: t('programme.open') },
    { id: 'campaigns', channel: 'listCampaigns', label: t('campaigns.open') },
    { id: 'refund', channel: 'refundSale', label: t('refund.byNumber') },
    { id: 'dayReport', channel: 'dayReport', label: t('dayReport.open') },
    { id: 'sales', channel: 'findSales', label: t('salesQuery.open') },
    { id: 'memberList', channel: 'listMembers', label: t('memberList.open') },
    { id: 'importExport', channel: 'importMembers', label: t('importExport.open') },
    { id: 'auditTrail', channel: 'auditTrail', label: t('auditTrail.open') },
    ...(demo ? [{ id: 'leaveDemo', channel: 'leaveDemoShop', label: t('leaveDemo.open') } as const] : []),
  ];
  return tools.filter((tool) => mayCall(role, tool.channel));
}

/** The open menu: arrows move between the tools, Enter opens one, Esc or Tab closes it. */
function MenuList({
  tools,
  onPick,
  onClose,
}: {
  tools: ManagerTool[];
  onPick: (id: ManagerToolId) => void;
  onClose: (refocus: boolean) => void;
}) {
  const { t } = useTranslation();
  const ref = useRef<HTMLUListElement>(null);
  const escape = useCallback(() => onClose(true), [onClose]);
  // While open the menu has Esc (and the F-keys), like a dialog: the till's own Esc must not act too.
  useDialogKeys(escape);
  useEffect(() => {
    ref.current?.querySelector<HTMLElement>('[role="menuitem"]')?.focus();
    const onDown = (e: MouseEvent) => {
      const menu = ref.current?.parentElement;
      if (menu && e.target instanceof Node && !menu.contains(e.target)) onClose(false);
    };
    document.addEventListener('mousedown', onDown);
    return () => document.removeEventListener('mousedown', onDown);
  }, [onClose]);
  const onKeyDown = (e: ReactKeyboardEvent) => {
    const items = [...(ref.current?.querySelectorAll<HTMLElement>('[role="menuitem"]') ?? [])];
    const at = items.findIndex((item) => item === document.activeElement);
    const next = (i: number) => items[(i + items.length) % items.length]?.focus();
    if (e.key === 'ArrowDown') next(at + 1);
    else if (e.key === 'ArrowUp') next(at - 1);
    else if (e.key === 'Home') next(0);
    else if (e.key === 'End') next(items.length - 1);
    else if (e.key === 'Tab') return onClose(false);
    else return;
    e.preventDefault();
  };
  return (
    <ul
      ref={ref}
      id="manager-menu"
      role="menu"
      aria-label={t('staff.menu')}
      className="manager-menu__list"
      data-testid="manager-menu"
      onKeyDown={onKeyDown}
    >
      {tools.map((tool) => (
        <li key={tool.id} role="none">
          <button
            type="button"
            role="menuitem"
            tabIndex={-1}
            className="button--quiet"
            data-testid={`manager-tool-${tool.id}`}
            onClick={() => onPick(tool.id)}
          >
            {tool.label}
          </button>
        </li>
      ))}
    </ul>
  );
}

/**
 * The status bar's one "Manager" menu: staff, settings, audit trail — each shown only when the role
 * table lets the signed-in role make its call, so a cashier sees no menu at all. Alt+M opens it.
 */
export function ManagerMenu() {
  const { t } = useTranslation();
  const tools = useManagerTools();
  const openDialog = useUi((s) => s.openDialog);
  const openRefund = useUi((s) => s.openRefund);
  const leaveDemoOpen = useUi((s) => s.dialog === 'leaveDemo');
  const [expanded, setExpanded] = useState(false);
  const [tool, setTool] = useState<Exclude<ManagerToolId, 'leaveDemo' | 'refund'> | null>(null);
  const button = useRef<HTMLButtonElement>(null);
  const any = tools.length > 0;
  const close = useCallback((refocus: boolean) => {
    setExpanded(false);
    if (refocus) button.current?.focus();
  }, []);
  const closeTool = useCallback(() => {
    setTool(null);
    focusScan();
  }, []);
  const pick = (id: ManagerToolId) => {
    setExpanded(false);
    // Leaving the demo is one of the till's own dialogs (Esc closes it through the till's keys).
    if (id === 'leaveDemo') openDialog('leaveDemo');
    // A refund by the receipt's sale number: the till's refund dialog, as from the member's history.
    else if (id === 'refund') openRefund(null);
    else setTool(id);
  };
  useEffect(() => {
    if (!any) return;
    const onKey = (e: KeyboardEvent) => {
      if (!e.altKey || e.key.toLowerCase() !== 'm') return;
      e.preventDefault();
      setExpanded(true);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [any]);
  if (!any) return null;
  return (
    <div className="manager-menu">
      <button
        ref={button}
        type="button"
        className="button--quiet"
        aria-haspopup="menu"
        aria-expanded={expanded}
        aria-controls={expanded ? 'manager-menu' : undefined}
        title="Alt+M"
        data-testid="manager-menu-open"
        onClick={() => setExpanded((was) => !was)}
      >
        {t('staff.menu')} ▾
      </button>
      {expanded && <MenuList tools={tools} onPick={pick} onClose={close} />}
      {tool === 'staff' && <StaffDialog onClose={closeTool} />}
      {tool === 'programme' && <ProgrammeScreen onClose={closeTool} />}
      {tool === 'largeSaleLimit' && <LargeSaleLimitDialog onClose={closeTool} />}
      {tool === 'backupKeep' && <BackupKeepDialog onClose={closeTool} />}
      {tool === 'memberCheckLimit' && <MemberCheckLimitDialog onClose={closeTool} />}
      {tool === 'auditTrail' && <AuditTrailDialog onClose={closeTool} />}
      {tool === 'campaigns' && <CampaignsDialog onClose={closeTool} />}
      {tool === 'dayReport' && <DayReportDialog onClose={closeTool} />}
      {tool === 'sales' && <SalesQueryDialog onClose={closeTool} />}
      {tool === 'memberList' && <MemberListDialog onClose={closeTool} />}
      {tool === 'importExport' && <ImportExportDialog onClose={closeTool} />}
      {leaveDemoOpen && <LeaveDemoDialog />}
    </div>
  );
}
