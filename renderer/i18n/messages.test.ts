import { describe, it, expect } from 'vitest';
import { ErrorCode } from '../../shared/contract/errors';
import { en } from './en';
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
