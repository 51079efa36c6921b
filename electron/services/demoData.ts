import type { RuleSetInput } from '../../shared/domain/rules/ruleSet';
import type { CategoryListInput } from '../../shared/sync/catalogue';

// The demo shop: a café-grocery with a realistic catalogue, so a new user sees every rule at
// work (per-amount points, a visit bonus with a minimum spend, tier and category multipliers,
// an excluded category) on real-looking members and history.

export const DEMO_SHOP = {
  shopId: 'demo-shop',
  shopName: '演示门店 Demo Shop',
  terminalName: '收银台 1 Till 1',
  terminalCode: '90001',
  currency: 'CNY',
} as const;

export const DEMO_RULES: RuleSetInput = {
  version: 1,
  rounding: 'floor',
  base: { kind: 'perAmount', ratio: { points: 1, perMinor: 100 } }, // 1 pt per ¥1
  visit: { kind: 'perVisit', points: 5, minSpendMinor: 3_000 }, // +5 pt per visit from ¥30
  tierMultipliersBp: { BRONZE: 10_000, SILVER: 12_000, GOLD: 15_000 },
  categoryMultipliersBp: { bakery: 20_000 }, // double points on bakery
  excludedCategories: ['tobacco'], // tobacco never earns points
  // 100 pt = ¥1 off, at most half of a sale, from 100 pt.
  redemption: { pointsPerUnit: 100, unitValueMinor: 100, maxDiscountBp: 5_000, minPoints: 100 },
};

/** The demo shop's item categories: what its products and rewards are filed under. */
export const DEMO_CATEGORIES: CategoryListInput = {
  defaultCode: 'general',
  categories: [
    { code: 'general', names: { 'zh-CN': '普通商品', en: 'General' } },
    { code: 'drink', names: { 'zh-CN': '饮品', en: 'Drinks' } },
    { code: 'bakery', names: { 'zh-CN': '烘焙', en: 'Bakery' } },
    { code: 'grocery', names: { 'zh-CN': '粮油杂货', en: 'Grocery' } },
    { code: 'gift', names: { 'zh-CN': '礼盒', en: 'Gift boxes' } },
    { code: 'tobacco', names: { 'zh-CN': '烟草', en: 'Tobacco' } },
    { code: 'merch', names: { 'zh-CN': '周边商品', en: 'Merchandise' } },
    { code: 'voucher', names: { 'zh-CN': '代金券', en: 'Vouchers' } },
    { code: 'seasonal', names: { 'zh-CN': '节令礼品', en: 'Seasonal' } },
  ],
};

export interface DemoReward {
  code: string;
  name: string;
  category: string;
  pointsCost: number;
  cashValueMinor: number;
  stock: number | null;
  active: boolean;
}

export const DEMO_REWARDS: DemoReward[] = [
  {
    code: 'CROISSANT',
    name: '黄油可颂 Butter croissant',
    category: 'bakery',
    pointsCost: 200,
    cashValueMinor: 1_500,
    stock: 40,
    active: true,
  },
  {
    code: 'COFFEE',
    name: '美式咖啡 Americano',
    category: 'drink',
    pointsCost: 300,
    cashValueMinor: 2_200,
    stock: 50,
    active: true,
  },
  {
    code: 'TOTE',
    name: '帆布购物袋 Canvas tote bag',
    category: 'merch',
    pointsCost: 800,
    cashValueMinor: 3_900,
    stock: 25,
    active: true,
  },
  {
    code: 'MUG',
    name: '品牌马克杯 Logo mug',
    category: 'merch',
    pointsCost: 1_200,
    cashValueMinor: 5_900,
    stock: 12,
    active: true,
  },
  {
    code: 'VOUCHER20',
    name: '¥20 代金券 ¥20 voucher',
    category: 'voucher',
    pointsCost: 2_000,
    cashValueMinor: 2_000,
    stock: null,
    active: true,
  },
  {
    code: 'UMBRELLA',
    name: '折叠雨伞 Folding umbrella',
    category: 'merch',
    pointsCost: 2_500,
    cashValueMinor: 8_900,
    stock: 0,
    active: true,
  },
  {
    code: 'THERMOS',
    name: '保温杯 Insulated bottle',
    category: 'merch',
    pointsCost: 3_600,
    cashValueMinor: 12_900,
    stock: 6,
    active: true,
  },
  {
    code: 'VOUCHER50',
    name: '¥50 代金券 ¥50 voucher',
    category: 'voucher',
    pointsCost: 4_800,
    cashValueMinor: 5_000,
    stock: null,
    active: true,
  },
  {
    code: 'CAKE',
    name: '生日蛋糕券 Birthday cake voucher',
    category: 'bakery',
    pointsCost: 5_000,
    cashValueMinor: 16_800,
    stock: 10,
    active: true,
  },
  {
    code: 'MOONCAKE',
    name: '中秋月饼礼盒 Mid-Autumn mooncake box',
    category: 'seasonal',
    pointsCost: 6_000,
    cashValueMinor: 19_800,
    stock: 20,
    active: false,
  },
];

export const DEMO_PRODUCTS = {
  LATTE: { sku: 'LATTE', name: '拿铁 Latte', category: 'drink', unitPriceMinor: 2_800 },
  AMERICANO: { sku: 'AMERICANO', name: '美式咖啡 Americano', category: 'drink', unitPriceMinor: 2_200 },
  CROISSANT: { sku: 'CROISSANT', name: '黄油可颂 Butter croissant', category: 'bakery', unitPriceMinor: 1_500 },
  CHEESECAKE: { sku: 'CHEESECAKE', name: '芝士蛋糕 Cheesecake', category: 'bakery', unitPriceMinor: 3_800 },
  RICE: { sku: 'RICE-5KG', name: '五常大米 5kg Wuchang rice', category: 'grocery', unitPriceMinor: 8_900 },
  OIL: { sku: 'OIL-5L', name: '花生油 5L Peanut oil', category: 'grocery', unitPriceMinor: 12_800 },
  CIGARETTES: { sku: 'CIG-20', name: '香烟 Cigarettes', category: 'tobacco', unitPriceMinor: 2_500 },
  TEA: { sku: 'TEA-GIFT', name: '龙井茶礼盒 Longjing tea gift box', category: 'gift', unitPriceMinor: 36_800 },
} as const;
export type DemoProduct = keyof typeof DEMO_PRODUCTS;

export interface DemoVisit {
  daysAgo: number;
  basket: [DemoProduct, number][];
  pointsToSpend?: number;
}

export interface DemoMember {
  name: string;
  phone: string;
  birthday: string | null;
  registeredDaysAgo: number;
  visits: DemoVisit[];
  redemptions: { daysAgo: number; reward: string; quantity: number }[];
}

const repeat = (count: number, firstDaysAgo: number, every: number, basket: DemoVisit['basket']): DemoVisit[] =>
  Array.from({ length: count }, (_, i) => ({ daysAgo: firstDaysAgo - i * every, basket }));

export const DEMO_MEMBERS: DemoMember[] = [
  {
    // Gold: big gift baskets, climbs Bronze → Silver → Gold at the crossing sales.
    name: '王芳',
    phone: '13912345678',
    birthday: '1985-03-12',
    registeredDaysAgo: 90,
    visits: repeat(10, 88, 8, [
      ['TEA', 1],
      ['OIL', 1],
      ['LATTE', 2],
    ]),
    redemptions: [{ daysAgo: 3, reward: 'VOUCHER20', quantity: 1 }],
  },
  {
    // Silver: weekly groceries; the cigarettes earn nothing.
    name: '李伟',
    phone: '13800138000',
    birthday: '1979-11-02',
    registeredDaysAgo: 60,
    visits: repeat(6, 56, 9, [
      ['RICE', 1],
      ['OIL', 1],
      ['CIGARETTES', 2],
    ]),
    redemptions: [],
  },
  {
    // Bronze: café regular, bakery earns double; swapped points for a coffee.
    name: '张敏',
    phone: '15921876543',
    birthday: null,
    registeredDaysAgo: 30,
    visits: repeat(4, 28, 6, [
      ['LATTE', 1],
      ['CHEESECAKE', 1],
    ]),
    redemptions: [{ daysAgo: 4, reward: 'COFFEE', quantity: 1 }],
  },
  {
    // Bronze: paid part of the last sale with points.
    name: '刘洋',
    phone: '18612349876',
    birthday: '1992-07-21',
    registeredDaysAgo: 20,
    visits: [
      ...repeat(2, 18, 7, [
        ['RICE', 1],
        ['CROISSANT', 4],
      ]),
      {
        daysAgo: 2,
        basket: [
          ['RICE', 1],
          ['CROISSANT', 4],
        ],
        pointsToSpend: 200,
      },
    ],
    redemptions: [],
  },
  {
    // New this week: one coffee, below the visit bonus minimum.
    name: 'Emily Chen',
    phone: '13705716688',
    birthday: null,
    registeredDaysAgo: 2,
    visits: [{ daysAgo: 1, basket: [['AMERICANO', 1]] }],
    redemptions: [],
  },
];

/** Walk-in customers without a card: recorded, earn nothing. */
export const DEMO_ANONYMOUS_SALES: DemoVisit[] = [
  {
    daysAgo: 5,
    basket: [
      ['AMERICANO', 2],
      ['CROISSANT', 1],
    ],
  },
  { daysAgo: 1, basket: [['CIGARETTES', 1]] },
];
