import { expect, test } from '@playwright/test';
import { useTill, valueOf } from './till';

const till = useTill();

test('"Set up my shop" explains a wrong till code, then opens the till for the real shop', async ({ page }) => {
  await page.goto(till().url);
  // The welcome screen is up (its keys listen from then on) before the manager switches to English.
  await expect(page.getByRole('button').first()).toBeVisible();
  await page.keyboard.press('Alt+L'); // the manager reads English
  await page.getByRole('button', { name: /Set up my shop/ }).click();
  await page.getByLabel('Shop name').fill('Riverside Bakery');
  await page.getByLabel('Shop ID (from head office)').fill('shop-017');
  await page.getByLabel('Till name').fill('Front till');
  await page.getByLabel('Till code (5 digits)').fill('12');
  await page.getByLabel('Manager’s name').fill('Ann Baker');
  await page.getByLabel('Manager’s PIN (4–8 digits)').fill('8642');
  await page.getByRole('button', { name: 'Start using the till' }).click();
  await expect(page.getByRole('alert')).toContainText('The till code must be exactly 5 digits.');
  await page.getByLabel('Till code (5 digits)').fill('31017');
  await page.getByRole('button', { name: 'Start using the till' }).click();
  await expect(page.getByTestId('shop-name')).toHaveText('Riverside Bakery');
  await expect(page.getByText('Front till')).toBeVisible();
  const status = await till().api.getStatus({});
  expect(valueOf(status)).toMatchObject({ demo: false, terminalCode: '31017', locale: 'en' });
});
