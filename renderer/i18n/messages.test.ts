import { describe, it, expect } from 'vitest';
import { ErrorCode } from '../../shared/contract/errors';
import { errorMessages } from '../../shared/contract/errorMessages';
import { en } from './en';
import { headOfficeText } from './headOfficeText';
import { zhCN } from './zhCN';

type Tree = { [key: string]: string | Tree };

function leaves(tree: Tree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [k, v] of Object.entries(tree)) {
    const key = prefix ? `${prefix}.${k}` : k;
    if (typeof v === 'string') out.set(key, v);
    else for (const [kk, vv] of leaves(v, key)) out.set(kk, vv);
  }
  return out;
}
const params = (s: string) => [...s.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();

describe('till text', () => {
  const zh = leaves(zhCN);
  const english = leaves(en);
  it('has the same keys in zh-CN and en, none empty', () => {
    expect([...zh.keys()].sort()).toEqual([...english.keys()].sort());
    for (const v of [...zh.values(), ...english.values()]) expect(v.trim()).not.toBe('');
  });
  it('uses the same placeholders in both languages', () => {
    for (const [key, text] of english) expect(params(zh.get(key) ?? ''), key).toEqual(params(text));
  });
  it('names every validation message the contract can send', () => {
    const codes = ['name_required', 'name_too_long', 'name_invalid', 'phone_invalid', 'terminal_code_invalid'];
    for (const code of [...codes, 'birthday.invalid', 'birthday.future']) {
      expect(english.has(`validation.${code}`)).toBe(true);
    }
  });
  it('has no key that collides with the shared error messages', () => {
    expect(Object.keys(en)).not.toContain('errors');
    expect(ErrorCode.options.length).toBeGreaterThan(0);
  });
});

// Every table a person reads, zh-CN beside en: the till's, head office's screen, the error texts.
const tables: [string, Tree, Tree][] = [
  ['till', zhCN, en],
  ['head office screen', headOfficeText['zh-CN'], headOfficeText.en],
  ['errors', errorMessages['zh-CN'], errorMessages.en],
];
// Latin words a Chinese text may hold: the product's name, the language switch, key caps.
const LATIN_IN_CHINESE = new Set(['Tillcard', 'English', 'Esc', 'Enter']);

describe.each(tables)('%s text', (_name, zhTable, enTable) => {
  const zh = leaves(zhTable);
  const english = leaves(enTable);
  it('has the same keys and the same interpolation params in zh-CN and en', () => {
    expect([...zh.keys()].sort()).toEqual([...english.keys()].sort());
    for (const [key, text] of english) expect(params(zh.get(key) ?? ''), key).toEqual(params(text));
  });
  it('has no English word left in zh-CN', () => {
    const left = [...zh].flatMap(([key, text]) =>
      [...text.replace(/\{\{\w+\}\}/g, '').matchAll(/[A-Za-z]{2,}/g)]
        .map((m) => m[0])
        .filter((w) => !LATIN_IN_CHINESE.has(w) && !/^F\d{1,2}$/.test(w))
        .map((w) => `${key}: ${w}`),
    );
    expect(left).toEqual([]);
  });
});
