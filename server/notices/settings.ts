import { eq } from 'drizzle-orm';
import { z } from 'zod';
import type { SpendNoticeSettingsAnswer, SpendNoticeSettingsInput } from '../../shared/admin/spendNotices';
import { HoError } from '../http/errors';
import type { HoDb } from '../store/connect';
import { settings } from '../store/schema';

/** The one settings row of the webhook: its address and the secret that signs every notice. */
const KEY = 'spendNoticeWebhook';
const Stored = z.object({ url: z.string(), secret: z.string() });
export type Webhook = z.infer<typeof Stored>;

/** The webhook, or null while none is set (then no notice is queued). */
export async function readWebhook(db: HoDb): Promise<Webhook | null> {
  const [row] = await db.select().from(settings).where(eq(settings.key, KEY));
  const parsed = Stored.safeParse(row?.value);
  return parsed.success ? parsed.data : null;
}

/** What the page sees: the address, and whether a secret is set (never the secret). */
export async function webhookSettings(db: HoDb): Promise<SpendNoticeSettingsAnswer> {
  const hook = await readWebhook(db);
  return { url: hook?.url ?? null, secretSet: hook !== null };
}

/** Sets or clears the webhook; a new address without a secret keeps the one already set. */
export async function setWebhook(
  db: HoDb,
  input: z.output<typeof SpendNoticeSettingsInput>,
): Promise<SpendNoticeSettingsAnswer> {
  return db.transaction(async (tx) => {
    if (input.url === null) {
      await tx.delete(settings).where(eq(settings.key, KEY));
      return { url: null, secretSet: false };
    }
    const secret = input.secret ?? (await readWebhook(tx))?.secret;
    if (secret === undefined) throw new HoError('VALIDATION', 'A new webhook needs a secret (16 to 200 characters).');
    const value = { url: input.url, secret } satisfies Webhook;
    await tx.insert(settings).values({ key: KEY, value }).onConflictDoUpdate({ target: settings.key, set: { value } });
    return { url: input.url, secretSet: true };
  });
}
