import { afterEach, describe, expect, it } from 'vitest';
import type { ImportEncoding } from '../../../shared/contract/memberImport';
import { assertLedgerConsistent, assertOutboxGapFree, openTestShop, type TestCore } from '../services.testkit';
import { importIssueText } from '../../../shared/contract/memberImportText';
import { ImportFileError } from './importFileError';
import { IMPORTED_TIER_MS, IMPORTED_TIER_REASON, ladderKeys, tierKey } from './writeImported';
import { countRows, encoded, mobile, oldCardNumber, runImport } from './memberImport.testkit';

let core: TestCore | null = null;
async function shop(): Promise<TestCore> {
  core = await openTestShop();
  return core;
}
afterEach(() => {
  if (core) {
    assertLedgerConsistent(core.db);
    assertOutboxGapFree(core.db);
    core.dispose();
  }
  core = null;
});

const CHINESE = `姓名,手机号,卡号,生日,积分,等级
张三,${mobile(1)},${oldCardNumber(1)},1990-05-01,120,金卡
李四,${mobile(2)},,1985/3/7,0,
王五,${mobile(3)},,,"1,500",
`;

const memberCount = (c: TestCore): number => countRows(c, 'members');

describe('importMembers', () => {
  for (const encoding of ['utf-8', 'utf-8-bom', 'gb18030', 'utf-16le'] as const) {
    it(`reads Chinese headers and names in ${encoding}`, async () => {
      const c = await shop();
      const { summary, issues } = await runImport(c, encoded(CHINESE, encoding));
      expect(issues).toEqual([]);
      expect(summary).toMatchObject({ rows: 3, imported: 3, skipped: 0, refused: 0, points: 1620 });
      expect(summary.encoding).toBe(encoding === 'utf-8-bom' ? 'utf-8' : encoding);
      expect(summary.ignoredColumns).toEqual([]);
      const names = c.db.$client.prepare('SELECT name, birthday, points_balance AS p FROM members ORDER BY name').all();
      expect(names).toEqual([
        { name: '张三', birthday: '1990-05-01', p: 120 },
        { name: '李四', birthday: '1985-03-07', p: 0 },
        { name: '王五', birthday: null, p: 1500 },
      ]);
      const card = c.db.$client.prepare('SELECT number FROM cards WHERE number = ?').get(oldCardNumber(1));
      expect(card).toBeDefined();
    });
  }

  it("carries the old system's tier as a year's override when the ladder has it; the rest come without", async () => {
    const c = await shop();
    const text = `name,phone,tier
Gold by name,${mobile(11)},金卡
Silver by code,${mobile(12)},silver
Platinum,${mobile(13)},白金卡
No tier,${mobile(14)},
`;
    const { summary, issues } = await runImport(c, encoded(text, 'utf-8'));
    expect(summary).toMatchObject({ rows: 4, imported: 4, skipped: 0, refused: 0, ignoredColumns: [] });
    // An unknown tier keeps nobody out: the member is in, the report names the tier to set by hand.
    expect(issues).toEqual([{ line: 4, outcome: 'imported', reason: 'tier_unknown', tier: '白金卡' }]);
    expect(importIssueText(issues[0] ?? { line: 1, outcome: 'imported', reason: 'tier_unknown' }, 'zh-CN')).toContain(
      '白金卡',
    );
    const overrides = c.db.$client
      .prepare(
        `SELECT m.name, o.tier_code AS tier, o.ends_at - o.set_at AS span, o.reason FROM tier_overrides o
         JOIN members m ON m.id = o.member_id ORDER BY m.name`,
      )
      .all();
    expect(overrides).toEqual([
      { name: 'Gold by name', tier: 'GOLD', span: IMPORTED_TIER_MS, reason: IMPORTED_TIER_REASON },
      { name: 'Silver by code', tier: 'SILVER', span: IMPORTED_TIER_MS, reason: IMPORTED_TIER_REASON },
    ]);
    // Head office gets each override after its member, in the same outbox.
    const records = c.db.$client.prepare('SELECT record_type AS type FROM outbox ORDER BY seq').pluck().all();
    const firstOverride = records.indexOf('tier_override');
    expect(firstOverride).toBeGreaterThan(records.indexOf('member'));
    expect(records.filter((r) => r === 'tier_override')).toHaveLength(2);
  });

  it('matches a word of a tier name only when one tier holds it', () => {
    const keys = ladderKeys([
      { code: 'S', name: 'Silver Card', rank: 1, qualifyPoints: 0 },
      { code: 'G', name: 'Gold Card', rank: 2, qualifyPoints: 10 },
    ]);
    expect(keys.get(tierKey('GOLD'))).toBe('G');
    expect(keys.get(tierKey('Silver  Card'))).toBe('S');
    expect(keys.get(tierKey('card'))).toBeUndefined();
  });

  it('detects GBK after a long ASCII start, and obeys --encoding', async () => {
    const c = await shop();
    const ascii = Array.from({ length: 40 }, (_, i) => `Person ${i},${mobile(100 + i)}`).join('\n');
    const text = `name,phone\n${ascii}\n陈六,${mobile(7)}\n`;
    const { summary } = await runImport(c, encoded(text, 'gb18030'), { chunk: 64 });
    expect(summary).toMatchObject({ encoding: 'gb18030', imported: 41 });
    expect(c.db.$client.prepare('SELECT name FROM members WHERE name = ?').get('陈六')).toBeDefined();
  });

  it('keeps quoted newlines in a field and names the first line of each bad row', async () => {
    const c = await shop();
    const text =
      `name,phone,birthday,address\r\nAnn,${mobile(1)},,"1 High St\r\nTown"\r\n` +
      `Bob,12,,\r\n"Cy",${mobile(3)},2999-01-01,"a\nb"\r\n`;
    const { summary, issues } = await runImport(c, encoded(text, 'utf-8'));
    expect(summary).toMatchObject({ rows: 3, imported: 1, refused: 2 });
    expect(issues).toEqual([
      { line: 4, outcome: 'refused', reason: 'phone_invalid' },
      { line: 5, outcome: 'refused', reason: 'birthday.future' },
    ]);
  });

  it('refuses 10% bad rows by line and imports the rest; a re-run imports nothing twice', async () => {
    const c = await shop();
    const lines = ['name,phone,points'];
    for (let i = 1; i <= 100; i += 1)
      lines.push(i % 10 === 0 ? `Bad ${i},not-a-phone,5` : `Good ${i},${mobile(i)},${i}`);
    const bytes = encoded(`${lines.join('\n')}\n`, 'utf-8');
    const first = await runImport(c, bytes, { batchSize: 16 });
    expect(first.summary).toMatchObject({ rows: 100, imported: 90, refused: 10, skipped: 0 });
    expect(first.issues.map((i) => i.line)).toEqual([11, 21, 31, 41, 51, 61, 71, 81, 91, 101]);
    const outbox = countRows(c, 'outbox');
    const again = await runImport(c, bytes, { batchSize: 7 });
    expect(again.summary).toMatchObject({ imported: 0, skipped: 90, refused: 10 });
    expect(again.issues.filter((i) => i.outcome === 'skipped').every((i) => i.reason === 'phone_exists')).toBe(true);
    expect(memberCount(c)).toBe(90);
    expect(countRows(c, 'outbox')).toBe(outbox);
  });

  it('refuses a phone or card repeated within the file, naming the first line', async () => {
    const c = await shop();
    const card = oldCardNumber(9);
    const text = `name,phone,card\nA,${mobile(1)},${card}\nB,+86 ${mobile(1)},\nC,${mobile(3)},${card}\n`;
    const { summary, issues } = await runImport(c, encoded(text, 'utf-8'));
    expect(summary).toMatchObject({ imported: 1, refused: 2 });
    expect(issues).toEqual([
      { line: 3, outcome: 'refused', reason: 'duplicate_phone_in_file', firstLine: 2 },
      { line: 4, outcome: 'refused', reason: 'duplicate_card_in_file', firstLine: 2 },
    ]);
  });

  it('skips a row whose card the till already holds', async () => {
    const c = await shop();
    await runImport(c, encoded(`name,phone,card\nA,${mobile(1)},${oldCardNumber(1)}\n`, 'utf-8'));
    const { summary, issues } = await runImport(
      c,
      encoded(`name,phone,card\nB,${mobile(2)},${oldCardNumber(1)}\n`, 'utf-8'),
    );
    expect(summary).toMatchObject({ imported: 0, skipped: 1 });
    expect(issues).toEqual([{ line: 2, outcome: 'skipped', reason: 'card_exists' }]);
  });

  it('refuses a file without a required column before any row, and reports extra columns once', async () => {
    const c = await shop();
    const missing = runImport(c, encoded(`姓名,备注\nA,x\n`, 'utf-8'));
    await expect(missing).rejects.toEqual(new ImportFileError('missing_columns', ['phone']));
    const { summary } = await runImport(c, encoded(`Name,Phone,Notes,Colour\nA,${mobile(1)},x,y\n`, 'utf-8'));
    expect(summary.ignoredColumns).toEqual(['Notes', 'Colour']);
    expect(memberCount(c)).toBe(1);
  });

  it('refuses a binary file and an empty one, writing nothing', async () => {
    const c = await shop();
    const zip = Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x00, 0x00, 0x08, 0x00, 0x61, 0x62]);
    await expect(runImport(c, zip)).rejects.toEqual(new ImportFileError('binary'));
    await expect(runImport(c, Buffer.alloc(0))).rejects.toEqual(new ImportFileError('empty'));
    await expect(runImport(c, Buffer.from('\n\n'))).rejects.toEqual(new ImportFileError('empty'));
    expect(memberCount(c)).toBe(0);
  });

  it('stops at an unclosed quote, keeping the rows before it', async () => {
    const c = await shop();
    const text = `name,phone\nA,${mobile(1)}\n"B,${mobile(2)}\nC,${mobile(3)}\n`;
    const { summary, issues } = await runImport(c, encoded(text, 'utf-8'));
    expect(summary.imported).toBe(1);
    expect(summary.stoppedAtLine).not.toBeNull();
    expect(issues.at(-1)).toMatchObject({ outcome: 'refused', reason: 'malformed_row' });
  });

  it('writes what registration writes: a member record with the opening balance, once, and an audit row', async () => {
    const c = await shop();
    await runImport(c, encoded(`name,phone,points\nA,${mobile(1)},250\n`, 'utf-8'));
    const records = c.db.$client
      .prepare("SELECT record_type AS t, payload_json AS p FROM outbox WHERE record_type IN ('member', 'audit')")
      .all() as { t: string; p: string }[];
    const member = records.filter((r) => r.t === 'member').map((r) => JSON.parse(r.p) as Record<string, unknown>);
    expect(member).toHaveLength(1);
    expect(member[0]?.ledger).toEqual([expect.objectContaining({ kind: 'adjust', delta: 250 })]);
    const audits = records.filter((r) => r.t === 'audit' && r.p.includes('members.imported'));
    expect(audits).toHaveLength(1);
  });

  it('writes nothing of a batch whose transaction fails', async () => {
    const c = await shop();
    const encoding: ImportEncoding = 'utf-8';
    c.db.$client.exec(
      `CREATE TRIGGER fail_third AFTER INSERT ON members WHEN (SELECT count(*) FROM members) >= 3
       BEGIN SELECT RAISE(ABORT, 'disk full'); END`,
    );
    const text = `name,phone\n${[1, 2, 3, 4].map((i) => `P${i},${mobile(i)}`).join('\n')}\n`;
    await expect(runImport(c, encoded(text, encoding), { batchSize: 10 })).rejects.toThrow(/disk full/);
    expect(memberCount(c)).toBe(0);
    expect(countRows(c, 'cards')).toBe(0);
    c.db.$client.exec('DROP TRIGGER fail_third');
  });
});
