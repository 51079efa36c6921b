import { contract, DEMO_STAFF } from '../../shared/contract';
import { RuleSet } from '../../shared/domain/rules/ruleSet';
import { rewards } from '../../db/schema';
import type { Actor, ServiceContext } from '../core/context';
import type { Clock } from '../platform/sources';
import { storeCategories } from './categories';
import {
  DEMO_ANONYMOUS_SALES,
  DEMO_CATEGORIES,
  DEMO_MEMBERS,
  DEMO_PRODUCTS,
  DEMO_REWARDS,
  DEMO_RULES,
  DEMO_SHOP,
  type DemoVisit,
} from './demoData';
import { registerMember } from './members';
import { atomic } from '../platform/transactions';
import { redeemReward } from './rewards';
import { recordSale } from './sales';
import { DEFAULT_TIERS, writeShopSetup } from './shop';
import { insertFirstManager, insertStaff } from './staff';
import { readTerminal, terminalLocale } from './terminalRow';

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;

/** A clock the demo moves back in time, so the history has realistic dates. */
function settableClock(): Clock & { at(ms: number): void } {
  let t = 0;
  return { now: () => t, at: (ms) => void (t = ms) };
}

function saleInput(ctx: ServiceContext, memberId: string | null, visit: DemoVisit) {
  // Through the contract's own schema, so demo data obeys the same rules as the till's input.
  return contract.recordSale.input.parse({
    requestId: ctx.ids.uuid(),
    memberId,
    pointsToSpend: visit.pointsToSpend ?? 0,
    lines: visit.basket.map(([product, quantity]) => ({ ...DEMO_PRODUCTS[product], quantity })),
  });
}

/**
 * First start only: sets up the demo shop and fills it with members, sales and redemptions
 * written through the same services the till uses, so balances, ledgers, tiers and the outbox
 * agree exactly as they would after real trading. One transaction: all of it or nothing.
 * Refused (ALREADY_CONFIGURED) once any shop is set up, so demo data never enters a real shop.
 */
export function setupDemoShop(ctx: ServiceContext): Actor {
  return atomic(ctx, () => {
    const now = ctx.clock.now();
    const locale = terminalLocale(readTerminal(ctx));
    const [demoManager, ...demoStaff] = DEMO_STAFF;
    const config = contract.configureShop.input.parse({
      ...DEMO_SHOP,
      locale,
      manager: { name: demoManager.name, pin: demoManager.pin },
    });
    writeShopSetup(ctx, { config, demo: true, tiers: DEFAULT_TIERS, rules: RuleSet.parse(DEMO_RULES) });
    storeCategories(ctx, DEMO_CATEGORIES);

    const rewardIds = new Map<string, string>();
    for (const r of DEMO_REWARDS) {
      const id = ctx.ids.uuid();
      rewardIds.set(r.code, id);
      ctx.db
        .insert(rewards)
        .values({ id, ...r, updatedAt: now })
        .run();
    }

    const clock = settableClock();
    const past: ServiceContext = { ...ctx, clock };
    // On each day: the registration first, then the sale, then the redemption, before "now".
    const at = (daysAgo: number, hoursBefore: number): void =>
      clock.at(Math.max(0, now - daysAgo * DAY_MS - hoursBefore * HOUR_MS));
    for (const m of DEMO_MEMBERS) {
      at(m.registeredDaysAgo, 3);
      const input = contract.registerMember.input.parse({
        requestId: ctx.ids.uuid(),
        name: m.name,
        phone: m.phone,
        birthday: m.birthday,
      });
      const member = registerMember(past, input);
      for (const visit of m.visits) {
        at(visit.daysAgo, 2);
        recordSale(past, saleInput(ctx, member.id, visit));
      }
      for (const r of m.redemptions) {
        at(r.daysAgo, 1);
        const rewardId = rewardIds.get(r.reward);
        if (!rewardId) throw new Error(`demo reward ${r.reward} is not in the catalogue`);
        redeemReward(
          past,
          contract.redeemReward.input.parse({
            requestId: ctx.ids.uuid(),
            memberId: member.id,
            rewardId,
            quantity: r.quantity,
          }),
        );
      }
    }
    for (const visit of DEMO_ANONYMOUS_SALES) {
      at(visit.daysAgo, 2);
      recordSale(past, saleInput(ctx, null, visit));
    }
    // The demo's staff last (the demo's history was made by nobody in particular).
    const manager = insertFirstManager(ctx, config.manager);
    for (const account of demoStaff) insertStaff(ctx, { ...account, source: 'local' });
    return manager;
  });
}
