import { DatabaseKeyError, databaseKeyMessages } from '../../db/databaseKeyError';
import { isDomainError } from '../../shared/contract';
import { errorMessage } from '../../shared/contract/errorMessages';
import { importFileProblemText } from '../../shared/contract/memberImportText';
import type { Locale } from '../../shared/contract/primitives';
import { describeUnknown } from '../../shared/describeUnknown';
import { ImportFileError } from '../services/memberImport/importFileError';
import { CliError } from './cliError';
import { say } from './cliText';
import { EXIT, type ExitCode } from './exitCodes';

/** A command's failure as scripts and people see it: the exit status, a stable code, the words. */
export interface Failure {
  exit: ExitCode;
  code: string;
  message: string;
}

/** Head office's refusals and absence are their own exit status; the till's other refusals are `refused`. */
const headOfficeCodes: ReadonlySet<string> = new Set(['HEADOFFICE_UNREACHABLE', 'SYNC_REFUSED', 'ENROL_REFUSED']);

/** The one mapping from whatever a command threw to exitCodes.ts, worded in `locale`. */
export function failureOf(error: unknown, locale: Locale): Failure {
  if (error instanceof CliError) return { exit: error.exit, code: error.code, message: error.message };
  if (error instanceof DatabaseKeyError)
    return {
      exit: EXIT.noDatabase,
      code: error.code,
      message: say(locale, 'keyMissing', { reason: databaseKeyMessages[locale][error.code] }),
    };
  if (error instanceof ImportFileError)
    return {
      exit: EXIT.refused,
      code: error.problem,
      message: importFileProblemText(error.problem, error.fields, locale),
    };
  if (isDomainError(error))
    return {
      exit: headOfficeCodes.has(error.code) ? EXIT.headOffice : EXIT.refused,
      code: error.code,
      message: errorMessage(error.code, locale, error.details),
    };
  const reason = error instanceof Error ? error.message : describeUnknown(error);
  return { exit: EXIT.failure, code: 'INTERNAL', message: say(locale, 'failed', { reason }) };
}
