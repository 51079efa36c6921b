import { describe, expect, it } from 'vitest';
import { MEMBER_MERGED } from '../../../shared/admin/memberMerge';
import { refusalText } from './refusal';

describe("head office's refusals of a member change, in the user's language", () => {
  it('names a merged duplicate in zh-CN and en', () => {
    const refusal = {
      ok: false as const,
      status: 409,
      error: { code: 'CONFLICT' as const, message: 'merged', details: { reason: MEMBER_MERGED, survivorId: 'x' } },
    };
    expect(refusalText('en', refusal)).toBe(
      'This registration was merged into another member: change the points or tier of the member it was merged into.',
    );
    expect(refusalText('zh-CN', refusal)).toBe('此会员登记已合并到另一位会员：请修改合并后保留的会员的积分或等级。');
  });
});
