import type { ImportField, ImportFileProblem } from '../../../shared/contract/memberImport';

/** The whole file is refused before any row is written: binary, empty, or without the columns an import needs. */
export class ImportFileError extends Error {
  constructor(
    readonly problem: ImportFileProblem,
    readonly fields: readonly ImportField[] = [],
  ) {
    super(`member import refused: ${problem}${fields.length > 0 ? ` (${fields.join(', ')})` : ''}`);
    this.name = 'ImportFileError';
  }
}
