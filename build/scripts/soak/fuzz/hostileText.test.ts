// Hostile text in the text fields of the till and of head office: SQL injection, markup, right-to-left
// overrides are stored and answered back exactly as text (never run as SQL, never turned into markup:
// parameters all the way down, JSON answers, React escaping); control characters and very long text
// are refused with VALIDATION and write nothing.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openTerminalCore } from '../../../../electron/terminal/terminalCore';
import { fixedClock, sequentialIds } from '../../../../electron/platform/sources';
import { openMigratedPglite } from '../../../../server/testing/pgliteTemplate';
import { fixedClockForTests } from '../../../../server/testing/clock';
import { startHarness } from '../../../../server/testing/harness';
import { uuidFrom } from '../../../../server/testing/records';
import { MemberView } from '../../../../shared/contract/members';
import { readFixtures } from './contractFuzz';
import { examples } from './examples';

/** Stored and shown back as text. */
const AS_TEXT = [
  "Robert'); DROP TABLE members; --",
  "' OR '1'='1",
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  '{{constructor.constructor("alert(1)")()}}',
  '\u202Egnp.exe',
  'مرحبا שלום',
  '%s%n ${x}',
];
/** Refused with VALIDATION, nothing written: control characters in a name, and very long text. */
const REFUSED = ['Bell\u0007', 'ESC\u001b[31m', 'x'.repeat(10_000)];

describe('hostile text at the till', () => {
  it('stores names, sale lines and searches as text, and refuses control characters and floods', () => {
    const dir = mkdtempSync(join(tmpdir(), 'tillcard-hostile-'));
    const core = openTerminalCore({
      dataDir: dir,
      clock: fixedClock(Date.UTC(2025, 5, 1, 2)),
      ids: sequentialIds(3),
      log: () => undefined,
    });
    try {
      expect(core.dispatch('setupDemoShop', {}).ok).toBe(true);
      const fixtures = readFixtures(core);
      const members = (): unknown => core.db.$client.prepare('SELECT count(*) FROM members').pluck().get();
      for (const [i, text] of AS_TEXT.entries()) {
        const [input] = examples.registerMember(fixtures, uuidFrom(500 + i), 600 + i);
        const registered = core.dispatch('registerMember', { ...input, name: text });
        expect(registered.ok ? 'ok' : registered.error, text).toBe('ok');
        if (!registered.ok) continue;
        const memberId = MemberView.parse(registered.value).id;
        const read = core.dispatch('getMember', { memberId });
        expect(JSON.stringify(read), text).toContain(JSON.stringify(text).slice(1, -1));
        const staff = core.dispatch('addStaff', { name: text, role: 'cashier', pin: '4321' });
        expect(staff.ok ? 'ok' : staff.error, text).toBe('ok');
        expect(JSON.stringify(core.dispatch('listStaff', {}))).toContain(JSON.stringify(text).slice(1, -1));
        const before = members();
        const found = core.dispatch('searchMembers', { query: text.slice(0, 30) });
        expect(found.ok ? 'ok' : found.error, text).toBe('ok');
        expect(members()).toBe(before);
        const [sale] = examples.recordSale({ ...fixtures, memberIds: [memberId] }, uuidFrom(700 + i), 1);
        if (!sale) throw new Error('no sale example');
        const sold = core.dispatch('recordSale', {
          ...sale,
          lines: sale.lines.map((l) => ({ ...l, name: text.slice(0, 60) })),
        });
        expect(sold.ok ? 'ok' : sold.error, text).toBe('ok');
        // The line's name is stored as typed (the receipt shows it back): a bound parameter, not SQL.
        const stored = core.db.$client.prepare('SELECT count(*) FROM sale_lines WHERE name = ?').pluck();
        expect(stored.get(text.slice(0, 60)), text).toBe(2);
      }
      for (const [i, text] of REFUSED.entries()) {
        const before = members();
        const [input] = examples.registerMember(fixtures, uuidFrom(900 + i), 900 + i);
        const refused = core.dispatch('registerMember', { ...input, name: text });
        expect(refused.ok ? 'ok' : refused.error.code, JSON.stringify(text).slice(0, 40)).toBe('VALIDATION');
        expect(members()).toBe(before);
      }
    } finally {
      core.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('hostile text at head office', () => {
  it('stores user names, token labels, tiers and rewards as text in JSON answers', async () => {
    const ho = await startHarness(await openMigratedPglite(), fixedClockForTests(Date.UTC(2025, 2, 1)));
    try {
      for (const [i, text] of AS_TEXT.entries()) {
        await ho.admin.call('createUser', {
          body: { login: `hostile.${i}`, name: text, role: 'auditor', shops: [], password: 'a long enough passphrase' },
        });
        await ho.admin.call('createApiToken', { body: { label: text, role: 'auditor', shops: [] } });
        await ho.admin.call('publishTiers', {
          body: { tiers: [{ code: 'GOLD', name: text.slice(0, 40), rank: 1, qualifyPoints: 0 }] },
        });
        const reward = { code: `R${i}`, name: text, category: 'gift', pointsCost: 5, cashValueMinor: 0, stock: 1 };
        await ho.admin.call('upsertReward', { params: { id: uuidFrom(40 + i) }, body: { ...reward, active: true } });
      }
      const users = (await ho.admin.call('users')).users.map((u) => u.name);
      const labels = (await ho.admin.call('apiTokens')).tokens.map((t) => t.label);
      for (const text of AS_TEXT) {
        expect(users).toContain(text);
        expect(labels).toContain(text.trim());
      }
      const raw = await fetch(`${ho.url}/admin/users`, { headers: { authorization: `Bearer ${ho.adminToken}` } });
      expect(raw.headers.get('content-type')).toMatch(/^application\/json/);
      const refused = await ho.call(
        'POST',
        '/admin/users',
        { login: 'hostile.long', name: 'x'.repeat(10_000), role: 'auditor', shops: [], password: 'long passphrase' },
        ho.adminToken,
      );
      expect(refused.status).toBe(400);
      expect((await ho.admin.call('users')).users.map((u) => u.login)).not.toContain('hostile.long');
    } finally {
      await ho.close();
    }
  }, 90_000);
});
