import { basename, extname } from 'node:path';
import type { ImportIssue, ImportMembersAnswer } from '../../../shared/contract/memberImport';
import {
  importFileProblemText,
  importIssueText,
  importOutcomeText,
  importReportHeader,
  importReportRow,
} from '../../../shared/contract/memberImportText';
import { DomainError } from '../../../shared/contract/errors';
import type { ParsedInput } from '../../../shared/contract';
import { toCsvFile } from '../../../shared/csv';
import type { ServiceContext } from '../../core/context';
import { readTerminal, terminalLocale } from '../terminalRow';
import { importMembers } from './importMembers';
import { ImportFileError } from './importFileError';

/**
 * Manager's screen: the same streamed import the command line runs, on a file the screen sent whole (it is
 * small, see MAX_SCREEN_IMPORT_BYTES). Answers the summary and the error report, in the till's language.
 */
export async function importMembersFromScreen(
  ctx: ServiceContext,
  input: ParsedInput<'importMembers'>,
): Promise<ImportMembersAnswer> {
  const locale = terminalLocale(readTerminal(ctx));
  const bytes = input.base64 !== undefined ? Buffer.from(input.base64, 'base64') : Buffer.from(input.text ?? '');
  const fileName = basename(input.fileName);
  const issues: ImportIssue[] = [];
  try {
    const summary = await importMembers(ctx, {
      source: (async function* () {
        yield bytes;
      })(),
      onIssue: (issue) => issues.push(issue),
      fileName,
    });
    const report =
      issues.length === 0
        ? null
        : {
            fileName: `${basename(fileName, extname(fileName))}.errors.csv`,
            csv: toCsvFile([importReportHeader[locale], ...issues.map((issue) => importReportRow(issue, locale))]),
          };
    const lines = issues.map((issue) => ({
      ...issue,
      outcomeText: importOutcomeText[locale][issue.outcome],
      reasonText: importIssueText(issue, locale),
    }));
    return { summary, lines, report };
  } catch (error) {
    if (!(error instanceof ImportFileError)) throw error;
    throw new DomainError('IMPORT_FILE_REFUSED', {
      problem: error.problem,
      fields: [...error.fields],
      reason: importFileProblemText(error.problem, error.fields, locale),
    });
  }
}
