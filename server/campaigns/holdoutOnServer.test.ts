import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { inHoldout, MAX_HOLDOUT_BP } from '../../shared/domain/campaigns/holdout';
import { heldOutOf } from './holdoutOnServer';

describe('heldOutOf', () => {
  it("answers the engine's inHoldout for any campaign, member and share, asked once or twice", () => {
    fc.assert(
      fc.property(
        fc.uuid(),
        fc.array(fc.oneof(fc.uuid(), fc.string()), { minLength: 1, maxLength: 20 }),
        fc.integer({ min: 0, max: MAX_HOLDOUT_BP }),
        (id, memberIds, holdoutBp) => {
          const held = heldOutOf({ id, holdoutBp });
          for (const memberId of [...memberIds, ...memberIds])
            expect(held(memberId)).toBe(inHoldout(id, memberId, holdoutBp));
        },
      ),
      { numRuns: 300 },
    );
  });
});
