// The member import's input (a CSV file from another system) fuzzed like a contract entry: random bytes,
// and rows of hostile cells under a valid header, in UTF-8 or GBK. A file refused whole (ImportFileError)
// must leave the database exactly as it was; an import that ran must have written exactly the members it
// counts; anything else thrown is a crash.
import fc from 'fast-check';
import { isDomainError } from '../../../../shared/contract';
import iconv from 'iconv-lite';
import { importMembers } from '../../../../electron/services/memberImport/importMembers';
import { ImportFileError } from '../../../../electron/services/memberImport/importFileError';
import type { TerminalCore } from '../../../../electron/terminal/terminalCore';
import { describeChange, stateFingerprint } from './fingerprint';
import { hostileValue } from './hostile';
import { count, countWrite, newTally, type BoundaryTally } from './tally';

async function* once(bytes: Buffer): AsyncGenerator<Buffer> {
  yield bytes;
}

const members = (core: TerminalCore): number =>
  Number(core.db.$client.prepare('SELECT count(*) FROM members').pluck().get());

const cell = fc.oneof(
  hostileValue('json').map((v) => (typeof v === 'string' ? v : (JSON.stringify(v) ?? ''))),
  fc.integer({ min: 0, max: 99_999_999 }).map((n) => `139${String(n).padStart(8, '0')}`),
  fc.constantFrom('"', '""', ',', '\r\n', '张三', '1990-02-29', '--02-29', '9999999999', '1,000'),
);
const csvFile = fc.oneof(
  fc.uint8Array({ maxLength: 2_000 }).map((b) => Buffer.from(b)),
  fc.tuple(fc.array(fc.array(cell, { maxLength: 7 }), { maxLength: 20 }), fc.boolean()).map(([rows, gbk]) => {
    const text = `姓名,手机号,卡号,生日,积分,等级\n${rows.map((r) => r.join(',')).join('\n')}\n`;
    return gbk ? iconv.encode(text, 'gb18030') : Buffer.from(text, 'utf8');
  }),
);

export async function fuzzMemberImport(core: TerminalCore, runs: number, seed: number): Promise<BoundaryTally> {
  const tally = newTally('import members (CSV)');
  await fc.check(
    fc.asyncProperty(csvFile, async (bytes) => {
      const before = stateFingerprint(core.db);
      const membersBefore = members(core);
      try {
        const summary = await importMembers(core.ctx, { source: once(bytes), batchSize: 7 });
        const written = members(core) - membersBefore;
        if (written !== summary.imported)
          count(tally, { kind: 'crash', why: `counted ${summary.imported} imported, wrote ${written}` }, bytes);
        else count(tally, { kind: 'accepted' }, bytes);
      } catch (error) {
        // A file refused whole, or the till's typed refusal (a DomainError): nothing may have been written.
        if (!(error instanceof ImportFileError) && !isDomainError(error)) {
          count(tally, { kind: 'crash', why: `import threw ${String(error)}` }, bytes);
          return true;
        }
        count(tally, { kind: 'refused', code: isDomainError(error) ? error.code : 'VALIDATION' }, bytes);
        const after = stateFingerprint(core.db);
        if (after !== before) countWrite(tally, describeChange(before, after), bytes.toString('latin1', 0, 200));
      }
      return true;
    }),
    { numRuns: runs, seed },
  );
  return tally;
}
