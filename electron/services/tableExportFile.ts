import type { ParsedInput } from '../../shared/contract';
import type { TableExportFile } from '../../shared/contract/tableExport';
import type { ServiceContext } from '../core/context';
import { businessDay } from './businessDay';
import { exportTableCsv } from './tableExport';

/**
 * Manager's screen: one table as the command line's `export` writes it (the same writer, BOM, headers in the
 * till's language, phones masked), whole, for the browser to save.
 */
export function exportTableFile(ctx: ServiceContext, input: ParsedInput<'exportTable'>): TableExportFile {
  const { table, from, to } = input;
  const csv = [...exportTableCsv(ctx, table, { from, to })].join('');
  const today = businessDay(ctx.clock.now(), ctx.timeZone).replaceAll('-', '');
  return { fileName: `${table}-${today}.csv`, csv };
}
