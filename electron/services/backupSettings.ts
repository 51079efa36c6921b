import type { ParsedInput, TerminalStatus } from '../../shared/contract';
import type { ServiceContext } from '../core/context';
import { writeState } from '../platform/syncStateTable';
import { atomic } from '../platform/transactions';
import { appendAudit } from './audit';
import { backupKeep } from './backups';
import { getStatus } from './shop';

/** Manager: how many daily backups to keep; the oldest beyond it go at the next backup. */
export function setBackupKeep(ctx: ServiceContext, input: ParsedInput<'setBackupKeep'>): TerminalStatus {
  atomic(ctx, () => {
    const before = backupKeep(ctx);
    writeState(ctx.db, 'backupKeep', String(input.keep));
    appendAudit(ctx, { action: 'settings.changed', subject: 'backupKeep', details: { from: before, to: input.keep } });
  });
  return getStatus(ctx);
}
