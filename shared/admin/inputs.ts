import { z } from 'zod';
import { RuleSet } from '../domain/rules/ruleSet';
import { CategoryList, RewardSpec, TierLadder } from '../sync/catalogue';
import { HoRole } from './roles';

// What head office's admin routes accept (shared/admin/contract.ts). The ladder and reward rules
// are the till's own (shared/sync/catalogue.ts): what is refused here would be refused by every
// till that pulled it.

export const TiersInput = z.object({ tiers: TierLadder });
export const RulesInput = z.object({ rules: RuleSet, effectiveFrom: z.number().int().min(0).optional() });
export const RewardInput = RewardSpec;
export const CategoriesInput = CategoryList;
/** A draft campaign, created or edited: the till's own schema, plus an RFM segment target (campaignInput.ts). */
export { CampaignInput } from './campaignInput';
export const OfflineCapInput = z.object({ offlineCapPoints: z.number().int().min(0).max(1_000_000_000).nullable() });
export const DefaultOfflineCapInput = z.object({ defaultOfflineCapPoints: z.number().int().min(0).max(1_000_000_000) });

/** A terminal or a reward, campaign or member: head office's ids are UUIDs. */
export const IdParams = z.object({ id: z.string().uuid() });
/** A quarantined record: a database serial. */
export const NumericIdParams = z.object({ id: z.coerce.number().int().min(1) });
export const DayCloseQuery = z.object({ terminalId: z.string().uuid().optional() });
export const FlagQuery = z.object({ open: z.enum(['true', 'false']).default('true') });

// ---- hoauth: head-office users, sessions and API tokens --------------------------------------

/** A sign-in name: letters, digits and . _ @ - (an email fits), compared without case. */
export const Login = z
  .string()
  .trim()
  .min(3)
  .max(100)
  .regex(/^[\p{L}\p{N}._@+-]+$/u, 'letters, digits and . _ @ + - only')
  .transform((login) => login.toLowerCase());
/** At least 10 characters (a passphrase is fine); at most 200, so hashing it stays cheap. */
export const Password = z.string().min(10).max(200);
/** A shop id as enrolment codes name it. */
export const ShopId = z.string().min(1).max(64);
const PersonName = z.string().trim().min(1).max(100);
/** At most what a person can read in a list; a shop manager needs at least one shop. */
const Shops = z.array(ShopId).max(100);

/** What a person types to sign in: anything empty or longer than a login or password can be is VALIDATION. */
export const SignInInput = z.strictObject({
  login: z.string().trim().min(1).max(200),
  password: z.string().min(1).max(200),
});

const needsShops = (value: { role: string; shops?: string[] | undefined }) =>
  value.role !== 'shop_manager' || (value.shops?.length ?? 0) > 0;
const shopsMessage = { message: 'a shop manager needs at least one shop', path: ['shops'] };

export const CreateUserInput = z
  .strictObject({
    login: Login,
    name: PersonName,
    role: HoRole,
    shops: Shops.default([]),
    password: Password,
  })
  .refine(needsShops, shopsMessage);

/** What an owner changes about a user: any of role (with shops), name, a new password, active. */
export const UpdateUserInput = z
  .strictObject({
    name: PersonName.optional(),
    role: HoRole.optional(),
    shops: Shops.optional(),
    password: Password.optional(),
    active: z.boolean().optional(),
  })
  .refine((v) => v.role === undefined || needsShops({ role: v.role, shops: v.shops }), shopsMessage);

export const CreateApiTokenInput = z
  .strictObject({
    label: z.string().trim().min(1).max(100),
    role: HoRole,
    shops: Shops.default([]),
  })
  .refine(needsShops, shopsMessage);

// ---- till staff (managed at head office, sent to the shop's tills) ----------------------------

const TillStaffName = z.string().trim().min(1).max(60);
const TillStaffRole = z.enum(['cashier', 'manager']);
/** The PIN typed at the till's keypad: 4 to 8 digits (the till's own rule, shared/contract/staff.ts). */
const TillStaffPin = z.string().regex(/^\d{4,8}$/);
/** Which shop's till staff to list; absent: every shop the caller sees. */
export const TillStaffQuery = z.strictObject({ shopId: ShopId.optional() });
export const AddTillStaffInput = z.strictObject({
  shopId: ShopId,
  name: TillStaffName,
  role: TillStaffRole,
  pin: TillStaffPin,
});
export const UpdateTillStaffInput = z.strictObject({
  name: TillStaffName.optional(),
  role: TillStaffRole.optional(),
  active: z.boolean().optional(),
});
export const ResetTillStaffPinInput = z.strictObject({ pin: TillStaffPin });
