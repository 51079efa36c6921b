import type { Lang } from '../text';
import type { Change } from './changeSummary';
import { bpToTimes, minorToFigure } from './formInput';
import { isProgrammeTextKey, programmeText, type ProgrammeTextKey } from './programmeText';

// A change (changeSummary.ts) as a person reads it in the confirmation: the field named in their
// language, multipliers as ×, amounts as figures, a missing value as —.

/** Rule fields keyed by a category, tier or SKU: named with that key. */
const KEYED = new Set([
  'categoryMultipliersBp',
  'tierMultipliersBp',
  'skuMultipliersBp',
  'excludedCategories',
  'excludedSkus',
]);

/** A row's field (a tier's, a reward's, an item's) by its own column heading. */
const LEAF: Record<string, ProgrammeTextKey> = {
  code: 'tierCode',
  name: 'tierName',
  rank: 'rank',
  qualifyPoints: 'qualifyPoints',
  pointsCost: 'pointsCost',
  cashValueMinor: 'cashValue',
  stock: 'stock',
  active: 'active',
  minTierCode: 'minTier',
  category: 'category',
  barcode: 'barcode',
  priceMinor: 'price',
  sku: 'sku',
  defaultOfflineCapPoints: 'defaultCap',
  offlineCapPoints: 'cap',
};

export interface ChangeLine {
  field: string;
  before: string;
  after: string;
}

export function changeLabel(path: string, lang: Lang): string {
  const [head = '', ...rest] = path.split('.');
  if (KEYED.has(head)) {
    const key = `label_${head}`;
    if (isProgrammeTextKey(key)) return programmeText(lang, key, { key: rest.join('.') });
  }
  const whole = `label_${path}`;
  if (isProgrammeTextKey(whole)) return programmeText(lang, whole);
  const leaf = LEAF[rest[rest.length - 1] ?? head];
  if (leaf !== undefined) return rest.length > 0 ? `${head} · ${programmeText(lang, leaf)}` : programmeText(lang, leaf);
  return path;
}

function valueText(path: string, value: string | null, lang: Lang): string {
  if (value === null || value === 'null') return programmeText(lang, 'absent');
  const number = Number(value);
  if (/Bp(\.|$)/.test(path) && Number.isFinite(number)) return `×${bpToTimes(number)}`;
  if (/Minor$/.test(path) && Number.isFinite(number)) return minorToFigure(number);
  return value;
}

export function changeLines(changes: readonly Change[], lang: Lang): ChangeLine[] {
  return changes.map((c) => ({
    field: changeLabel(c.path, lang),
    before: valueText(c.path, c.before, lang),
    after: valueText(c.path, c.after, lang),
  }));
}
