import { isDomainError } from '../../shared/contract';
import { errorMessage } from '../../shared/contract/errorMessages';
import type { Locale } from '../../shared/contract/primitives';
import { CliError } from './cliError';
import { EXIT, type ExitCode } from './exitCodes';

/** Where a command's answer goes (the process's own streams; a test passes its own). */
export interface CliOutput {
  out(text: string): void;
  err(text: string): void;
}
export const processOutput: CliOutput = {
  out: (text) => process.stdout.write(`${text}\n`),
  err: (text) => process.stderr.write(`${text}\n`),
};

/** Head office's refusals and absence are their own exit status; the till's other refusals are REFUSED. */
const headOfficeCodes = new Set(['HEADOFFICE_UNREACHABLE', 'SYNC_REFUSED', 'ENROL_REFUSED']);

/**
 * Runs a command's work and turns its outcome into an exit status and a message in the person's
 * language: a CliError as it says, a till refusal (DomainError) through the till's own message table.
 */
export async function runCommand(locale: Locale, work: () => Promise<void> | void, output = processOutput) {
  let exit: ExitCode = EXIT.ok;
  try {
    await work();
  } catch (error) {
    if (error instanceof CliError) {
      output.err(`tillcard: ${error.message} [${error.code}]`);
      exit = error.exit;
    } else if (isDomainError(error)) {
      output.err(`tillcard: ${errorMessage(error.code, locale, error.details)} [${error.code}]`);
      exit = headOfficeCodes.has(error.code) ? EXIT.headOffice : EXIT.refused;
    } else {
      output.err(`tillcard: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
      exit = EXIT.failure;
    }
  }
  process.exitCode = exit;
}

/** 1.2 MiB, 640 KiB, 900 B. */
export function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${(bytes / (1024 * 1024)).toFixed(1)} MiB`;
  if (bytes >= 1024) return `${(bytes / 1024).toFixed(0)} KiB`;
  return `${bytes} B`;
}
