import { parseArgs } from 'node:util';
import { CreateEnrolmentCodeRequest, CreateEnrolmentCodeResponse } from '../shared/sync/protocol';
import { createEnrolmentCode } from './auth';
import { configFromEnv, openFromConfig } from './config';
import { randomIds, systemClock } from './sources';

const USAGE = `Usage: tsx server/cli.ts enrol --shop <shopId> --terminal-code <5 digits> [--shop-name <name>] [--hours <n>]
  With TILLCARD_HO_URL (and TILLCARD_HO_ADMIN_TOKEN) set, asks the running head office over HTTP;
  otherwise opens head office's database directly (DATABASE_URL or TILLCARD_HO_DATA_DIR; stop the
  server first when it uses the embedded database, which one process at a time may open).`;

async function enrol(args: string[]): Promise<void> {
  const { values } = parseArgs({
    args,
    options: { shop: { type: 'string' }, 'terminal-code': { type: 'string' }, 'shop-name': { type: 'string' }, hours: { type: 'string' }, url: { type: 'string' } },
  });
  const parsed = CreateEnrolmentCodeRequest.safeParse({
    shopId: values.shop,
    terminalCode: values['terminal-code'],
    ...(values['shop-name'] ? { shopName: values['shop-name'] } : {}),
    ...(values.hours ? { validForHours: Number(values.hours) } : {}),
  });
  if (!parsed.success) {
    console.error(parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('\n'));
    console.error(USAGE);
    process.exit(2);
  }
  const url = values.url ?? process.env.TILLCARD_HO_URL;
  let created: CreateEnrolmentCodeResponse;
  if (url) {
    const response = await fetch(new URL('/admin/enrolment-codes', url), {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${process.env.TILLCARD_HO_ADMIN_TOKEN ?? ''}` },
      body: JSON.stringify(parsed.data),
    });
    const body: unknown = await response.json();
    if (!response.ok) throw new Error(`head office refused: ${JSON.stringify(body)}`);
    created = CreateEnrolmentCodeResponse.parse(body);
  } else {
    const database = await openFromConfig(configFromEnv());
    try {
      created = await createEnrolmentCode(database.db, systemClock, randomIds, parsed.data);
    } finally {
      await database.close();
    }
  }
  console.log(`Enrolment code for shop ${created.shopId}, terminal ${created.terminalCode}: ${created.code}`);
  console.log(`Valid until ${new Date(created.expiresAt).toISOString()}; it works once.`);
}

const [command, ...rest] = process.argv.slice(2);
if (command === 'enrol') {
  enrol(rest).catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
} else {
  console.error(USAGE);
  process.exit(2);
}
