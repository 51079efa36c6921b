import type { ChannelInput } from '../../../shared/contract';
import { openTerminalCore } from '../../../electron/terminal/terminalCore';
import { fixedClock, type IdSource } from '../../../electron/platform/sources';
import type { Random } from './random';

export const GENERATED_SHOP = {
  shopId: 'shop-bench-001',
  shopName: '基准测试门店',
  terminalName: '1号收银台',
  terminalCode: '10001',
  locale: 'zh-CN',
  currency: 'CNY',
  manager: { name: '基准测试店长', pin: '2468' },
} as const;

function seededIds(random: Random): IdSource {
  return {
    uuid: () => random.uuid(),
    randomHex: (bytes) => {
      let hex = '';
      while (hex.length < bytes * 2) hex += random.u32().toString(16).padStart(8, '0');
      return hex.slice(0, bytes * 2);
    },
  };
}

/** ×1.5 points for everyone, every day, with a per-member limit (so each sale counts what the member got). */
function runningCampaign(atMs: number): ChannelInput<'saveCampaign'>['spec'] {
  return {
    name: '会员日 ×1.5',
    rule: { kind: 'multiplier', multiplierBp: 15_000, weekdays: [] },
    target: { kind: 'everyone' },
    startsAt: atMs,
    endsAt: Date.UTC(2100, 0, 1),
    overlap: 'stack',
    budgetPoints: 1_000_000_000,
    perMemberLimit: 1_000_000,
    holdoutBp: 500,
  };
}

/**
 * Creates the terminal database and configures its shop through the real terminal core, so
 * the terminal row, tiers and rule version are exactly what a till's own set-up writes.
 */
export function createConfiguredTerminal(dataDir: string, random: Random, atMs: number, timeZone: string): string {
  const core = openTerminalCore({
    dataDir,
    clock: fixedClock(atMs),
    ids: seededIds(random),
    timeZone,
    validateOutput: true,
  });
  try {
    const result = core.dispatch('configureShop', GENERATED_SHOP);
    if (!result.ok) throw new Error(`configureShop failed: ${JSON.stringify(result.error)}`);
    // A campaign running through the whole history and beyond, so the bench's sales apply one.
    const campaign = core.dispatch('saveCampaign', { spec: runningCampaign(atMs), state: 'published' });
    if (!campaign.ok) throw new Error(`saveCampaign failed: ${JSON.stringify(campaign.error)}`);
    return core.dbFile;
  } finally {
    core.close();
  }
}
