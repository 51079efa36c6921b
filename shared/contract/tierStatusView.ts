import type { TierQualification } from '../domain/rules/tierQualification';
import type { TierStatus } from '../domain/tierStatus';
import type { TierStatusView } from './tierStatus';

/** How a member qualifies, as the member panel and head office's tier route both show it. */
export function tierStatusView(status: TierStatus, policy: TierQualification): TierStatusView {
  return {
    measure: policy.measure,
    window: policy.window,
    value: status.measure,
    windowStart: status.windowStart,
    since: status.since,
    requalifyAt: status.requalifyAt,
    computedTierCode: status.computedTier?.code ?? null,
    override:
      status.override === null
        ? null
        : {
            tierCode: status.override.tierCode,
            reason: status.override.reason,
            setAt: status.override.setAt,
            endsAt: status.override.endsAt,
          },
  };
}
