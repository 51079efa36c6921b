import { describe, expect, it } from 'vitest';
import type { LedgerEntryView } from '../../shared/contract';
import { adjustSummary } from '../../shared/domain/adjustSummary';
import { i18next } from '../i18n/i18n';
import { ledgerDetailText } from './ledgerText';

const zh = i18next.getFixedT('zh-CN');
const en = i18next.getFixedT('en');

const entry = (detail: LedgerEntryView['detail']): LedgerEntryView => ({
  id: '00000000-0000-4000-8000-000000000001',
  kind: 'adjust',
  delta: 50,
  balanceAfter: 50,
  summary: adjustSummary('goodwill', 'cake was late'),
  saleId: null,
  redemptionId: null,
  ruleVersion: null,
  createdAt: 0,
  detail,
});

describe('an adjustment in history', () => {
  it('is worded from its reason in either language, the note as the manager wrote it', () => {
    const e = entry({ kind: 'adjust', reason: 'goodwill', note: 'cake was late' });
    expect(ledgerDetailText(e, 'CNY', 'en', en)).toBe('Goodwill: \u2068cake was late\u2069');
    expect(ledgerDetailText(e, 'CNY', 'zh-CN', zh)).toBe('客户关怀：\u2068cake was late\u2069');
    const bare = entry({ kind: 'adjust', reason: 'lostReceipt', note: '' });
    expect(ledgerDetailText(bare, 'CNY', 'zh-CN', zh)).toBe('小票遗失');
  });

  it('names where a pulled adjustment came from when this till holds no reason', () => {
    const e = entry({ kind: 'adjust', reason: null, note: '' });
    expect(ledgerDetailText(e, 'CNY', 'en', en)).toBe('Adjusted at another shop or at head office');
    expect(ledgerDetailText(e, 'CNY', 'zh-CN', zh)).toBe('在其他门店或总部调整');
  });
});
