import { join } from 'node:path';
import { openKeyedSqlite } from '../db/open';
import { keyBeside } from '../electron/platform/databaseKey';
import { expect, test } from '@playwright/test';
import { findMember } from './cards';
import { openManagerTool, scanField, shot, useTill, valueOf } from './till';

// The manager's audit trail at the till: a blocked card shows there with the chain intact;
// an entry edited in the database file (triggers dropped) shows the chain broken at that entry.

const till = useTill({ demo: true });

test('the audit trail lists a blocked card, and shows an edited entry as a broken chain', async ({ page }) => {
  const wang = await findMember(till(), '王芳');
  valueOf(await till().api.blockCard({ cardNumber: wang.cardNumber, reason: 'blocked' }));
  await page.goto(till().url);
  await expect(scanField(page)).toBeFocused();

  await openManagerTool(page, 'auditTrail');
  const trail = page.getByTestId('audit-trail');
  await expect(trail.getByTestId('audit-chain')).toHaveText(/^记录链完整：已核对 \d+ 条$/);
  const row = trail.locator('tr[data-action="card.blocked"]');
  await expect(row).toContainText('挂失 / 停用会员卡');
  await expect(row).toContainText(wang.cardNumber);
  await expect(row).toContainText('status: blocked');
  await shot(page, 'audit-trail');
  await page.keyboard.press('Escape');
  await expect(page.getByRole('dialog')).toHaveCount(0);
  await expect(scanField(page)).toBeFocused();

  // Someone with the database file drops the guard and edits the entry.
  // It needs the key too: the browser host keeps it in terminal.key beside the database.
  const file = join(till().dataDir, 'terminal.db');
  const db = openKeyedSqlite(file, keyBeside(file));
  try {
    db.exec('DROP TRIGGER audit_log_no_update');
    db.prepare(
      `UPDATE audit_log SET details_json = '{"previous":"active","status":"lost"}' WHERE action = 'card.blocked'`,
    ).run();
  } finally {
    db.close();
  }
  await openManagerTool(page, 'auditTrail');
  await expect(page.getByTestId('audit-chain')).toHaveText(/^记录链在第 \d+ 条断开：有记录被修改或删除。请告知总部。$/);
  await expect(page.getByTestId('audit-chain')).toHaveAttribute('role', 'alert');
});
