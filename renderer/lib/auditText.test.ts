import { describe, expect, it } from 'vitest';
import { AuditAction } from '../../shared/contract/audit';
import { en } from '../i18n/en';
import { zhCN } from '../i18n/zhCN';
import { auditActionKey, auditDetailText } from './auditText';

describe('audit trail text', () => {
  it('names every audit action in both languages', () => {
    for (const action of AuditAction.options) {
      const key = auditActionKey(action).split('.').at(-1) ?? '';
      expect(Object.keys(en.auditTrail.action), action).toContain(key);
      expect(Object.keys(zhCN.auditTrail.action), action).toContain(key);
    }
  });
  it('writes details as one line', () => {
    expect(auditDetailText({ status: 'lost', previous: 'active', n: 2, x: null })).toBe(
      'status: lost · previous: active · n: 2 · x: null',
    );
  });
});
