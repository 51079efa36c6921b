import type { Random } from './random';

// What a generated shop sells and who its members are: plausible Chinese names, real mobile
// prefixes, and a product catalogue whose prices and popularity are skewed like a real shop's.

export interface Product {
  sku: string;
  name: string;
  category: string;
  unitPriceMinor: number;
}

const CATEGORIES: readonly { code: string; label: string; medianMinor: number; weight: number }[] = [
  { code: 'grocery', label: '杂货', medianMinor: 1_200, weight: 20 },
  { code: 'beverage', label: '饮料', medianMinor: 500, weight: 18 },
  { code: 'snacks', label: '零食', medianMinor: 800, weight: 16 },
  { code: 'fresh', label: '生鲜', medianMinor: 1_800, weight: 14 },
  { code: 'dairy', label: '乳品', medianMinor: 1_100, weight: 10 },
  { code: 'household', label: '日用', medianMinor: 2_500, weight: 8 },
  { code: 'personal_care', label: '个护', medianMinor: 3_900, weight: 7 },
  { code: 'alcohol', label: '酒类', medianMinor: 6_800, weight: 4 },
  { code: 'gift', label: '礼品', medianMinor: 19_900, weight: 3 },
];

/** A catalogue of `size` products; index 0 is the best seller (callers pick with a skew). */
export function makeCatalogue(random: Random, size: number): Product[] {
  const totalWeight = CATEGORIES.reduce((s, c) => s + c.weight, 0);
  const products: Product[] = [];
  for (let i = 0; i < size; i += 1) {
    let w = random.next() * totalWeight;
    const category = CATEGORIES.find((c) => (w -= c.weight) < 0) ?? CATEGORIES[0];
    if (!category) throw new Error('no categories');
    // Prices end in 0 or 9 fen, as shelf prices do.
    const raw = Math.round(random.logNormal(category.medianMinor, 0.7));
    const unitPriceMinor = Math.min(500_000, Math.max(100, raw - (raw % 10) + (random.chance(0.5) ? 9 : 0)));
    products.push({
      sku: `${category.code.slice(0, 3).toUpperCase()}${String(100_000 + i)}`,
      name: `${category.label}${i + 1}号`,
      category: category.code,
      unitPriceMinor,
    });
  }
  return products;
}

const SURNAMES =
  '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈' +
  '姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤';
const GIVEN =
  '伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超秀兰霞平刚桂英华玉梅文辉建鹏飞' +
  '宇浩然子轩欣怡梓涵一诺雨泽晨思佳博文嘉俊婷慧琳晓雪海燕志刚春梅永红丹凤';

/** A name such as 张伟 or 欧阳子轩; a few members register with a Latin name. */
export function personName(random: Random): string {
  if (random.chance(0.02))
    return (
      `${random.pick(['Anna', 'David', 'Lily', 'Tom', 'Mia', 'Leo'])} ` +
      `${random.pick(['Chen', 'Wong', 'Smith', 'Li'])}`
    );
  const surname = random.chance(0.01)
    ? random.pick(['欧阳', '司马', '上官', '诸葛'])
    : (SURNAMES[random.int(SURNAMES.length)] ?? '王');
  const first = GIVEN[random.int(GIVEN.length)] ?? '伟';
  return random.chance(0.65) ? surname + first + (GIVEN[random.int(GIVEN.length)] ?? '') : surname + first;
}

// Mobile prefixes in use in mainland China (all accepted by libphonenumber as mobile).
const MOBILE_PREFIXES = [
  '130',
  '131',
  '132',
  '133',
  '135',
  '136',
  '137',
  '138',
  '139',
  '150',
  '151',
  '152',
  '153',
  '155',
  '156',
  '157',
  '158',
  '159',
  '166',
  '176',
  '177',
  '178',
  '180',
  '181',
  '182',
  '183',
  '185',
  '186',
  '187',
  '188',
  '189',
  '199',
];
const SUFFIX_SPACE = 100_000_000;
// Coprime with 10^8, so index → suffix is a permutation: phones are unique without a lookup.
const SUFFIX_STRIDE = 7_919_993;

/** The E.164 phone of member `index`: unique for every index below 32 × 10^8. */
export function memberPhone(index: number): string {
  const prefix = MOBILE_PREFIXES[index % MOBILE_PREFIXES.length] ?? '138';
  const k = Math.floor(index / MOBILE_PREFIXES.length);
  const suffix = (k * SUFFIX_STRIDE + 4_321) % SUFFIX_SPACE;
  return `+86${prefix}${String(suffix).padStart(8, '0')}`;
}

/** A birthday for about two thirds of members (the rest leave it blank), ages 16–80. */
export function birthday(random: Random, atMs: number): string | null {
  if (random.chance(0.35)) return null;
  const ageDays = Math.floor((16 + random.next() * 64) * 365.25);
  return new Date(atMs - ageDays * 86_400_000).toISOString().slice(0, 10);
}
