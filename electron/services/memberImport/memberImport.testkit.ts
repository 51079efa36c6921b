// Test kit for the member import: a CSV's bytes as the stream a file would give, and an import run into a
// test terminal that keeps every issue it reports.
import iconv from 'iconv-lite';
import { luhnCheckDigit } from '../../../shared/domain/cardNumber';
import type { ImportEncoding, ImportIssue, ImportSummary } from '../../../shared/contract/memberImport';
import type { TestCore } from '../services.testkit';
import { importMembers } from './importMembers';

/** Bytes in chunks of `chunk` (a small one cuts characters in half, as a file stream may). */
export async function* chunks(bytes: Buffer, chunk = 7): AsyncGenerator<Buffer> {
  for (let i = 0; i < bytes.length; i += chunk) yield bytes.subarray(i, i + chunk);
}

/** Text → bytes in an encoding a shop's file may have ('utf-8-bom' adds the mark Excel writes). */
export function encoded(text: string, encoding: ImportEncoding | 'utf-8-bom'): Buffer {
  if (encoding === 'utf-8-bom') return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')]);
  if (encoding === 'utf-8') return Buffer.from(text, 'utf8');
  return iconv.encode(text, encoding, { addBOM: encoding.startsWith('utf-16') });
}

/** A valid card number of another terminal (code 42000), the nth. */
export function oldCardNumber(n: number): string {
  const body = `42000${String(n).padStart(10, '0')}`;
  return body + luhnCheckDigit(body);
}

/** A mainland mobile number, the nth. */
export const mobile = (n: number): string => `139${String(n).padStart(8, '0')}`;

export interface ImportRun {
  summary: ImportSummary;
  issues: ImportIssue[];
}

export async function runImport(
  c: TestCore,
  bytes: Buffer,
  options: { encoding?: ImportEncoding; batchSize?: number; chunk?: number } = {},
): Promise<ImportRun> {
  const issues: ImportIssue[] = [];
  const summary = await importMembers(c.ctx, {
    source: chunks(bytes, options.chunk),
    encoding: options.encoding,
    onIssue: (i) => issues.push(i),
    ...(options.batchSize === undefined ? {} : { batchSize: options.batchSize }),
  });
  return { summary, issues };
}

/** Rows in a table of the terminal database. */
export const countRows = (c: TestCore, table: string): number =>
  (c.db.$client.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
