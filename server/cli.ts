import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import { adminClient } from '../shared/admin/client';
import { ADMIN_ROUTES } from '../shared/admin/contract';
import type { CreateEnrolmentCodeResponse } from '../shared/sync/protocol';
import { createApiToken, createUser } from './admin/users';
import { createEnrolmentCode, rotateAdminToken } from './auth';
import { configFromEnv, openFromConfig } from './config';
import { randomIds, systemClock } from './sources';

const USAGE =
  `Usage: tsx server/cli.ts enrol --shop <shopId> [--terminal-code <5 digits>] ` +
  `[--shop-name <name>] [--hours <n>]
  Without --terminal-code head office assigns the next free code (codes never repeat in the chain).
  With TILLCARD_HO_URL (and TILLCARD_HO_ADMIN_TOKEN) set, asks the running head office over HTTP;
  otherwise opens head office's database directly (DATABASE_URL or TILLCARD_HO_DATA_DIR; stop the
  server first when it uses the embedded database, which one process at a time may open).
       tsx server/cli.ts rotate-token
  Prints a new admin token; every older one stops working at once. Opens head office's database
  directly, as above: whoever can open the database may replace a lost token (it acts as an owner).
       tsx server/cli.ts create-user --login <login> --name <name> --role <owner|marketing|shop_manager|auditor>
                                     [--shop <shopId>]...
  Adds a person who signs in to the head-office page; the password is read from
  TILLCARD_HO_NEW_PASSWORD or, without it, from the first line of standard input. Opens the database
  directly, as above (the first owner of a new head office is made this way, or with
  TILLCARD_HO_OWNER_LOGIN / TILLCARD_HO_OWNER_PASSWORD at start).
       tsx server/cli.ts create-token --label <label> --role <role> [--shop <shopId>]...
  Prints a new API token for a script with that role (and shops), shown once. Opens the database directly.`;

async function enrol(args: string[]): Promise<void> {
  const { values } = parseArgs({
    args,
    options: {
      shop: { type: 'string' },
      'terminal-code': { type: 'string' },
      'shop-name': { type: 'string' },
      hours: { type: 'string' },
      url: { type: 'string' },
    },
  });
  const parsed = ADMIN_ROUTES.createEnrolmentCode.body.safeParse({
    shopId: values.shop,
    ...(values['terminal-code'] ? { terminalCode: values['terminal-code'] } : {}),
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
    const admin = adminClient(fetch, url, process.env.TILLCARD_HO_ADMIN_TOKEN ?? '');
    created = await admin.call('createEnrolmentCode', { body: parsed.data });
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

async function rotateToken(): Promise<void> {
  const config = configFromEnv();
  const database = await openFromConfig(config);
  try {
    const token = await rotateAdminToken(database.db, systemClock, randomIds);
    console.log(`New head office admin token (shown once, keep it safe): ${token}`);
    console.log('Every older admin token has stopped working.');
    if (config.adminToken) {
      console.log('TILLCARD_HO_ADMIN_TOKEN is set: head office adds that token back at its next start; unset it.');
    }
  } finally {
    await database.close();
  }
}

async function firstLine(): Promise<string> {
  const lines = createInterface({ input: process.stdin, terminal: false });
  for await (const line of lines) {
    lines.close();
    return line;
  }
  return '';
}

function invalid(issues: readonly { path: PropertyKey[]; message: string }[]): never {
  console.error(issues.map((i) => `${i.path.map(String).join('.')}: ${i.message}`).join('\n'));
  console.error(USAGE);
  process.exit(2);
}

const PEOPLE_OPTIONS = {
  login: { type: 'string' },
  name: { type: 'string' },
  label: { type: 'string' },
  role: { type: 'string' },
  shop: { type: 'string', multiple: true },
} as const;

async function createUserCommand(args: string[]): Promise<void> {
  const { values } = parseArgs({ args, options: PEOPLE_OPTIONS });
  const password = process.env.TILLCARD_HO_NEW_PASSWORD || (await firstLine());
  const parsed = ADMIN_ROUTES.createUser.body.safeParse({
    login: values.login,
    name: values.name ?? values.login,
    role: values.role,
    shops: values.shop ?? [],
    password,
  });
  if (!parsed.success) invalid(parsed.error.issues);
  const database = await openFromConfig(configFromEnv());
  try {
    const user = await createUser(database.db, systemClock, randomIds, parsed.data);
    const shops = user.shops.length > 0 ? ` for ${user.shops.join(', ')}` : '';
    console.log(`User ${user.login} (${user.role}${shops}) created; they sign in at <head office>/office/.`);
  } finally {
    await database.close();
  }
}

async function createTokenCommand(args: string[]): Promise<void> {
  const { values } = parseArgs({ args, options: PEOPLE_OPTIONS });
  const parsed = ADMIN_ROUTES.createApiToken.body.safeParse({
    label: values.label,
    role: values.role,
    shops: values.shop ?? [],
  });
  if (!parsed.success) invalid(parsed.error.issues);
  const database = await openFromConfig(configFromEnv());
  try {
    const { token, row } = await createApiToken(database.db, systemClock, randomIds, parsed.data);
    console.log(`API token "${row.label}" (${row.role}) (shown once, keep it safe): ${token}`);
  } finally {
    await database.close();
  }
}

const fail = (error: unknown): void => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
};

const [command, ...rest] = process.argv.slice(2);
if (command === 'enrol') {
  enrol(rest).catch(fail);
} else if (command === 'rotate-token') {
  rotateToken().catch(fail);
} else if (command === 'create-user') {
  createUserCommand(rest).catch(fail);
} else if (command === 'create-token') {
  createTokenCommand(rest).catch(fail);
} else {
  console.error(USAGE);
  process.exit(2);
}
