import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ImportMemberRow } from '../../../shared/contract/memberImport';
import { assertLedgerConsistent, assertOutboxGapFree, openTestShop, type TestCore } from '../services.testkit';
import { ImportFileError } from './importFileError';
import { countRows, encoded, mobile, runImport } from './memberImport.testkit';

// Whatever bytes or rows a file holds, the import never crashes (a refused file is an ImportFileError),
// every row is accounted for, and no member it writes fails the registration's own schema.
let c: TestCore;
beforeAll(async () => {
  c = await openTestShop();
});
afterAll(() => {
  assertLedgerConsistent(c.db);
  assertOutboxGapFree(c.db);
  c.dispose();
});

/** Every stored member passes the row schema again (name, phone, birthday as registration keeps them). */
function storedMembersValid(): void {
  const rows = c.db.$client.prepare('SELECT name, phone, birthday FROM members').all() as {
    name: string;
    phone: string;
    birthday: string | null;
  }[];
  for (const r of rows) {
    const again = ImportMemberRow.safeParse({ ...r, cardNumber: '', tier: '', points: '0' });
    expect(again.success, JSON.stringify(r)).toBe(true);
  }
}

async function importAccounted(bytes: Buffer): Promise<void> {
  const before = countRows(c, 'members');
  try {
    const { summary, issues } = await runImport(c, bytes, { batchSize: 3, chunk: 5 });
    expect(summary.imported + summary.skipped + summary.refused).toBe(
      summary.rows + (summary.stoppedAtLine === null ? 0 : 1),
    );
    expect(issues).toHaveLength(summary.skipped + summary.refused);
    expect(countRows(c, 'members') - before).toBe(summary.imported);
  } catch (error) {
    expect(error).toBeInstanceOf(ImportFileError);
    expect(countRows(c, 'members')).toBe(before);
  }
}

const cell = fc.oneof(
  fc.string({ maxLength: 12 }),
  fc.constantFrom('', '"', '""', ',', '\n', '\r\n', '张三', '1990-02-30', '--02-29', '-5', '1,000', '\u0000'),
  fc.integer({ min: 0, max: 999 }).map((n) => mobile(n)),
);

describe('importMembers (property)', () => {
  it('survives random bytes', async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 300 }), async (bytes) => importAccounted(Buffer.from(bytes))),
      { numRuns: 60 },
    );
    storedMembersValid();
  }, 120_000);

  it('survives random rows under a valid header, in any encoding', async () => {
    const row = fc.array(cell, { minLength: 0, maxLength: 6 }).map((cells) => cells.join(','));
    await fc.assert(
      fc.asyncProperty(
        fc.array(row, { maxLength: 12 }),
        fc.constantFrom('utf-8', 'utf-8-bom', 'gb18030') satisfies fc.Arbitrary<'utf-8' | 'utf-8-bom' | 'gb18030'>,
        async (rows, encoding) => {
          const text = `姓名,手机号,生日,积分,卡号,备注\n${rows.join('\n')}\n`;
          await importAccounted(encoded(text, encoding));
        },
      ),
      { numRuns: 60 },
    );
    storedMembersValid();
  }, 120_000);
});
