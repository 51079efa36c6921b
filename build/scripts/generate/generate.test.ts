import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openKeyedSqlite } from '../../../db/open';
import { keyBeside } from '../../../electron/platform/databaseKey';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { normalizePhone } from '../../../shared/domain/phone';
import { SyncRecordBody } from '../../../shared/sync/records';
import { actAsManager } from '../../../electron/terminal/session.testkit';
import { openTerminalCore } from '../../../electron/terminal/terminalCore';
import { fixedClock } from '../../../electron/platform/sources';
import { memberPhone } from './catalogue';
import { DEFAULT_END_MS, generateTerminalDb, type GenerateReport } from './generator';
import { verifyTerminalDb } from './verify';

const MEMBERS = 400;
const SALES = 3_000;

describe('generateTerminalDb', () => {
  const dirs: string[] = [];
  const fresh = (): string => {
    const dir = mkdtempSync(join(tmpdir(), 'tillcard-gen-'));
    dirs.push(dir);
    return dir;
  };
  let report: GenerateReport;
  beforeAll(() => {
    report = generateTerminalDb({ dataDir: fresh(), members: MEMBERS, sales: SALES, seed: 7, pendingOutbox: 50 });
  });
  afterAll(() => {
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  });

  it('writes a database that passes integrity, foreign-key, balance and sequence checks', () => {
    const verified = verifyTerminalDb(report.dbFile);
    expect(verified.problems).toEqual([]);
    expect(verified.counts).toMatchObject({
      members: MEMBERS,
      sales: SALES,
      // And the audit records of the shop's first manager and of the running campaign, made at set-up.
      outbox: MEMBERS + SALES + 2,
      ledger: report.ledgerRows,
    });
  });

  it('has expiring lots (issue 15): none due at the end, each member’s next expiry the earliest of its lots', () => {
    const sqlite = openKeyedSqlite(report.dbFile, keyBeside(report.dbFile), { readonly: true });
    try {
      const lots = sqlite
        .prepare('SELECT count(*) AS n, min(expires_at) AS first FROM points_ledger WHERE expires_at IS NOT NULL')
        .get() as { n: number; first: number };
      expect(lots.n).toBeGreaterThan(100);
      expect(lots.first).toBeGreaterThan(DEFAULT_END_MS);
      const drift = sqlite
        .prepare(
          `SELECT m.id FROM members m
           WHERE m.next_expiry_at IS NOT (SELECT min(l.expires_at) FROM points_ledger l
                                          WHERE l.member_id = m.id AND l.kind = 'earn')`,
        )
        .all();
      expect(drift).toEqual([]);
    } finally {
      sqlite.close();
    }
  });

  it('has a realistic spread: a few regulars, anonymous sales, points spent', () => {
    const sqlite = openKeyedSqlite(report.dbFile, keyBeside(report.dbFile), { readonly: true });
    try {
      const visits = (
        sqlite.prepare('SELECT visits FROM members ORDER BY visits DESC').all() as { visits: number }[]
      ).map((r) => r.visits);
      const memberSales = visits.reduce((a, b) => a + b, 0);
      const topTenth = visits.slice(0, MEMBERS / 10).reduce((a, b) => a + b, 0);
      expect(topTenth / memberSales).toBeGreaterThan(0.25);
      expect(visits.filter((v) => v === 0).length).toBeGreaterThan(0);
      const anonymous = (
        sqlite.prepare('SELECT count(*) AS n FROM sales WHERE member_id IS NULL').get() as { n: number }
      ).n;
      expect(anonymous / SALES).toBeGreaterThan(0.15);
      expect(anonymous / SALES).toBeLessThan(0.35);
      const spends = (
        sqlite.prepare("SELECT count(*) AS n FROM points_ledger WHERE kind = 'spend'").get() as { n: number }
      ).n;
      expect(spends).toBeGreaterThan(0);
      const pending = (sqlite.prepare('SELECT count(*) AS n FROM outbox WHERE acked_at IS NULL').get() as { n: number })
        .n;
      // The last 50 records, and the set-up's audit records of the first manager and the campaign.
      expect(pending).toBe(52);
    } finally {
      sqlite.close();
    }
  });

  it('writes outbox payloads exactly as the sync schema would store them', () => {
    const sqlite = openKeyedSqlite(report.dbFile, keyBeside(report.dbFile), { readonly: true });
    try {
      const rows = sqlite
        .prepare('SELECT record_type AS type, payload_json AS json FROM outbox WHERE seq % 37 = 1')
        .all() as { type: string; json: string }[];
      expect(rows.length).toBeGreaterThan(50);
      for (const row of rows) {
        const parsed = SyncRecordBody.parse({ type: row.type, payload: JSON.parse(row.json) });
        expect(JSON.stringify(parsed.payload)).toBe(row.json);
      }
    } finally {
      sqlite.close();
    }
  });

  it('makes phones the phone rules accept, all different', () => {
    const phones = Array.from({ length: 2_000 }, (_, i) => memberPhone(i * 977));
    for (const phone of phones.slice(0, 200)) expect(normalizePhone(phone.slice(3), 'CN')).toBe(phone);
    expect(new Set(phones).size).toBe(phones.length);
  });

  it('is a database the real services work on: lookups, search and a new sale keep it consistent', async () => {
    const core = openTerminalCore({
      dataDir: join(report.dbFile, '..'),
      clock: fixedClock(DEFAULT_END_MS + 3_600_000),
      timeZone: 'Asia/Shanghai',
    });
    // Opening the file is a restart: the manager signs in.
    actAsManager(core);
    try {
      const sqlite = core.db.$client;
      const card = sqlite
        .prepare('SELECT number, member_id AS memberId FROM cards ORDER BY rowid LIMIT 1 OFFSET 3')
        .get() as { number: string; memberId: string };
      const looked = await core.api.lookupCard({ cardNumber: card.number });
      expect(looked.ok && looked.value.id).toBe(card.memberId);
      const found = await core.api.searchMembers({ query: memberPhone(3).slice(3) });
      expect(found.ok && found.value.members.map((m) => m.id)).toEqual([card.memberId]);
      const sale = await core.api.recordSale({
        requestId: '6f1c1d7e-8a8b-4c4c-9d9d-0123456789ab',
        memberId: card.memberId,
        lines: [{ sku: 'GRO100001', name: '杂货', category: 'grocery', quantity: 2, unitPriceMinor: 1_999 }],
      });
      expect(sale.ok).toBe(true);
    } finally {
      core.close();
    }
    expect(verifyTerminalDb(report.dbFile).problems).toEqual([]);
  });

  it('gives the same database for the same seed', () => {
    const again = generateTerminalDb({ dataDir: fresh(), members: 50, sales: 200, seed: 11 });
    const twin = generateTerminalDb({ dataDir: fresh(), members: 50, sales: 200, seed: 11 });
    const dump = (file: string): string => {
      const sqlite = openKeyedSqlite(file, keyBeside(file), { readonly: true });
      try {
        return JSON.stringify(
          ['members', 'cards', 'sales', 'sale_lines', 'points_ledger', 'outbox', 'terminal'].map((t) =>
            sqlite.prepare(`SELECT * FROM ${t} ORDER BY rowid`).all(),
          ),
        );
      } finally {
        sqlite.close();
      }
    };
    expect(dump(again.dbFile)).toBe(dump(twin.dbFile));
  });
});
