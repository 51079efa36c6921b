import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import type { AreaId } from '../server/web/shell/areas';
import { startHoProcess, type HoProcess } from '../server/testing/hoProcess';
import { seedMigratedPgliteDir } from '../server/testing/pgliteTemplate';
import { PROTOCOL_VERSION, PullResponse } from '../shared/sync/protocol';
import { syncRoutes } from '../shared/sync/routes';

// The head-office specs' one set-up: head office as a real process (embedded PGlite in a temp
// folder, seeded from the migrated template) with its first owner from the environment, and its page
// signed in as that owner.

export const OWNER = 'owner@example.com';
export const OWNER_PASSWORD = 'a long owner passphrase';

/** Starts head office before this file's tests and stops it after; the getter is valid inside them. */
export function useHeadOffice(name: string, timeoutMs = 200_000): () => HoProcess {
  const dir = mkdtempSync(join(tmpdir(), `tillcard-e2e-${name}-`));
  let ho: HoProcess | null = null;
  test.beforeAll(async () => {
    test.setTimeout(timeoutMs);
    await seedMigratedPgliteDir(dir);
    ho = await startHoProcess({
      TILLCARD_HO_DATA_DIR: dir,
      TILLCARD_HO_OWNER_LOGIN: OWNER,
      TILLCARD_HO_OWNER_PASSWORD: OWNER_PASSWORD,
    });
  });
  test.afterAll(async () => {
    await ho?.stop();
    rmSync(dir, { recursive: true, force: true });
  });
  return () => {
    if (!ho) throw new Error('head office has not started');
    return ho;
  };
}

/** Opens head office's page and signs in (the first owner unless told another). */
export async function signInPage(page: Page, ho: HoProcess, login = OWNER, password = OWNER_PASSWORD): Promise<void> {
  await page.goto(`${ho.url}/`);
  await page.locator('#login').fill(login);
  await page.locator('#password').fill(password);
  await page.keyboard.press('Enter');
}

/**
 * Opens one area of head office's console by its navigation (server/web/shell/areas.ts), as a person would:
 * overview (terminals, closes, flags, quarantine, card conflicts, spend notices), stats, shops (till staff),
 * audit, access (users and API tokens).
 */
export async function openArea(page: Page, area: AreaId): Promise<void> {
  const link = page.getByTestId('console-nav').locator(`a[data-area="${area}"]`);
  await link.click();
  await expect(link).toHaveAttribute('aria-current', 'page');
}

/**
 * A terminal enrolled over HTTP as a till enrols, so a spec can push records as that till: `push` sends
 * one batch of `records` (protocol, terminal and shop filled in) and answers the HTTP status; `pull`
 * reads the whole feed from the start, as a new till would (parsed by the protocol's own schema).
 */
export async function enrolledTerminal(
  ho: HoProcess,
  shop: { shopId: string; shopName: string; terminalCode: string },
  terminalId: string,
): Promise<{ push(records: unknown[]): Promise<number>; pull(): Promise<PullResponse['changes']> }> {
  const { code } = await ho.admin.call('createEnrolmentCode', { body: shop });
  const post = (path: string, body: unknown, token?: string) =>
    fetch(ho.url + path, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify(body),
    });
  const enrolled = await post(syncRoutes.enrol.path, { protocolVersion: PROTOCOL_VERSION, code, terminalId });
  const { token } = (await enrolled.json()) as { token: string };
  return {
    push: async (records) => {
      const body = { protocolVersion: PROTOCOL_VERSION, terminalId, shopId: shop.shopId, records };
      return (await post(syncRoutes.push.path, body, token)).status;
    },
    pull: async () => {
      const changes: PullResponse['changes'] = [];
      for (let cursor: string | undefined, more = true; more;) {
        const body = {
          protocolVersion: PROTOCOL_VERSION,
          terminalId,
          shopId: shop.shopId,
          ...(cursor ? { cursor } : {}),
        };
        const answer = await post(syncRoutes.pull.path, body, token);
        expect(answer.status).toBe(200);
        const page = PullResponse.parse(await answer.json());
        changes.push(...page.changes);
        [cursor, more] = [page.cursor, page.hasMore];
      }
      return changes;
    },
  };
}
