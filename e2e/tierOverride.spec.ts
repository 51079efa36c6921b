import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { DEMO_STAFF } from '../shared/contract/staff';
import { findMember } from './cards';
import { ARTIFACTS, scanCard, scanField, signInAs, useTill, valueOf } from './till';

// Issue 15, a tier set by hand at the till: the member panel's "Set tier" button, a reason and a
// last day required (in the user's language), the core's refusal shown in the dialog, the tier with
// its end date and reason on the panel afterwards; a cashier's save brings up the manager prompt.

const till = useTill({ demo: true });
const [manager, cashier] = DEMO_STAFF;
const DAY = 86_400_000;
const SHOTS = ARTIFACTS;

async function snap(page: Page, name: string): Promise<void> {
  mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: join(SHOTS, `panel-tier-${name}.png`) });
}

/** A date field's value for the local day `days` from now. */
function dayFromNow(days: number): string {
  const d = new Date(Date.now() + days * DAY);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

const text = {
  'zh-CN': {
    reasonRequired: '请填写原因。',
    endAfterToday: '结束日期须晚于今天。',
    override: /手动设定，至/,
    silver: /银/,
    refused: /手动等级需要填写原因，结束日期须晚于现在/,
    managerPin: '密码',
    approve: '批准',
  },
  en: {
    reasonRequired: 'A reason is required.',
    endAfterToday: 'The last day must be after today.',
    override: /Set by hand until/,
    silver: /Silver/,
    refused: /A tier set by hand needs a reason, an end date after now/,
    managerPin: 'PIN',
    approve: 'Approve',
  },
} as const;

async function open(page: Page, locale: 'zh-CN' | 'en'): Promise<void> {
  valueOf(await till().api.setLocale({ locale }));
  await page.goto(till().url);
  await expect(scanField(page)).toBeFocused();
}

for (const [locale, name] of [
  ['zh-CN', '张敏'],
  ['en', '王芳'],
] as const) {
  test(`a manager sets a tier by hand from the member panel (${locale})`, async ({ page }) => {
    const words = text[locale];
    await open(page, locale);
    const member = await findMember(till(), name);
    await scanCard(page, member.cardNumber);
    await page.getByTestId('tier-override-open').click();
    const form = page.getByTestId('tier-override-form');
    await expect(form).toBeVisible();
    await expect(page.getByTestId('tier-override-reason')).toBeFocused();
    await form.getByTestId('tier-override-tier').selectOption('SILVER');

    // A reason is required, and a last day after today: nothing is sent without them.
    await form.getByTestId('tier-override-save').click();
    await expect(form.getByTestId('tier-override-note')).toHaveText(words.reasonRequired);
    await form.getByTestId('tier-override-reason').fill('  ');
    await form.getByTestId('tier-override-save').click();
    await expect(form.getByTestId('tier-override-note')).toHaveText(words.reasonRequired);
    await form.getByTestId('tier-override-reason').fill('店庆 VIP goodwill');
    await form.getByTestId('tier-override-last-day').fill(dayFromNow(0));
    await form.getByTestId('tier-override-save').click();
    await expect(form.getByTestId('tier-override-note')).toHaveText(words.endAfterToday);
    expect(valueOf(await till().api.getMember({ memberId: member.id })).tierStatus?.override ?? null).toBeNull();
    await snap(page, `dialog-${locale}`);

    const lastDay = dayFromNow(20);
    await form.getByTestId('tier-override-last-day').fill(lastDay);
    await page.keyboard.press('Enter');
    await expect(form).toHaveCount(0);
    await expect(scanField(page)).toBeFocused();
    await expect(page.getByTestId('tier-override')).toContainText(words.override);
    await expect(page.getByTestId('tier-override')).toContainText('店庆 VIP goodwill');
    await expect(page.getByTestId('tier-chip')).toContainText(words.silver);
    const stored = valueOf(await till().api.getMember({ memberId: member.id })).tierStatus?.override;
    expect(stored).toMatchObject({ tierCode: 'SILVER', reason: '店庆 VIP goodwill' });
    // It holds through the last day picked, to that day's end in the till's time zone.
    const [y, m, d] = lastDay.split('-').map(Number);
    expect(stored?.endsAt).toBe(new Date(y ?? 0, (m ?? 1) - 1, (d ?? 0) + 1).getTime() - 1);
    await snap(page, `set-${locale}`);
  });

  test(`the core's refusal shows in the dialog, nothing written (${locale})`, async ({ page }) => {
    const words = text[locale];
    // The screen's clock three days behind the core's: the day it thinks is tomorrow has passed.
    await page.clock.setFixedTime(Date.now() - 3 * DAY);
    await open(page, locale);
    const member = await findMember(till(), '刘洋');
    await scanCard(page, member.cardNumber);
    await page.getByTestId('tier-override-open').click();
    const form = page.getByTestId('tier-override-form');
    await form.getByTestId('tier-override-reason').fill('clock skew');
    await form.getByTestId('tier-override-last-day').fill(dayFromNow(-2));
    await form.getByTestId('tier-override-save').click();
    const refusal = form.getByRole('alert');
    await expect(refusal).toHaveAttribute('data-code', 'TIER_OVERRIDE_INVALID');
    await expect(refusal).toContainText(words.refused);
    expect(valueOf(await till().api.getMember({ memberId: member.id })).tierStatus?.override ?? null).toBeNull();
    await snap(page, `refused-${locale}`);
    await page.keyboard.press('Escape');
    await expect(form).toHaveCount(0);
  });
}

test('a cashier gets the manager prompt; approved, the tier is set and the cashier stays signed in', async ({
  page,
}) => {
  await open(page, 'zh-CN');
  await signInAs(page, { staffName: cashier.name, pin: cashier.pin });
  const member = await findMember(till(), '李伟');
  await scanCard(page, member.cardNumber);
  await page.getByTestId('tier-override-open').click();
  const form = page.getByTestId('tier-override-form');
  await form.getByTestId('tier-override-tier').selectOption('GOLD');
  await form.getByTestId('tier-override-reason').fill('投诉补偿');
  await form.getByTestId('tier-override-save').click();

  // Esc on the prompt declines it (the prompt is on top), the form stays with the refusal.
  const prompt = page.getByTestId('manager-prompt');
  await expect(prompt).toBeVisible();
  await snap(page, 'cashier-prompt');
  await page.keyboard.press('Escape');
  await expect(prompt).toHaveCount(0);
  await expect(form).toBeVisible();
  await expect(form.getByRole('alert')).toHaveAttribute('data-code', 'NOT_ALLOWED');
  expect(valueOf(await till().api.getMember({ memberId: member.id })).tierStatus?.override ?? null).toBeNull();

  await form.getByTestId('tier-override-save').click();
  await expect(prompt).toBeVisible();
  await prompt.getByLabel(text['zh-CN'].managerPin).fill(manager.pin);
  await prompt.getByRole('button', { name: text['zh-CN'].approve }).click();
  await expect(form).toHaveCount(0);
  await expect(page.getByTestId('tier-override')).toContainText('投诉补偿');
  await expect(page.getByTestId('tier-chip')).toContainText(/金/);
  expect(valueOf(await till().api.getMember({ memberId: member.id })).tierStatus?.override).toMatchObject({
    tierCode: 'GOLD',
    reason: '投诉补偿',
  });
  await expect(page.getByTestId('signed-in')).toHaveAttribute('data-role', 'cashier');
  await snap(page, 'cashier-set');
  await signInAs(page, { staffName: manager.name, pin: manager.pin });
});
